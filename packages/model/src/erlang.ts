// Erlang loss (B) and delay (C) formulas for sizing hospice beds.
// Method and references: docs/research.md §1 and docs/method.md.

import { checkNonNegative, checkNonNegativeInteger, checkOpenUnit, invalid } from './checks';

export interface LoadAndBeds {
  /** Offered load a in erlangs: admission requests per day × mean length of stay in days. */
  readonly offeredLoad: number;
  /** Number of beds c (servers), a non-negative integer. */
  readonly beds: number;
}

function checkLoadAndBeds({ offeredLoad, beds }: LoadAndBeds): void {
  checkNonNegative('offeredLoad', offeredLoad);
  checkNonNegativeInteger('beds', beds);
}

/**
 * Erlang B without argument checks, for hot loops that have validated their inputs already.
 * Same recursion as {@link erlangB}.
 */
export function erlangBUnchecked(offeredLoad: number, beds: number): number {
  let b = 1;
  for (let k = 1; k <= beds; k++) {
    const ab = offeredLoad * b;
    b = ab / (k + ab);
  }
  return b;
}

/**
 * Erlang B blocking probability B(a, c): the share of admission requests refused because all beds
 * are occupied (M/G/c/c loss system; by PASTA also the share of time all beds are full).
 *
 * Units: offeredLoad in erlangs (requests per day × mean length of stay in days), beds a count.
 * Returns a probability in [0, 1]; B(a, 0) = 1.
 *
 * Assumptions: Poisson arrivals, refused requests are lost (they do not retry or wait), stays are
 * independent. Only the mean length of stay matters (insensitivity), not its distribution.
 *
 * Formula: the stable recursion B₀ = 1, Bₖ = a·Bₖ₋₁ / (k + a·Bₖ₋₁), O(c), every intermediate value in
 * (0, 1] so nothing overflows (Borchers, MATLAB File Exchange #824; docs/research.md §1.2).
 */
export function erlangB(params: LoadAndBeds): number {
  checkLoadAndBeds(params);
  return erlangBUnchecked(params.offeredLoad, params.beds);
}

/** ln(1 + eˣ) without overflow or loss of precision for large |x|. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * Natural logarithm of Erlang B, ln B(a, c), finite where B itself underflows to 0
 * (e.g. a = 200, c = 10,000 gives ln B ≈ −29,326).
 *
 * Units: as {@link erlangB}. Returns −∞ when a = 0 and c ≥ 1.
 *
 * Formula: the same recursion in log space. With Lₖ = ln(1/Bₖ), 1/Bₖ = 1 + (k/a)/Bₖ₋₁ gives
 * Lₖ = softplus(Lₖ₋₁ + ln(k/a)), L₀ = 0.
 */
export function logErlangB(params: LoadAndBeds): number {
  checkLoadAndBeds(params);
  const { offeredLoad, beds } = params;
  if (beds === 0) {
    return 0;
  }
  if (offeredLoad === 0) {
    return -Infinity;
  }
  const logLoad = Math.log(offeredLoad);
  let inverseLog = 0;
  for (let k = 1; k <= beds; k++) {
    inverseLog = softplus(inverseLog + Math.log(k) - logLoad);
  }
  return -inverseLog;
}

/**
 * Carried load a(1 − B): the mean number of occupied beds, in beds.
 * Source: docs/research.md §1.1 (refused requests occupy no bed).
 */
export function carriedLoad(params: LoadAndBeds): number {
  return params.offeredLoad * (1 - erlangB(params));
}

/**
 * Occupancy ρ = a(1 − B)/c: the mean share of beds occupied, in [0, 1).
 * Returns 0 when there are no beds (nothing can be occupied).
 * Assumptions and source: as {@link erlangB}; docs/research.md §1.1.
 */
export function occupancy(params: LoadAndBeds): number {
  checkLoadAndBeds(params);
  if (params.beds === 0) {
    return 0;
  }
  return (
    (params.offeredLoad * (1 - erlangBUnchecked(params.offeredLoad, params.beds))) / params.beds
  );
}

/**
 * Smallest bed count c with B(a, c) ≤ target, without argument checks (hot loops).
 * Returns 0 for a = 0: with no requests nobody is refused.
 */
export function minBedsForTargetUnchecked(offeredLoad: number, target: number): number {
  if (offeredLoad === 0) {
    return 0;
  }
  // The recursion on 1/B (1/Bₖ = 1 + (k/a)/Bₖ₋₁) needs no division per step; it is the same
  // recursion as erlangB, and the demand model's hot loop uses the same form, so both agree exactly.
  const inverseLoad = 1 / offeredLoad;
  const inverseTarget = 1 / target;
  let inverse = 1;
  let k = 0;
  while (inverse < inverseTarget) {
    k++;
    inverse = 1 + k * inverseLoad * inverse;
  }
  return k;
}

