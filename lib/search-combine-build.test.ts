import { describe, expect, it } from 'vitest';
import { LengthBonuses, matchesEachPlaceOnce } from './search-combine-build';
import { placeScore } from './search-combine';

const f = Math.fround;

// Scores of Pagefind 1.6 at 10,000 synthetic articles: "at" and "model" in the text (an element of weight 1, 24 in
// Pagefind's units) and in a heading (weight 6), each matching itself (a length bonus of differential 1).
const TEXT = { weight: 24, score: 512.143310546875 };
const HEADING = { weight: 144, score: 18437.16015625 };
// The bonus read from the place in the text (formsOf): it gives that score back, but not the heading's.
const readInText = f(TEXT.score / (TEXT.weight * TEXT.weight));

describe('Pagefind’s length bonuses learnt from its scores', () => {
  it('give a bonus read from one place as Pagefind has it, once a heavier place pins it down', () => {
    expect(placeScore(HEADING.weight, [readInText])).not.toBe(HEADING.score);
    const bonuses = new LengthBonuses();
    bonuses.observe(TEXT.weight, TEXT.score);
    bonuses.observe(HEADING.weight, HEADING.score);
    const exact = bonuses.exact(readInText);
    expect(placeScore(TEXT.weight, [exact])).toBe(TEXT.score);
    expect(placeScore(HEADING.weight, [exact])).toBe(HEADING.score);
  });

  it('leave a bonus as read while its places allow more than one float', () => {
    const bonuses = new LengthBonuses();
    bonuses.observe(TEXT.weight, TEXT.score);
    expect(bonuses.exact(readInText)).toBe(readInText);
  });

  it('leave the bonus of part of a compound word as read, which holds its lower weight too', () => {
    const bonuses = new LengthBonuses();
    bonuses.observe(HEADING.weight, HEADING.score);
    const part = f(readInText / 4);
    expect(bonuses.exact(part)).toBe(part);
  });

  it('leave bonuses as read when two places of one differential allow no float in common', () => {
    const bonuses = new LengthBonuses();
    bonuses.observe(HEADING.weight, HEADING.score);
    // A score one float over, which none of the floats the first place allows gives.
    bonuses.observe(HEADING.weight, 18437.162109375);
    expect(bonuses.exact(readInText)).toBe(readInText);
  });
});

describe('a word of one letter beside a word it begins, in a stored pair', () => {
  it('is measured there when each place it matches holds one word that begins with it', () => {
    // "a" beside "and", in the chunk of "and": the forms as the pages write them.
    expect(matchesEachPlaceOnce('a', { a: 1, A: 1, 'and,': 0.8, And: 0.8, another: 0.5 })).toBe(true);
    // A compound whose parts begin with it once: "art" of "state-of-the-art" (its other parts are partners, shareCompounds).
    expect(matchesEachPlaceOnce('a', { 'state-of-the-art': 0.4 })).toBe(true);
    // "AI’s" is indexed as "ais" and as "ai" at one place: Pagefind credits it to either, by an order that changes.
    expect(matchesEachPlaceOnce('a', { and: 0.8, 'AI’s': 0.6 })).toBe(false);
    expect(matchesEachPlaceOnce('a', { 'api-ai': 0.4 })).toBe(false);
    // A word of two letters or more is not held to this (it is measured as any word).
    expect(matchesEachPlaceOnce('ai', { 'AI’s': 0.6 })).toBe(true);
  });
});
