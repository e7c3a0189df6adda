import { describe, expect, it } from 'vitest';
import { loadErlangVectors, relativeError } from '../test/reference-vectors';
import {
  carriedLoad,
  erlangB,
  erlangC,
  erlangCMeanWaitDays,
  erlangCMetrics,
  logErlangB,
  logErlangC,
  maxOfferedLoad,
  minBedsForTarget,
  occupancy,
  squareRootStaffingBeds,
  squareRootStaffingBlocking,
  standardNormalCdf,
} from './erlang';

const vectors = loadErlangVectors();
const TOLERANCE = 1e-10;

describe('erlangB against the exact reference vectors', () => {
  it('has the 90 reference rows to check', () => {
    expect(vectors.erlang_b).toHaveLength(90);
  });

  it.each(vectors.erlang_b.map((row) => [row.a, row.c, row] as const))(
    'erlangB({offeredLoad: %s, beds: %s}) matches the 12-digit exact value, as do carried load and occupancy',
    (a, c, row) => {
      expect(relativeError(erlangB({ offeredLoad: a, beds: c }), Number(row.B))).toBeLessThan(
        TOLERANCE,
      );
      expect(
        relativeError(carriedLoad({ offeredLoad: a, beds: c }), Number(row.carried_load)),
      ).toBeLessThan(TOLERANCE);
      expect(
        relativeError(occupancy({ offeredLoad: a, beds: c }), Number(row.occupancy)),
      ).toBeLessThan(TOLERANCE);
    },
  );
});

describe('minBedsForTarget against the inverse reference vectors', () => {
  it.each(vectors.inverse_min_beds.map((row) => [row.a, row.target, row.c_min, row] as const))(
    'minBedsForTarget({offeredLoad: %s, target: %s}) is %s and the blocking either side matches',
    (a, target, cMin, row) => {
      const beds = minBedsForTarget({ offeredLoad: a, target });
      expect(beds).toBe(cMin);
      expect(relativeError(erlangB({ offeredLoad: a, beds }), Number(row.B_at_c_min))).toBeLessThan(
        TOLERANCE,
      );
      expect(
        relativeError(erlangB({ offeredLoad: a, beds: beds - 1 }), Number(row.B_at_c_min_minus_1)),
      ).toBeLessThan(TOLERANCE);
      expect(
        relativeError(occupancy({ offeredLoad: a, beds }), Number(row.occupancy_at_c_min)),
      ).toBeLessThan(TOLERANCE);
    },
  );
});

describe('maxOfferedLoad against the classic table vectors', () => {
  it.each(vectors.max_offered_load.map((row) => [row.c, row.target, row.max_a] as const))(
    'maxOfferedLoad({beds: %s, target: %s}) is %s to the stated 12 significant digits',
    (c, target, maxA) => {
      const load = maxOfferedLoad({ beds: c, target });
      // 12 significant digits: half a unit in the 12th digit is at most 5e-12 relative.
      expect(relativeError(load, Number(maxA))).toBeLessThan(5e-12);
      expect(erlangB({ offeredLoad: load, beds: c })).toBeLessThanOrEqual(target);
    },
  );
});

