// Seeded pseudo-random numbers. The model never calls Math.random(): every random figure comes from a
// seed the caller passes, so the same inputs always give the same outputs (golden tests, reproducible
// forecasts, identical demo history on every machine).

import { checkNonNegative, checkPositive, invalid } from './checks';

const TWO_POW_32 = 4294967296;

/** SplitMix32 step: turns any 32-bit state into a well-mixed output (Steele, Lea & Flood 2014). */
function splitMix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw invalid('seed', seed);
  }
}

/**
 * Derives an independent seed for a sub-stream (a replication, a region, a scenario) from a parent
 * seed and a stream number, so parallel parts of a run do not share random numbers.
 * Units: seed and stream are non-negative safe integers; returns a seed in [0, 2³²).
 */
export function deriveSeed({
  seed,
  stream,
}: {
  readonly seed: number;
  readonly stream: number;
}): number {
  checkSeed(seed);
  checkSeed(stream);
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  let h = splitMix32(low ^ 0x5bd1e995);
  h = splitMix32(h ^ high);
  h = splitMix32(h ^ (stream >>> 0));
  return splitMix32(h ^ (Math.floor(stream / TWO_POW_32) >>> 0));
}

/**
 * xoshiro128** generator (Blackman & Vigna 2018): 128-bit state, period 2¹²⁸ − 1, passes BigCrush.
 * Seeded through SplitMix32 so that nearby seeds give unrelated streams.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal = 0;
  private hasSpareNormal = false;

  constructor(seed: number) {
    checkSeed(seed);
    let state = (seed >>> 0) ^ Math.imul(Math.floor(seed / TWO_POW_32) >>> 0, 0x27d4eb2d);
    state = splitMix32(state);
    this.s0 = state;
    state = splitMix32(state);
    this.s1 = state;
    state = splitMix32(state);
    this.s2 = state;
    state = splitMix32(state);
    this.s3 = state;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) {
      this.s0 = 1; // the all-zero state is a fixed point
    }
  }

  /** Next raw 32-bit output as an unsigned integer in [0, 2³²). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /**
   * Uniform number in the open interval (0, 1), resolution 2⁻³². Never exactly 0 or 1, so its
   * logarithm is always finite.
   */
  next(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  /** Standard normal N(0, 1) by the Box–Muller transform; the second value of each pair is cached. */
  standardNormal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    const radius = Math.sqrt(-2 * Math.log(this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spareNormal = radius * Math.sin(angle);
    this.hasSpareNormal = true;
    return radius * Math.cos(angle);
  }

  /** Exponential variate with the given mean (inverse transform −mean·ln U). */
  exponential(mean: number): number {
    return -mean * Math.log(this.next());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Creates a seeded generator. Units: seed is a non-negative safe integer.
 * Same seed, same sequence, on every platform (integer arithmetic via Math.imul).
 */
export function createRng({ seed }: { readonly seed: number }): Rng {
  return new Rng(seed);
}

/** Uniform variate on (min, max). Assumes min < max; both in the caller's units. */
export function sampleUniform({
  rng,
  min,
  max,
}: {
  readonly rng: Rng;
  readonly min: number;
  readonly max: number;
}): number {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
    throw invalid('range', { min, max });
  }
  return min + (max - min) * rng.next();
}

/** Normal variate with the given mean and standard deviation (Box–Muller), in the caller's units. */
export function sampleNormal({
  rng,
  mean,
  sd,
}: {
  readonly rng: Rng;
  readonly mean: number;
  readonly sd: number;
}): number {
  if (!Number.isFinite(mean)) {
    throw invalid('mean', mean);
  }
  checkNonNegative('sd', sd);
  return mean + sd * rng.standardNormal();
}

export interface LognormalParameters {
  /** μ = ln(median), the mean of ln X. */
  readonly mu: number;
  /** σ = √(2·ln(mean/median)), the standard deviation of ln X. */
  readonly sigma: number;
}

/**
 * Lognormal parameters from the mean and median, the two figures hospices report about length of
 * stay. Since median = e^μ and mean = e^(μ + σ²/2): μ = ln median, σ = √(2 ln(mean/median))
 * (docs/research.md §4). Units: days (or any unit, the same for both). Requires 0 < median ≤ mean;
 * median = mean gives σ = 0 (every value equals the mean).
 */
export function lognormalFromMeanMedian({
  mean,
  median,
}: {
  readonly mean: number;
  readonly median: number;
}): LognormalParameters {
  checkPositive('mean', mean);
  checkPositive('median', median);
  if (median > mean) {
    throw invalid('median', median);
  }
  return { mu: Math.log(median), sigma: Math.sqrt(2 * Math.log(mean / median)) };
}

/** Lognormal variate with the given mean and median (see {@link lognormalFromMeanMedian}). */
export function sampleLognormal({
  rng,
  mean,
  median,
}: {
  readonly rng: Rng;
  readonly mean: number;
  readonly median: number;
}): number {
  const { mu, sigma } = lognormalFromMeanMedian({ mean, median });
  return Math.exp(mu + sigma * rng.standardNormal());
}

/** Exponential variate with the given mean (> 0), e.g. time to death while waiting, in days. */
export function sampleExponential({
  rng,
  mean,
}: {
  readonly rng: Rng;
  readonly mean: number;
}): number {
  checkPositive('mean', mean);
  return rng.exponential(mean);
}

/**
 * Triangular variate on [min, max] with the given mode, by inverse transform. Used for uncertain
 * parameters where only a plausible range and a best guess are known.
 */
export function sampleTriangular({
  rng,
  min,
  mode,
  max,
}: {
  readonly rng: Rng;
  readonly min: number;
  readonly mode: number;
  readonly max: number;
}): number {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= mode && mode <= max && min < max)) {
    throw invalid('triangular', { min, mode, max });
  }
  return triangularFromUniform(rng.next(), min, mode, max);
}

/** Inverse distribution function of the triangular distribution (no checks; hot loops). */
export function triangularFromUniform(u: number, min: number, mode: number, max: number): number {
  const width = max - min;
  const split = (mode - min) / width;
  if (u < split) {
    return min + Math.sqrt(u * width * (mode - min));
  }
  return max - Math.sqrt((1 - u) * width * (max - mode));
}