/**
 * Beds needed: the smallest c with B(a, c) ≤ target (the "service-level rule", de Bruin et al.,
 * Ann Oper Res 2010; docs/research.md §1.4).
 *
 * Units: offeredLoad in erlangs, target a refusal probability in (0, 1). Returns a bed count.
 * Returns 0 when offeredLoad = 0 (no requests, nothing to refuse).
 *
 * Formula: runs the Erlang B recursion upward and stops at the first k with Bₖ ≤ target, O(c).
 */
export function minBedsForTarget({
  offeredLoad,
  target,
}: {
  readonly offeredLoad: number;
  readonly target: number;
}): number {
  checkNonNegative('offeredLoad', offeredLoad);
  checkOpenUnit('target', target);
  return minBedsForTargetUnchecked(offeredLoad, target);
}

/**
 * Largest offered load (erlangs) that c beds carry with B(a, c) ≤ target: the classic Erlang table.
 *
 * Units: beds a count, target a probability in (0, 1). Returns erlangs; 0 when beds = 0.
 *
 * Formula: bisection on a, valid because B increases in a. The upper bracket c/(1 − target) is safe
 * because the carried load a(1 − B) is below c, so B(a, c) > 1 − c/a. Converges to the float64
 * resolution of a (about 1e-15 relative).
 */
export function maxOfferedLoad({
  beds,
  target,
}: {
  readonly beds: number;
  readonly target: number;
}): number {
  checkNonNegativeInteger('beds', beds);
  checkOpenUnit('target', target);
  if (beds === 0) {
    return 0;
  }
  let low = 0;
  let high = beds / (1 - target);
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (low + high);
    if (mid <= low || mid >= high) {
      break;
    }
    if (erlangBUnchecked(mid, beds) <= target) {
      low = mid;
    } else {
      high = mid;
    }
  }
  return low;
}

/**
 * Erlang C: probability that a request has to wait in an M/M/c queue with an unlimited waiting list.
 *
 * Units: as {@link erlangB}. Returns 1 when a ≥ c (the queue grows without bound).
 *
 * Approximate for hospices: unlike Erlang B it depends on the length-of-stay distribution and is
 * exact only for exponential stays; it also ignores people who die while waiting.
 *
 * Formula: C = c·B / (c − a(1 − B)) (docs/research.md §1.1, §1.6).
 */
export function erlangC(params: LoadAndBeds): number {
  checkLoadAndBeds(params);
  const { offeredLoad, beds } = params;
  if (offeredLoad >= beds) {
    return 1;
  }
  const b = erlangBUnchecked(offeredLoad, beds);
  return (beds * b) / (beds - offeredLoad * (1 - b));
}

/**
 * Natural logarithm of Erlang C, finite where C underflows (e.g. a = 100, c = 10,000).
 * Units and assumptions as {@link erlangC}. Returns 0 when a ≥ c.
 * Formula: ln C = ln c + ln B − ln(c − a + a·B).
 */
export function logErlangC(params: LoadAndBeds): number {
  const logB = logErlangB(params);
  const { offeredLoad, beds } = params;
  if (offeredLoad >= beds) {
    return 0;
  }
  const b = Math.exp(logB);
  return Math.log(beds) + logB - Math.log(beds - offeredLoad + offeredLoad * b);
}

export interface ErlangCMetrics {
  /** Probability that an arriving request must wait, C(a, c). */
  readonly probabilityOfWaiting: number;
  /** Mean wait of all requests, in units of the mean length of stay: C/(c − a). */
  readonly meanWaitInLos: number;
  /** Mean wait of those who wait, in units of the mean length of stay: 1/(c − a). */
  readonly meanWaitOfWaitingInLos: number;
  /** Mean number of people on the waiting list, Lq = a·C/(c − a) (Little's law). */
  readonly meanQueueLength: number;
  /** Share of beds occupied, a/c (capped at 1). */
  readonly utilization: number;
}

/**
 * Erlang C waiting measures for an M/M/c queue (FCFS, unlimited waiting list, nobody leaves it).
 *
 * Units: offeredLoad in erlangs; waits in units of the mean length of stay (multiply by the LOS in
 * days, or use {@link erlangCMeanWaitDays}). When a ≥ c the waits and queue are +∞ and C = 1.
 *
 * Approximate for hospices: waits depend on the LOS distribution (a lognormal LOS with the same mean
 * gave 6.8 days where this formula gives 5.1; docs/research.md §1.6) and people die while
 * waiting, which shortens the list. Use the simulation for waiting-list figures.
 *
 * Formulas: Wq/E[S] = C/(c − a); wait of waiters 1/(c − a); Lq = a·C/(c − a).
 */