describe('Erlang C against the reference vectors', () => {
  it.each(vectors.erlang_c.map((row) => [row.a, row.c, row] as const))(
    'erlangCMetrics({offeredLoad: %s, beds: %s}) matches P(wait), waits, Lq and utilisation',
    (a, c, row) => {
      const m = erlangCMetrics({ offeredLoad: a, beds: c });
      expect(relativeError(m.probabilityOfWaiting, Number(row.P_wait_C))).toBeLessThan(TOLERANCE);
      expect(relativeError(m.meanWaitInLos, Number(row.Wq_over_ES))).toBeLessThan(TOLERANCE);
      expect(
        relativeError(m.meanWaitOfWaitingInLos, Number(row.Wq_given_wait_over_ES)),
      ).toBeLessThan(TOLERANCE);
      expect(relativeError(m.meanQueueLength, Number(row.Lq))).toBeLessThan(TOLERANCE);
      expect(relativeError(m.utilization, Number(row.utilization))).toBeLessThan(TOLERANCE);
      expect(erlangC({ offeredLoad: a, beds: c })).toBe(m.probabilityOfWaiting);
    },
  );

  it('erlangCMeanWaitDays reproduces the worked example (λ 1.5/day, LOS 14 d, 25 beds)', () => {
    const ex = vectors.erlang_c_worked_example;
    const offeredLoad = ex.lambda_per_day * ex.mean_LOS_days;
    expect(offeredLoad).toBeCloseTo(ex.a, 12);
    expect(relativeError(erlangC({ offeredLoad, beds: ex.c }), Number(ex.P_wait_C))).toBeLessThan(
      TOLERANCE,
    );
    expect(
      relativeError(
        erlangCMeanWaitDays({ offeredLoad, beds: ex.c, meanLengthOfStay: ex.mean_LOS_days }),
        Number(ex.Wq_days),
      ),
    ).toBeLessThan(TOLERANCE);
  });

  it('erlangCMetrics reports certain waiting and unbounded waits when offeredLoad ≥ beds', () => {
    const m = erlangCMetrics({ offeredLoad: 10, beds: 10 });
    expect(m.probabilityOfWaiting).toBe(1);
    expect(m.meanWaitInLos).toBe(Infinity);
    expect(m.meanQueueLength).toBe(Infinity);
  });
});

describe('square-root staffing against the reference vectors', () => {
  it.each(vectors.sqrt_staffing.map((row) => [row.a, row.beta, row.c, row] as const))(
    'for offeredLoad %s and β %s the rule gives %s beds and the asymptotic matches to 6 digits',
    (a, beta, c, row) => {
      expect(squareRootStaffingBeds({ offeredLoad: a, beta })).toBe(c);
      expect(relativeError(erlangB({ offeredLoad: a, beds: c }), row.B_exact)).toBeLessThan(
        TOLERANCE,
      );
      // The file states the asymptotic to 6 significant digits.
      expect(
        relativeError(squareRootStaffingBlocking({ offeredLoad: a, beds: c }), row.B_sqrt_approx),
      ).toBeLessThan(5e-6);
    },
  );

  it('standardNormalCdf matches tabulated values in the centre and far tail', () => {
    // Φ(1), Φ(−3), Φ(−6): Abramowitz & Stegun table 26.1 / standard references.
    expect(relativeError(standardNormalCdf(1), 0.841344746068543)).toBeLessThan(1e-13);
    expect(relativeError(standardNormalCdf(-3), 0.00134989803163009)).toBeLessThan(1e-12);
    expect(relativeError(standardNormalCdf(-6), 9.86587645037698e-10)).toBeLessThan(1e-12);
    expect(standardNormalCdf(0)).toBe(0.5);
  });
});

/** Evaluates one "query" string of a published row with the model. */
function answerPublishedQuery(query: string): number {
  const number = String.raw`(\d+(?:\.\d+)?)`;
  let m = new RegExp(String.raw`^max offered load a with B\(a,${number}\) <= ${number}$`).exec(
    query,
  );
  if (m) {
    return maxOfferedLoad({ beds: Number(m[1]), target: Number(m[2]) });
  }
  m = new RegExp(String.raw`^smallest c with B\(${number},c\) <= ${number}$`).exec(query);
  if (m) {
    return minBedsForTarget({ offeredLoad: Number(m[1]), target: Number(m[2]) });
  }
  m = new RegExp(String.raw`^ln B\(a=${number}, c=${number}\)$`).exec(query);
  if (m) {
    return logErlangB({ offeredLoad: Number(m[1]), beds: Number(m[2]) });
  }
  m = new RegExp(String.raw`^ln C\(a=${number}, c=${number}\)`).exec(query);
  if (m) {
    return logErlangC({ offeredLoad: Number(m[1]), beds: Number(m[2]) });
  }
  m = new RegExp(String.raw`^(?:round\()?B\(a=${number}, c=${number}\)`).exec(query);
  if (m) {
    return erlangB({ offeredLoad: Number(m[1]), beds: Number(m[2]) });
  }
  m = new RegExp(String.raw`^B\(${number},${number}\)$`).exec(query);
  if (m) {
    return erlangB({ offeredLoad: Number(m[1]), beds: Number(m[2]) });
  }
  if (query === 'B(r=0.67 (i.e. 2/3), c=3)') {
    return erlangB({ offeredLoad: 2 / 3, beds: 3 });
  }
  throw new Error(`unrecognised published query: ${query}`);
}

