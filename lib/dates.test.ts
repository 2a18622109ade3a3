import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from './dates';

describe('parseDate', () => {
  it('accepts a calendar date', () => {
    expect(parseDate('2023-03-01')).toEqual({ ok: true, iso: '2023-03-01', time: Date.UTC(2023, 2, 1) });
  });

  it('accepts date-times with and without a zone', () => {
    expect(parseDate('2023-03-01T09:30')).toMatchObject({ ok: true, iso: '2023-03-01T09:30:00Z' });
    expect(parseDate('2023-03-01 09:30:15')).toMatchObject({ ok: true, time: Date.UTC(2023, 2, 1, 9, 30, 15) });
    expect(parseDate('2023-06-14T12:30:00+02:00')).toMatchObject({ ok: true, time: Date.UTC(2023, 5, 14, 10, 30) });
  });

  it('refuses an impossible date instead of rolling it over', () => {
    const result = parseDate('2023-02-30');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/February 2023 has 28 days/);
    expect(parseDate('2024-02-29').ok).toBe(true);
    expect(parseDate('2023-13-01').ok).toBe(false);
    expect(parseDate('2023-03-01T25:00').ok).toBe(false);
  });

  it('refuses a time zone no place has, which would otherwise give no time at all', () => {
    for (const value of ['2023-03-01T09:30:00+24:00', '2023-03-01T09:30:00+02:60', '2023-03-01T09:30:00-1500']) {
      const parsed = parseDate(value);
      expect(parsed.ok, value).toBe(false);
      expect(parsed.ok ? '' : parsed.reason).toMatch(/impossible time zone/);
    }
    expect(parseDate('2023-03-01T09:30:00+14:00')).toMatchObject({ ok: true, time: Date.UTC(2023, 1, 28, 19, 30) });
  });

  it('refuses text that is not a date', () => {
    expect(parseDate('March 1st').ok).toBe(false);
    expect(parseDate('01/03/2023').ok).toBe(false);
  });
});

describe('formatDate', () => {
  it('shows the calendar date the editor wrote, whatever the zone', () => {
    expect(formatDate('2023-03-01')).toBe('March 1, 2023');
    expect(formatDate('2023-06-14T23:30:00-05:00')).toBe('June 14, 2023');
  });
});