export function erlangCMetrics(params: LoadAndBeds): ErlangCMetrics {
  const probabilityOfWaiting = erlangC(params);
  const { offeredLoad, beds } = params;
  if (offeredLoad >= beds) {
    return {
      probabilityOfWaiting,
      meanWaitInLos: Infinity,
      meanWaitOfWaitingInLos: Infinity,
      meanQueueLength: Infinity,
      utilization: beds === 0 ? 0 : 1,
    };
  }
  const spare = beds - offeredLoad;
  return {
    probabilityOfWaiting,
    meanWaitInLos: probabilityOfWaiting / spare,
    meanWaitOfWaitingInLos: 1 / spare,
    meanQueueLength: (offeredLoad * probabilityOfWaiting) / spare,
    utilization: offeredLoad / beds,
  };
}

/**
 * Mean wait in days of all requests in an M/M/c queue: Wq = C(a, c) · E[S] / (c − a).
 *
 * Units: offeredLoad in erlangs, meanLengthOfStay in days; returns days (+∞ when a ≥ c).
 * Approximate for hospices, see {@link erlangCMetrics}. Worked example (docs/research.md §1.6):
 * λ = 1.5/day, LOS 14 d, c = 25 gives Wq ≈ 1.08 days.
 */
export function erlangCMeanWaitDays({
  offeredLoad,
  beds,
  meanLengthOfStay,
}: LoadAndBeds & { readonly meanLengthOfStay: number }): number {
  if (!Number.isFinite(meanLengthOfStay) || meanLengthOfStay <= 0) {
    throw invalid('meanLengthOfStay', meanLengthOfStay);
  }
  return erlangCMetrics({ offeredLoad, beds }).meanWaitInLos * meanLengthOfStay;
}

/** Standard normal density φ(x) = e^(−x²/2)/√(2π), dimensionless; used by the square-root staffing asymptotic. */
export function standardNormalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * Complementary error function erfc(z), relative error about 1e-14.
 * Series for erf when |z| < 2, Lentz continued fraction for erfc beyond (Abramowitz & Stegun
 * 7.1.5 and 7.1.14).
 */
function erfc(z: number): number {
  if (z < 0) {
    return 2 - erfc(-z);
  }
  if (z < 2) {
    // erf(z) = 2/√π Σ (−1)ⁿ z^(2n+1) / (n! (2n+1))
    let term = z;
    let sum = z;
    const z2 = z * z;
    for (let n = 1; n < 100; n++) {
      term *= -z2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(z) = e^(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))), modified Lentz.
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 300; n++) {
    const an = n / 2;
    d = z + an * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = z + an / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) {
      break;
    }
  }
  return Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
}

/** Standard normal distribution function Φ(x), relative error about 1e-14 (also in the tails). */
export function standardNormalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Square-root staffing asymptotic for loss systems: B(a, c) ≈ φ(β) / (√a · Φ(β)) with
 * β = (c − a)/√a (Jagerman 1974; Halfin–Whitt scaling; docs/research.md §1.7).
 *
 * For explanation only ("the safety margin grows like √a"): within about 6% of the exact value for
 * β ≥ 1.5 and a ≥ 20, but 22% high at a = 5. Always report {@link erlangB}.
 * Units: as {@link erlangB}; offeredLoad must be positive.
 */
export function squareRootStaffingBlocking(params: LoadAndBeds): number {
  checkLoadAndBeds(params);
  if (params.offeredLoad === 0) {
    throw invalid('offeredLoad', params.offeredLoad);
  }
  const root = Math.sqrt(params.offeredLoad);
  const beta = (params.beds - params.offeredLoad) / root;
  return standardNormalPdf(beta) / (root * standardNormalCdf(beta));
}

/**
 * Square-root staffing rule c = ⌈a + β√a⌉ (Whitt 2019; docs/research.md §1.7): the safety margin
 * above the mean load grows with √a, which is why pooled beds run fuller at the same refusal rate.
 * Units: offeredLoad in erlangs, beta a dimensionless quality-of-service factor.
 */
export function squareRootStaffingBeds({
  offeredLoad,
  beta,
}: {
  readonly offeredLoad: number;
  readonly beta: number;
}): number {
  checkNonNegative('offeredLoad', offeredLoad);
  if (!Number.isFinite(beta)) {
    throw invalid('beta', beta);
  }
  return Math.max(0, Math.ceil(offeredLoad + beta * Math.sqrt(offeredLoad)));
}
