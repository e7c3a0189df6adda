import { describe, expect, it } from 'vitest';
import {
  createRng,
  deriveSeed,
  lognormalFromMeanMedian,
  sampleExponential,
  sampleLognormal,
  sampleNormal,
  sampleTriangular,
  sampleUniform,
} from './random';

const N = 200_000;

function moments(draw: () => number): { mean: number; variance: number; values: Float64Array } {
  const values = new Float64Array(N);
  let sum = 0;
  for (let i = 0; i < N; i++) {
    values[i] = draw();
    sum += values[i]!;
  }
  const mean = sum / N;
  let squares = 0;
  for (const v of values) {
    squares += (v - mean) ** 2;
  }
  return { mean, variance: squares / (N - 1), values };
}

/** A sample mean lies within 5 standard errors of the true mean (a false alarm about 1 in 3.5M). */
function expectMean(mean: number, trueMean: number, trueVariance: number): void {
  expect(Math.abs(mean - trueMean)).toBeLessThan(5 * Math.sqrt(trueVariance / N));
}

describe('seeded random numbers', () => {
  it('createRng gives the same sequence for the same seed and another for another seed', () => {
    const a = createRng({ seed: 12345 });
    const b = createRng({ seed: 12345 });
    const c = createRng({ seed: 12346 });
    const seqA = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 8 }, () => c.nextUint32())).not.toEqual(seqA);
    expect(seqA.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  it('uniform numbers fill ten equal bins as a chi-square test expects', () => {
    const rng = createRng({ seed: 1 });
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < N; i++) {
      const u = rng.next();
      if (!(u > 0 && u < 1)) {
        outside++;
      }
      bins[Math.floor(u * 10)]!++;
    }
    expect(outside).toBe(0);
    const expected = N / 10;
    const chi2 = bins.reduce((s, n) => s + (n - expected) ** 2 / expected, 0);
    // 99.9% point of chi-square with 9 degrees of freedom.
    expect(chi2).toBeLessThan(27.88);
  });

  it('sampleUniform has mean (min+max)/2 and variance (max−min)²/12', () => {
    const rng = createRng({ seed: 2 });
    const m = moments(() => sampleUniform({ rng, min: 10, max: 30 }));
    expectMean(m.mean, 20, 400 / 12);
    expect(m.variance).toBeCloseTo(400 / 12, 0);
  });

  it('sampleNormal has the requested mean and standard deviation', () => {
    const rng = createRng({ seed: 3 });
    const m = moments(() => sampleNormal({ rng, mean: 5, sd: 2 }));
    expectMean(m.mean, 5, 4);
    expect(Math.abs(m.variance - 4)).toBeLessThan(0.05);
  });

  it('lognormalFromMeanMedian gives μ = ln median and σ = √(2 ln(mean/median))', () => {
    const { mu, sigma } = lognormalFromMeanMedian({ mean: 25, median: 14 });
    expect(mu).toBeCloseTo(2.639057, 6); // values stated in erlang_vectors.json simulation_checks
    expect(sigma).toBeCloseTo(1.076864, 6);
    expect(() => lognormalFromMeanMedian({ mean: 10, median: 12 })).toThrow('invalid median: 12');
  });

  it('sampleLognormal reproduces the requested mean and median', () => {
    const rng = createRng({ seed: 4 });
    const mean = 22;
    const median = 13;
    const m = moments(() => sampleLognormal({ rng, mean, median }));
    const { sigma } = lognormalFromMeanMedian({ mean, median });
    const variance = mean * mean * (Math.exp(sigma * sigma) - 1);
    expectMean(m.mean, mean, variance);
    const below = m.values.filter((v) => v < median).length / N;
    expect(Math.abs(below - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / N));
  });

  it('sampleExponential has the requested mean', () => {
    const rng = createRng({ seed: 5 });
    const m = moments(() => sampleExponential({ rng, mean: 10 }));
    expectMean(m.mean, 10, 100);
  });

  it('sampleTriangular has mean (min+mode+max)/3 and stays in range', () => {
    const rng = createRng({ seed: 6 });
    const m = moments(() => sampleTriangular({ rng, min: 0.8, mode: 1, max: 1.4 }));
    const variance = (0.64 + 1 + 1.96 - 0.8 - 1.12 - 1.4) / 18;
    expectMean(m.mean, 3.2 / 3, variance);
    expect(m.values.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(0.8);
    expect(m.values.reduce((a, b) => Math.max(a, b))).toBeLessThanOrEqual(1.4);
  });

  it('deriveSeed gives distinct, repeatable seeds per stream', () => {
    const seeds = new Set(
      Array.from({ length: 1000 }, (_, i) => deriveSeed({ seed: 7, stream: i })),
    );
    expect(seeds.size).toBe(1000);
    expect(deriveSeed({ seed: 7, stream: 3 })).toBe(deriveSeed({ seed: 7, stream: 3 }));
    expect(deriveSeed({ seed: 2 ** 40, stream: 0 })).not.toBe(deriveSeed({ seed: 0, stream: 0 }));
  });

  it('throws exact messages for invalid arguments', () => {
    expect(() => createRng({ seed: 1.5 })).toThrow('invalid seed: 1.5');
    expect(() => sampleExponential({ rng: createRng({ seed: 1 }), mean: 0 })).toThrow(
      'invalid mean: 0',
    );
    expect(() =>
      sampleTriangular({ rng: createRng({ seed: 1 }), min: 2, mode: 1, max: 3 }),
    ).toThrow('invalid triangular: {"min":2,"mode":1,"max":3}');
  });
});
