import { describe, expect, it } from 'vitest';
import {
  defaultCurveRange,
  erlangCurve,
  loadFromAdmissions,
  lognormalMedianFromCv,
  normBeds,
  occupancyFromGuests,
  seasonalProfileFromWeekly,
  sinusoidalSeasonality,
  wholeBedsUp,
  type WeeklyCount,
} from './calculators';
import { erlangB, minBedsForTarget, occupancy } from './erlang';

const DAYS_PER_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const dayWeightedMean = (monthly: number[]) =>
  monthly.reduce((s, m, i) => s + m * DAYS_PER_MONTH[i]!, 0) / 365;

describe('normBeds', () => {
  it('7,500 admissions × 22 days ÷ (365 × 0.8) = 565.07, so 566 beds', () => {
    const result = normBeds({ admissions: 7500, meanStayDays: 22, occupancy: 0.8 });
    expect(result.exact).toBeCloseTo(165_000 / 292, 12);
    expect(result.exact).toBeCloseTo(565.068, 3);
    expect(result.beds).toBe(566);
  });

  it('a whole number on paper stays that number despite floating-point residue', () => {
    // 73 × 14 ÷ (365 × 0.7) = 1022 ÷ 255.5 = 4, computed as 4.000000000000001.
    const result = normBeds({ admissions: 73, meanStayDays: 14, occupancy: 0.7 });
    expect(result.exact).toBeGreaterThan(4);
    expect(result.beds).toBe(4);
    expect(normBeds({ admissions: 7300, meanStayDays: 10, occupancy: 0.8 }).beds).toBe(250);
    expect(wholeBedsUp(4.0001)).toBe(5);
    expect(wholeBedsUp(0)).toBe(0);
  });

  it('occupancy 1 is allowed, 0 and above 1 are not; the stay must be positive', () => {
    expect(normBeds({ admissions: 365, meanStayDays: 10, occupancy: 1 })).toEqual({
      beds: 10,
      exact: 10,
    });
    expect(() => normBeds({ admissions: 365, meanStayDays: 10, occupancy: 0 })).toThrow(
      'invalid occupancyNorm: 0',
    );
    expect(() => normBeds({ admissions: 365, meanStayDays: 10, occupancy: 1.01 })).toThrow(
      'invalid occupancyNorm',
    );
    expect(() => normBeds({ admissions: 365, meanStayDays: 0, occupancy: 0.8 })).toThrow(
      'invalid meanLengthOfStay',
    );
    expect(() => normBeds({ admissions: -1, meanStayDays: 10, occupancy: 0.8 })).toThrow(
      'invalid admissionsPerYear',
    );
  });
});

describe('occupancyFromGuests', () => {
  it('212 guests × 22 days in 18 beds open all year: 4,664 ÷ 6,570 = 71.0%', () => {
    const result = occupancyFromGuests({ guests: 212, meanStayDays: 22, beds: 18, openDays: 365 });
    expect(result.bedDaysUsed).toBe(4664);
    expect(result.bedDaysAvailable).toBe(6570);
    expect(result.occupancy).toBeCloseTo(0.70989, 5);
  });

  it('Hospice Duurstede 2013: 13 guests × 19 days in 608 bed-days is below 40%', () => {
    // 608 available bed-days; as 2 beds × 304 open days.
    const result = occupancyFromGuests({ guests: 13, meanStayDays: 19, beds: 2, openDays: 304 });
    expect(result.occupancy).toBeCloseTo(247 / 608, 12);
    expect(result.occupancy).toBeLessThan(0.41);
  });

  it('refuses no beds and no open days', () => {
    expect(() => occupancyFromGuests({ guests: 1, meanStayDays: 1, beds: 0, openDays: 1 })).toThrow(
      'invalid beds: 0',
    );
    expect(() => occupancyFromGuests({ guests: 1, meanStayDays: 1, beds: 1, openDays: 0 })).toThrow(
      'invalid openDays: 0',
    );
  });
});

