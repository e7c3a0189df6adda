import { describe, expect, it } from 'vitest';
import { loadErlangVectors } from '../test/reference-vectors';
import { erlangB, erlangC } from './erlang';
import { simulateDailyTrace } from './daily-trace';
import { simulateHospice } from './simulation';

const vectors = loadErlangVectors();

/** Half-width of a confidence interval. */
function halfWidth(ci: readonly [number, number]): number {
  return (ci[1] - ci[0]) / 2;
}

/** Reference checks as `it.each` rows named by their case. */
function byCase<T extends { case: string }>(checks: readonly T[]) {
  return checks.map((check) => [check.case, check] as const);
}

/** A reference check's inputs under the names the formulas use (λ per day, c beds, stay). */
function inputsOf<Median>(inputs: {
  lambda_per_day: number;
  c: number;
  LOS_mean_days: number;
  LOS_median_days: Median;
}) {
  const { lambda_per_day: lambda, c, LOS_mean_days: mean, LOS_median_days: median } = inputs;
  return { lambda, c, mean, median };
}

describe('simulateHospice agrees with Erlang B (insensitivity to the lognormal LOS)', () => {
  it.each(byCase(vectors.simulation_checks))(
    '%s: Erlang B lies inside the simulated 95% CI of blocking and of occupancy',
    (_name, check) => {
      const { lambda, c, mean, median } = inputsOf(check.inputs);
      // About 40,000 measured requests per replication keeps the run short and the CI narrow enough
      // to distinguish, say, B(a, c) from B(a, c + 1).
      const result = simulateHospice({
        beds: c,
        arrivalsPerDay: lambda,
        los: { mean, median },
        days: 40_000 / lambda,
        replications: 20,
        seed: 12345,
      });
      const exact = erlangB({ offeredLoad: lambda * mean, beds: c });
      expect(exact).toBeCloseTo(check.erlang_b, 10);
      expect(result.blocking.ci95[0]).toBeLessThanOrEqual(exact);
      expect(result.blocking.ci95[1]).toBeGreaterThanOrEqual(exact);
      // A CI this narrow can fail: B with one bed more or less is far outside it.
      expect(halfWidth(result.blocking.ci95)).toBeLessThan(
        Math.abs(exact - erlangB({ offeredLoad: lambda * mean, beds: c + 1 })) / 4,
      );
      const theoryOccupancy = check['occupancy_theory_a(1-B)/c'];
      expect(result.occupancy.ci95[0]).toBeLessThanOrEqual(theoryOccupancy);
      expect(result.occupancy.ci95[1]).toBeGreaterThanOrEqual(theoryOccupancy);
      // PASTA: time congestion equals call congestion.
      expect(Math.abs(result.timeCongestion.mean - result.blocking.mean)).toBeLessThan(
        2 * halfWidth(result.blocking.ci95) + 2 * halfWidth(result.timeCongestion.ci95),
      );
    },
  );
});

