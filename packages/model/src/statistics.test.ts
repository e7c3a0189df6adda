import { describe, expect, it } from 'vitest';
import { createRng } from './random';
import {
  bandInPlace,
  meanWithCi95,
  quantileInPlace,
  studentT975,
  tQuantileExpansion,
} from './statistics';

describe('statistics', () => {
  it('studentT975 continues the table smoothly with the Cornish–Fisher expansion', () => {
    // At 30 degrees of freedom the expansion must reproduce the tabulated 2.042272.
    expect(Math.abs(tQuantileExpansion(30) - studentT975({ degreesOfFreedom: 30 }))).toBeLessThan(
      2e-6,
    );
    expect(studentT975({ degreesOfFreedom: 19 })).toBe(2.093024);
    expect(studentT975({ degreesOfFreedom: 1000 })).toBeGreaterThan(1.959964);
    expect(studentT975({ degreesOfFreedom: 1000 })).toBeLessThan(
      studentT975({ degreesOfFreedom: 31 }),
    );
    expect(() => studentT975({ degreesOfFreedom: 0 })).toThrow('invalid degreesOfFreedom: 0');
  });

  it('meanWithCi95 gives mean ± t·s/√n', () => {
    const e = meanWithCi95([1, 2, 3, 4]);
    const s = Math.sqrt(5 / 3);
    expect(e.mean).toBe(2.5);
    expect(e.ci95[1] - e.mean).toBeCloseTo((3.182446 * s) / 2, 12);
    expect(() => meanWithCi95([1])).toThrow('invalid replications: 1');
  });

  it('quantileInPlace matches sorting with linear interpolation (type 7)', () => {
    const rng = createRng({ seed: 11 });
    for (const n of [1, 2, 7, 100, 1001]) {
      const values = Float64Array.from({ length: n }, () => Math.floor(rng.next() * 20));
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [0, 0.1, 0.5, 0.9, 1]) {
        const h = (n - 1) * p;
        const lo = sorted[Math.floor(h)]!;
        const hi = sorted[Math.min(n - 1, Math.floor(h) + 1)]!;
        const expected = lo + (h - Math.floor(h)) * (hi - lo);
        expect(quantileInPlace(values.slice(), p)).toBeCloseTo(expected, 12);
      }
    }
  });

  it('bandInPlace equals quantileInPlace for reals, whole numbers, constants and tiny samples', () => {
    const rng = createRng({ seed: 12 });
    const samples = [
      Float64Array.from({ length: 1000 }, () => rng.next() * 50),
      Float64Array.from({ length: 1000 }, () => 30 + Math.floor(rng.next() * 25)),
      Float64Array.from({ length: 1000 }, () => -Math.floor(rng.next() * 1e6)),
      new Float64Array(50).fill(7),
      Float64Array.of(3, 1),
      Float64Array.of(2),
    ];
    for (const values of samples) {
      const band = bandInPlace(values.slice());
      expect(band.p10).toBeCloseTo(quantileInPlace(values.slice(), 0.1), 10);
      expect(band.p50).toBeCloseTo(quantileInPlace(values.slice(), 0.5), 10);
      expect(band.p90).toBeCloseTo(quantileInPlace(values.slice(), 0.9), 10);
    }
  });

  it('bandInPlace gives ordered P10 ≤ P50 ≤ P90', () => {
    const values = Float64Array.from({ length: 11 }, (_, i) => 10 - i);
    expect(bandInPlace(values)).toEqual({ p10: 1, p50: 5, p90: 9 });
  });
});