describe('erlangCurve', () => {
  it('B(1, 1) = 1/2 and B(2, 2) = 2/5 by hand, occupancy a(1 − B)/c', () => {
    expect(erlangCurve({ offeredLoad: 1, fromBeds: 1, toBeds: 1 }).points).toEqual([
      { beds: 1, blocking: 0.5, occupancy: 0.5 },
    ]);
    const [point] = erlangCurve({ offeredLoad: 2, fromBeds: 2, toBeds: 2 }).points;
    expect(point!.blocking).toBeCloseTo(0.4, 15);
    expect(point!.occupancy).toBeCloseTo(0.6, 15);
  });

  it('every point equals Erlang B and occupancy; blocking falls and occupancy falls with beds', () => {
    const curve = erlangCurve({ offeredLoad: 16, fromBeds: 8, toBeds: 40, currentBeds: 18 });
    expect(curve.points.map((p) => p.beds)).toEqual(Array.from({ length: 33 }, (_, i) => i + 8));
    for (const p of curve.points) {
      expect(p.blocking).toBeCloseTo(erlangB({ offeredLoad: 16, beds: p.beds }), 13);
      expect(p.occupancy).toBeCloseTo(occupancy({ offeredLoad: 16, beds: p.beds }), 13);
    }
    for (let i = 1; i < curve.points.length; i++) {
      expect(curve.points[i]!.blocking).toBeLessThan(curve.points[i - 1]!.blocking);
      expect(curve.points[i]!.occupancy).toBeLessThan(curve.points[i - 1]!.occupancy);
    }
    expect(curve.currentBeds).toEqual(curve.points[10]);
  });

  it('marks the fewest beds at the target, also outside the plotted range', () => {
    const curve = erlangCurve({ offeredLoad: 21.5, fromBeds: 10, toBeds: 15, target: 0.05 });
    // docs/research.md §1.5: a = 21.5 needs 27 pooled beds at 5%.
    expect(curve.target!.beds).toBe(27);
    expect(curve.target!.beds).toBe(minBedsForTarget({ offeredLoad: 21.5, target: 0.05 }));
    expect(curve.target!.blocking).toBeLessThanOrEqual(0.05);
    expect(curve.target!.target).toBe(0.05);
    expect(curve.points).toHaveLength(6);
  });

  it('the default range runs from half the load to below 0.1% refusals', () => {
    const { fromBeds, toBeds } = defaultCurveRange(16);
    expect(fromBeds).toBe(8);
    expect(erlangB({ offeredLoad: 16, beds: toBeds })).toBeLessThanOrEqual(0.001);
    expect(defaultCurveRange(0)).toEqual({ fromBeds: 1, toBeds: 1 });
    expect(defaultCurveRange(16, [60]).toBeds).toBe(60);
  });

  it('load from admissions: 7,500 × 22 ÷ 365 = 452.05 erlangs', () => {
    expect(loadFromAdmissions(7500, 22)).toBeCloseTo(452.0548, 4);
  });
});

describe('lognormalMedianFromCv', () => {
  it('mean 22, CV 1 gives median 22/√2 = 15.56; the mean/median ratio is √(1 + CV²)', () => {
    expect(lognormalMedianFromCv(22, 1)).toBeCloseTo(15.5563, 4);
    // The demo's stay (mean 22, median 14) has CV √((22/14)² − 1) = 1.212.
    const cv = Math.sqrt((22 / 14) ** 2 - 1);
    expect(lognormalMedianFromCv(22, cv)).toBeCloseTo(14, 12);
    expect(() => lognormalMedianFromCv(22, 0)).toThrow('invalid cv: 0');
  });
});

describe('seasonality', () => {
  it('a sine of amplitude 0 is flat; any sine has a day-weighted mean of 1', () => {
    expect(sinusoidalSeasonality(0, 4)).toEqual(Array(12).fill(1));
    const monthly = sinusoidalSeasonality(0.2, 4);
    expect(dayWeightedMean(monthly)).toBeCloseTo(1, 12);
    // Peak in late January, trough half a year later (late July).
    expect(monthly.indexOf(Math.max(...monthly))).toBe(0);
    expect(monthly.indexOf(Math.min(...monthly))).toBe(6);
    // The January mean of 1 + 0.2·cos(…) lies a little below the peak 1.2.
    expect(monthly[0]).toBeGreaterThan(1.18);
    expect(monthly[0]).toBeLessThan(1.2);
  });

  it('refuses an amplitude of 1 or more and a week outside 1–53', () => {
    expect(() => sinusoidalSeasonality(1, 4)).toThrow('invalid amplitude: 1');
    expect(() => sinusoidalSeasonality(0.1, 54)).toThrow('invalid peakWeek: 54');
  });

  it('recovers the amplitude and peak week of synthetic weekly counts, trend removed', () => {
    const counts: WeeklyCount[] = [];
    for (const [year, level] of [
      [2016, 2800],
      [2017, 3000],
      [2018, 3300],
    ] as const) {
      for (let week = 1; week <= 52; week++) {
        const angle = (2 * Math.PI * ((week - 1) * 7 + 3 - (9 * 7 + 3))) / 365;
        counts.push({ year, week, count: level * (1 + 0.15 * Math.cos(angle)) });
      }
    }
    // An incomplete year and an excluded year do not count.
    counts.push({ year: 2019, week: 1, count: 99_999 });
    for (let week = 1; week <= 52; week++) {
      counts.push({ year: 2020, week, count: week === 14 ? 9000 : 3000 });
    }
    const profile = seasonalProfileFromWeekly(counts, { excludeYears: [2020] });
    expect(profile.years).toEqual([2016, 2017, 2018]);
    expect(profile.amplitude).toBeCloseTo(0.15, 2);
    expect(profile.peakWeek).toBe(10);
    expect(dayWeightedMean(profile.monthly)).toBeCloseTo(1, 12);
    expect(profile.monthly.indexOf(Math.max(...profile.monthly))).toBe(2); // March
  });

  it('flat counts give a flat profile', () => {
    const counts = Array.from({ length: 52 }, (_, i) => ({ year: 2018, week: i + 1, count: 100 }));
    const profile = seasonalProfileFromWeekly(counts);
    expect(profile.amplitude).toBeCloseTo(0, 12);
    for (const m of profile.monthly) {
      expect(m).toBeCloseTo(1, 12);
    }
    expect(() => seasonalProfileFromWeekly(counts.slice(1))).toThrow('no complete year');
  });
});