describe('simulateHospice waiting list (M/G/c FCFS, unlimited list, nobody leaves it)', () => {
  const cases = vectors.simulation_waiting_list_checks.cases;

  it.each(byCase(cases))(
    '%s: mean wait and P(wait) agree with the reference simulation within the combined 95% CIs',
    (_name, check) => {
      const { lambda, c, mean, median } = inputsOf(check.inputs);
      const los =
        check.inputs.LOS_dist === 'exponential' || median === null
          ? ({ distribution: 'exponential', mean } as const)
          : { mean, median };
      const result = simulateHospice({
        beds: c,
        arrivalsPerDay: lambda,
        los,
        // Waits are heavy-tailed with lognormal stays, so the run is longer than for blocking. A run
        // of 60 × 1,000,000 days gave 7.03 d [6.94, 7.12]: the reference 6.81 [6.56, 7.05] agrees.
        days: 500_000,
        replications: 20,
        seed: 2024,
        waitingList: { capacity: Infinity },
      });
      expect(result.blocking.mean).toBe(0);
      // Two independent estimates of the same quantity: their 95% CIs overlap unless they differ.
      const wait = result.meanWaitDays;
      expect(halfWidth(wait.ci95)).toBeLessThan(0.5);
      expect(wait.ci95[0]).toBeLessThanOrEqual(check.sim_mean_wait_ci95[1]);
      expect(wait.ci95[1]).toBeGreaterThanOrEqual(check.sim_mean_wait_ci95[0]);
      const pWait = result.probabilityOfWaiting;
      expect(pWait.ci95[0]).toBeLessThanOrEqual(check.sim_P_wait_ci95[1]);
      expect(pWait.ci95[1]).toBeGreaterThanOrEqual(check.sim_P_wait_ci95[0]);
      // Little's law on the list: mean list size = arrival rate × mean wait.
      expect(result.meanWaitingListSize.mean).toBeCloseTo(lambda * wait.mean, 1);

      const mmcWait = check.mmc_mean_wait_days;
      const pErlangC = erlangC({ offeredLoad: lambda * mean, beds: c });
      expect(pErlangC).toBeCloseTo(check.erlang_c_P_wait, 10);
      if (check.inputs.LOS_dist === 'exponential') {
        // M/M/c is exact here: the formula lies inside the simulated interval.
        expect(wait.ci95[0]).toBeLessThanOrEqual(mmcWait);
        expect(wait.ci95[1]).toBeGreaterThanOrEqual(mmcWait);
      } else {
        // Lognormal stays: the M/M/c wait (5.1 d) is clearly too low (simulated about 6.8 d).
        expect(wait.ci95[0]).toBeGreaterThan(mmcWait);
      }
    },
  );

  it('people die or give up on a finite list as the M/M/c+M birth–death chain predicts', () => {
    const beds = 6;
    const lambda = 0.3;
    const los = 25;
    const capacity = 5;
    const meanTimeToDeathDays = 10;
    const meanTimeToGiveUpDays = 20;
    // Stationary distribution of the number present n (in bed or waiting), exponential LOS.
    const exitRate = 1 / meanTimeToDeathDays + 1 / meanTimeToGiveUpDays;
    const weights = [1];
    for (let n = 1; n <= beds + capacity; n++) {
      const down = Math.min(n, beds) / los + Math.max(0, n - beds) * exitRate;
      weights.push((weights[n - 1]! * lambda) / down);
    }
    const total = weights.reduce((s, w) => s + w, 0);
    const p = weights.map((w) => w / total);
    const meanList = p.reduce((s, pn, n) => s + pn * Math.max(0, n - beds), 0);
    const refused = p[beds + capacity]!;
    const leftList = (exitRate * meanList) / lambda;
    const diedShare = (leftList * (1 / meanTimeToDeathDays)) / exitRate;

    const result = simulateHospice({
      beds,
      arrivalsPerDay: lambda,
      los: { distribution: 'exponential', mean: los },
      days: 100_000,
      replications: 20,
      seed: 7,
      waitingList: { capacity, meanTimeToDeathDays, meanTimeToGiveUpDays },
    });
    // Four checks at once: 99% intervals (t₀.₉₉₅ = 2.861 vs t₀.₉₇₅ = 2.093 for 19 degrees of
    // freedom) keep the chance of a false alarm below 4 × 1% (Bonferroni).
    const within = (e: { mean: number; ci95: readonly [number, number] }, value: number): void => {
      const half99 = (halfWidth(e.ci95) * 2.861) / 2.093;
      expect(Math.abs(e.mean - value)).toBeLessThanOrEqual(half99);
      expect(half99).toBeLessThan(0.1 * value);
    };
    within(result.blocking, refused);
    within(result.meanWaitingListSize, meanList);
    within(result.diedWhileWaitingShare, diedShare);
    within(result.gaveUpShare, leftList - diedShare);
    expect(result.diedWhileWaitingShare.mean).toBeGreaterThan(0.05);
  });

  // A small hospice with a short run: valid options the next two tests vary.
  const small = { beds: 4, arrivalsPerDay: 0.2, los: { mean: 22, median: 13 }, days: 100, seed: 1 };

  it('is deterministic for a seed and changes with the seed', () => {
    const options = { ...small, arrivalsPerDay: 0.15, days: 2000, replications: 3, seed: 99 };
    expect(simulateHospice(options)).toEqual(simulateHospice(options));
    expect(simulateHospice({ ...options, seed: 100 }).blocking.mean).not.toBe(
      simulateHospice(options).blocking.mean,
    );
  });

  it('throws exact messages for invalid arguments', () => {
    const base = small;
    expect(() => simulateHospice({ ...base, beds: -3 })).toThrow('invalid beds: -3');
    expect(() => simulateHospice({ ...base, los: { mean: 10, median: 13 } })).toThrow(
      'invalid los.median: 13',
    );
    expect(() => simulateHospice({ ...base, replications: 1 })).toThrow('invalid replications: 1');
    expect(() => simulateHospice({ ...base, seed: -1 })).toThrow('invalid seed: -1');
    expect(() => simulateHospice({ ...base, seasonality: [1, 1] })).toThrow(
      'invalid seasonality: [1,1]',
    );
  });
});

