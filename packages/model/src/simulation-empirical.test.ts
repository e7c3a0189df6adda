import { describe, expect, it } from 'vitest';
import { erlangB } from './erlang';
import { empiricalStay, simulateHospice } from './simulation';

describe('simulateHospice with an empirical stay', () => {
  it('empiricalStay takes the weighted mean and refuses stays of 0 and bad weights', () => {
    expect(empiricalStay([10, 30]).mean).toBe(20);
    expect(empiricalStay([10, 30], [3, 1]).mean).toBe(15);
    expect(() => empiricalStay([])).toThrow('invalid los.values');
    expect(() => empiricalStay([0, 5])).toThrow('invalid los.values');
    expect(() => empiricalStay([5, 6], [1])).toThrow('invalid los.weights');
    expect(() => empiricalStay([5, 6], [0, 0])).toThrow('invalid los.weights');
  });

  it('a fixed stay of 22 days refuses as Erlang B says (insensitivity), within the CI', () => {
    const lambda = 16 / 22;
    const result = simulateHospice({
      beds: 18,
      arrivalsPerDay: lambda,
      los: empiricalStay([22]),
      days: 30_000 / lambda,
      replications: 12,
      seed: 99,
    });
    const exact = erlangB({ offeredLoad: 16, beds: 18 });
    expect(result.blocking.ci95[0]).toBeLessThanOrEqual(exact);
    expect(result.blocking.ci95[1]).toBeGreaterThanOrEqual(exact);
  });

  it('draws the stays by their weights: a weight of 0 is never drawn', () => {
    // Stays of 1 day (weight 1) or 1,000 days (weight 0): occupancy is that of 1-day stays.
    const los = empiricalStay([1, 1000], [1, 0]);
    const result = simulateHospice({
      beds: 50,
      arrivalsPerDay: 5,
      los,
      days: 2000,
      warmupDays: 50,
      replications: 4,
      seed: 3,
    });
    expect(result.occupancy.mean).toBeCloseTo(5 / 50, 2);
    expect(result.blocking.mean).toBe(0);
  });

  it('refuses a mean that is not the mean of the values', () => {
    expect(() =>
      simulateHospice({
        beds: 2,
        arrivalsPerDay: 1,
        los: { distribution: 'empirical', mean: 5, values: [1, 2] },
        days: 10,
        seed: 1,
      }),
    ).toThrow('invalid los.mean: 5');
  });
});
