import { describe, expect, it } from 'vitest';
import type { PeriodFigures } from '@palliamonitor/model';
import { countCell, protectSums, publishStatistics } from './statistics-suppression';
import type { ComputedStatistics } from './statistics.repository';

function period(overrides: Partial<PeriodFigures> = {}): PeriodFigures {
  return {
    period: '2026-02',
    from: '2026-02-01',
    to: '2026-02-28',
    days: 28,
    hospices: 1,
    departures: { total: 9, died: 6, dischargedHome: 2, transferred: 1 },
    lengthOfStay: { count: 9, meanDays: 12, medianDays: 10 },
    waitingList: { mean: 6, end: 5 },
    admissions: 7,
    refusals: 0,
    bedDays: 60,
    bedDaysAvailable: 112,
    occupancy: 60 / 112,
    freshDataShare: 1,
    coverage: {
      hospiceMonthsFromEvents: 1,
      hospiceMonthsFromReturns: 0,
      hospiceMonthsWithoutData: 0,
    },
    ...overrides,
  };
}

const stats = (items: PeriodFigures[]): ComputedStatistics => ({
  scope: { kind: 'hospice', code: 'h1', name: 'Hospice' },
  period: 'month',
  from: '2026-02-01',
  to: '2026-02-28',
  freshnessHours: 24,
  isSynthetic: false,
  items,
});

describe('publishStatistics', () => {
  it('gives everything, with empty lists, to those who may see small counts', () => {
    const [row] = publishStatistics(stats([period({ admissions: 2 })]), {
      smallCounts: true,
    }).items;
    expect(row).toMatchObject({ admissions: 2, suppressed: [] });
  });

  it('hides the two smallest departure kinds when one alone would be the total minus the rest', () => {
    const [row] = publishStatistics(stats([period()]), { smallCounts: false }).items;
    // 2 and 1 are small: both hidden; 6 of 9 then says only that the other two make 3.
    expect(row!.departures).toEqual({ total: 9, died: 6, dischargedHome: null, transferred: null });
    const [one] = publishStatistics(
      stats([period({ departures: { total: 12, died: 7, dischargedHome: 5, transferred: 0 } })]),
      { smallCounts: false },
    ).items;
    expect(one!.departures).toEqual({ total: 12, died: 7, dischargedHome: 5, transferred: 0 });
    const [single] = publishStatistics(
      stats([period({ departures: { total: 10, died: 7, dischargedHome: 3, transferred: 0 } })]),
      { smallCounts: false },
    ).items;
    // The 3 alone would be 10 − 7: the 7 goes too.
    expect(single!.departures).toEqual({
      total: 10,
      died: null,
      dischargedHome: null,
      transferred: 0,
    });
    expect(single!.suppressed).toEqual(['departures.died', 'departures.dischargedHome']);
  });

  it('takes occupancy with small bed-days, and stay lengths of fewer than five stays', () => {
    const [row] = publishStatistics(
      stats([
        period({
          bedDays: 3,
          occupancy: 3 / 112,
          lengthOfStay: { count: 6, meanDays: 4, medianDays: 3 },
          departures: { total: 6, died: 6, dischargedHome: 0, transferred: 0 },
        }),
      ]),
      { smallCounts: false },
    ).items;
    expect(row).toMatchObject({ bedDays: null, occupancy: null, lengthOfStay: { meanDays: 4 } });
    const [few] = publishStatistics(
      stats([period({ lengthOfStay: { count: 4, meanDays: 4, medianDays: 3 } })]),
      { smallCounts: false },
    ).items;
    expect(few!.lengthOfStay).toEqual({ count: null, meanDays: null, medianDays: null });
    expect(few!.waitingList).toEqual({ mean: 6, end: 5 });
  });
});

describe('protectSums', () => {
  it('hides the smallest other part where a total and the others would give a hidden one back', () => {
    const total = countCell(20);
    const parts = [countCell(2), countCell(12), countCell(6), countCell(0)];
    protectSums([{ total, parts }]);
    expect(parts.map((p) => p.hidden)).toEqual([true, false, true, false]);
    expect(total.hidden).toBe(false);
  });

  it('hides the total when no other part could be hidden, and settles across sums', () => {
    const alone = { total: countCell(7), parts: [countCell(3), countCell(0)] };
    protectSums([alone]);
    expect(alone.total.hidden).toBe(true);
    // A part hidden for one sum is hidden in every sum it is in.
    const shared = countCell(9);
    const first = { total: countCell(12), parts: [countCell(3), shared] };
    const second = { total: countCell(30), parts: [shared, countCell(21)] };
    protectSums([second, first]);
    expect(shared.hidden).toBe(true);
    expect(second.parts[1]!.hidden).toBe(true);
  });
});