describe('simulateDailyTrace', () => {
  const options = {
    beds: 6,
    arrivalsPerDay: 0.25,
    los: { mean: 22, median: 13 },
    days: 3650,
    seed: 42,
    startDayOfYear: 32,
    waitingList: { capacity: 3, meanTimeToDeathDays: 12 },
  };
  const trace = simulateDailyTrace(options);

  it('keeps the bed balance every day: occupied = previous + admissions − departures ≤ beds', () => {
    let previous = trace.initialOccupied;
    for (const day of trace.days) {
      expect(day.occupied).toBe(previous + day.admissions - day.departures.total);
      expect(day.occupied).toBeLessThanOrEqual(options.beds);
      expect(day.waitingList).toBeLessThanOrEqual(options.waitingList.capacity);
      expect(day.departures.total).toBe(
        day.departures.died + day.departures.dischargedHome + day.departures.transferred,
      );
      previous = day.occupied;
    }
    expect(trace.days).toHaveLength(options.days);
    expect(trace.days[0]!.dayOfYear).toBe(32);
    expect(trace.days[365 - 31]!.dayOfYear).toBe(1);
  });

  it('lists stays with integer days that add up to the daily admissions and departures', () => {
    const admissions = new Array<number>(options.days).fill(0);
    const died = new Array<number>(options.days).fill(0);
    let ongoing = 0;
    for (const stay of trace.stays) {
      expect(Number.isInteger(stay.admissionDay)).toBe(true);
      if (stay.admissionDay >= 0) {
        admissions[stay.admissionDay]!++;
      }
      if (stay.departureDay === null) {
        ongoing++;
        expect(stay.departureKind).toBeNull();
      } else {
        expect(stay.departureDay).toBeGreaterThanOrEqual(stay.admissionDay);
        if (stay.departureKind === 'died') {
          died[stay.departureDay]!++;
        }
      }
    }
    expect(admissions).toEqual(trace.days.map((d) => d.admissions));
    expect(died).toEqual(trace.days.map((d) => d.departures.died));
    expect(ongoing).toBe(trace.days.at(-1)!.occupied);
    expect(trace.stays.filter((s) => s.admissionDay < 0).length).toBeGreaterThan(0);
    expect(trace.days.some((d) => d.refusals > 0)).toBe(true);
    expect(trace.days.some((d) => d.diedWhileWaiting > 0)).toBe(true);
  });

  it('splits departures by the given shares', () => {
    const shares = { died: 0.8, dischargedHome: 0.15, transferred: 0.05 };
    const long = simulateDailyTrace({
      departureShares: shares,
      beds: 40,
      arrivalsPerDay: 1.5,
      los: { mean: 22, median: 13 },
      days: 3650,
      seed: 5,
    });
    const totals = long.days.reduce(
      (s, d) => ({ n: s.n + d.departures.total, home: s.home + d.departures.dischargedHome }),
      { n: 0, home: 0 },
    );
    const share = totals.home / totals.n;
    const expected = shares.dischargedHome;
    // Binomial standard error; 4 SE is a tolerance a correct sampler exceeds once in ~16,000 runs.
    const se = Math.sqrt((expected * (1 - expected)) / totals.n);
    expect(Math.abs(share - expected)).toBeLessThan(4 * se);
  });

  it('has the Erlang carried load as its long-run mean occupancy', () => {
    const beds = 5;
    const lambda = 0.2;
    const mean = 22;
    const long = simulateDailyTrace({
      beds,
      arrivalsPerDay: lambda,
      los: { mean, median: 13 },
      days: 20_000,
      seed: 11,
    });
    const average = long.days.reduce((s, d) => s + d.occupied, 0) / long.days.length;
    const a = lambda * mean;
    const carried = a * (1 - erlangB({ offeredLoad: a, beds }));
    // End-of-day counts are correlated over about two mean stays: ~20,000/44 independent samples of
    // a count with variance ≤ a, so the standard error is below √(4.4/450) ≈ 0.1 bed.
    expect(Math.abs(average - carried)).toBeLessThan(0.4);
  });

  it('raises the arrival rate in months with a seasonal multiplier', () => {
    const seasonality = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const long = simulateDailyTrace({
      beds: 1000,
      arrivalsPerDay: 4,
      los: { mean: 2, median: 1 },
      days: 3650,
      seed: 3,
      seasonality,
    });
    let january = 0;
    let januaryDays = 0;
    let other = 0;
    let otherDays = 0;
    for (const day of long.days) {
      if (day.dayOfYear <= 31) {
        january += day.admissions;
        januaryDays++;
      } else {
        other += day.admissions;
        otherDays++;
      }
    }
    expect(january / januaryDays).toBeGreaterThan(7.5);
    expect(january / januaryDays).toBeLessThan(8.5);
    expect(other / otherDays).toBeGreaterThan(3.85);
    expect(other / otherDays).toBeLessThan(4.15);
  });

  it('is deterministic for a seed', () => {
    expect(simulateDailyTrace(options)).toEqual(trace);
    expect(simulateDailyTrace({ ...options, seed: 43 })).not.toEqual(trace);
  });

  it('throws exact messages for invalid arguments', () => {
    expect(() =>
      simulateDailyTrace({
        ...options,
        departureShares: { died: 0.5, dischargedHome: 0.2, transferred: 0.2 },
      }),
    ).toThrow('invalid departureShares: {"died":0.5,"dischargedHome":0.2,"transferred":0.2}');
    expect(() => simulateDailyTrace({ ...options, days: 0 })).toThrow('invalid days: 0');
    expect(() => simulateDailyTrace({ ...options, startDayOfYear: 366 })).toThrow(
      'invalid startDayOfYear: 366',
    );
  });
});