/**
 * One unit in the last decimal place the source printed (sources round or truncate); integers, such
 * as a bed count, are exact.
 */
function statedPrecision(value: number): number {
  const text = String(value);
  return text.includes('.') ? 10 ** -text.split('.')[1]!.length : 0;
}

describe('published Erlang values', () => {
  it.each(vectors.published.map((row) => [row.id, row.query, row] as const))(
    '%s: %s reproduces our exact value and agrees with the source where the source is right',
    (_id, query, row) => {
      const ours = answerPublishedQuery(query);
      expect(relativeError(ours, row.our_value)).toBeLessThan(TOLERANCE);
      const allowed = Math.max(statedPrecision(row.published_value), TOLERANCE * Math.abs(ours));
      if (row.agrees) {
        expect(Math.abs(ours - row.published_value)).toBeLessThanOrEqual(allowed);
      } else {
        // Printed tables contain digit errors; the model must not reproduce them.
        expect(Math.abs(ours - row.published_value)).toBeGreaterThan(allowed);
      }
    },
  );
});

describe('erlangB identities and argument checks', () => {
  it('erlangB({offeredLoad, beds}) is 1 when beds = 0', () => {
    expect(erlangB({ offeredLoad: 3.7, beds: 0 })).toBe(1);
  });

  it('erlangB({offeredLoad, beds: 1}) is a/(1+a)', () => {
    for (const a of [0.1, 1, 7.5, 40]) {
      expect(relativeError(erlangB({ offeredLoad: a, beds: 1 }), a / (1 + a))).toBeLessThan(1e-15);
    }
  });

  it('erlangB increases with the load and decreases with the beds', () => {
    expect(erlangB({ offeredLoad: 5, beds: 6 })).toBeLessThan(
      erlangB({ offeredLoad: 5.1, beds: 6 }),
    );
    expect(erlangB({ offeredLoad: 5, beds: 7 })).toBeLessThan(erlangB({ offeredLoad: 5, beds: 6 }));
  });

  it('logErlangB equals ln erlangB where erlangB does not underflow', () => {
    for (const [a, c] of [
      [0.5, 1],
      [21.5, 27],
      [60, 80],
    ] as const) {
      expect(
        Math.abs(
          logErlangB({ offeredLoad: a, beds: c }) - Math.log(erlangB({ offeredLoad: a, beds: c })),
        ),
      ).toBeLessThan(1e-12);
    }
  });

  it('minBedsForTarget is 0 when there is no load, and maxOfferedLoad is 0 without beds', () => {
    expect(minBedsForTarget({ offeredLoad: 0, target: 0.05 })).toBe(0);
    expect(maxOfferedLoad({ beds: 0, target: 0.05 })).toBe(0);
  });

  it('throws exact messages for invalid arguments', () => {
    expect(() => erlangB({ offeredLoad: 2, beds: -3 })).toThrow('invalid beds: -3');
    expect(() => erlangB({ offeredLoad: 2, beds: 2.5 })).toThrow('invalid beds: 2.5');
    expect(() => erlangB({ offeredLoad: -1, beds: 3 })).toThrow('invalid offeredLoad: -1');
    expect(() => erlangB({ offeredLoad: NaN, beds: 3 })).toThrow('invalid offeredLoad: NaN');
    expect(() => minBedsForTarget({ offeredLoad: 2, target: 0 })).toThrow('invalid target: 0');
    expect(() => maxOfferedLoad({ beds: 5, target: 1 })).toThrow('invalid target: 1');
    expect(() => erlangCMeanWaitDays({ offeredLoad: 2, beds: 3, meanLengthOfStay: 0 })).toThrow(
      'invalid meanLengthOfStay: 0',
    );
  });
});
