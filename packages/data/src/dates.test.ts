import { describe, expect, it } from 'vitest';
import { dutchDate } from './dates';

describe('dutchDate', () => {
  it('is the date in Europe/Amsterdam, also when calls alternate across midnight', () => {
    // Winter (UTC+1) and summer (UTC+2): the Dutch day starts at 23:00 and 22:00 UTC.
    const cases: Array<[string, string]> = [
      ['2026-01-15T22:59:59.999Z', '2026-01-15'],
      ['2026-01-15T23:00:00.000Z', '2026-01-16'],
      ['2026-07-15T21:59:59.999Z', '2026-07-15'],
      ['2026-07-15T22:00:00.000Z', '2026-07-16'],
      // the night the clocks go forward (02:00 → 03:00 on 29 March 2026)
      ['2026-03-28T22:59:00.000Z', '2026-03-28'],
      ['2026-03-28T23:00:00.000Z', '2026-03-29'],
      ['2026-03-29T01:30:00.000Z', '2026-03-29'],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [instant, date] of cases) {
        expect(dutchDate(new Date(instant))).toBe(date);
      }
    }
  });

  it('refuses an invalid date, as the formatter does', () => {
    expect(() => dutchDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
