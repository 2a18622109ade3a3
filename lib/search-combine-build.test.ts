import { describe, expect, it } from 'vitest';
import { LengthBonuses } from './search-combine-build';
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
