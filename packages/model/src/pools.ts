// Pools of a region's hospices at each pooling level, and sizing them with Erlang B (hot path).

import { invalid } from './checks';
import { erlangBUnchecked, maxOfferedLoad, minBedsForTargetUnchecked } from './erlang';
import {
  BEDS_ERLANG,
  CARRIED_CURRENT,
  CARRIED_NEEDED,
  LOAD,
  REFUSED_LOAD,
  SLOTS,
} from './forecast-slots';
import type { PoolingLevel } from './scenarios';

/** Default house size where a region has no hospice yet [assumption; most houses have 4–8 beds]. */
export const DEFAULT_HOUSE_BEDS = 6;
/** Houses per default cluster [assumption]. */
export const DEFAULT_CLUSTER_SIZE = 3;

/**
 * Clusters where no positions are known: hospices in the given order cut into round(n/3) contiguous
 * groups of near-equal size (so 7 hospices give groups of 3 and 4). With positions,
 * {@link clustersByDistance} is the default.
 */
export function defaultClusters({ hospiceCount }: { readonly hospiceCount: number }): number[][] {
  if (!Number.isInteger(hospiceCount) || hospiceCount < 0) {
    throw invalid('hospiceCount', hospiceCount);
  }
  if (hospiceCount === 0) {
    return [];
  }
  const groups = Math.max(1, Math.round(hospiceCount / DEFAULT_CLUSTER_SIZE));
  const clusters: number[][] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * hospiceCount) / groups);
    const to = Math.floor(((g + 1) * hospiceCount) / groups);
    clusters.push(Array.from({ length: to - from }, (_, i) => from + i));
  }
  return clusters;
}

/**
 * Travel radius within which houses pool their intake [assumption: about a quarter of an hour by
 * car; networks such as Nieuwe Waterweg Noord place guests over several nearby locations,
 * docs/facts.md]. Checked, not fitted: with today's registry and demand it reproduces the refusals
 * demand was built from within 5% (docs/method.md §5).
 */
export const DEFAULT_CLUSTER_RADIUS_KM = 10;

/** Great-circle distance in km (haversine, mean Earth radius 6,371 km). */
export function distanceKm(
  a: { readonly latitude: number; readonly longitude: number },
  b: { readonly latitude: number; readonly longitude: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Default clusters by distance: houses within `radiusKm` of each other pool together, joined
 * transitively (single linkage), so a cluster is a group of houses a guest could be placed across.
 * A house without a known position is a cluster of its own.
 */
export function clustersByDistance({
  locations,
  radiusKm = DEFAULT_CLUSTER_RADIUS_KM,
}: {
  readonly locations: readonly ({ readonly latitude: number; readonly longitude: number } | null)[];
  readonly radiusKm?: number;
}): number[][] {
  if (!(radiusKm >= 0 && Number.isFinite(radiusKm))) {
    throw invalid('radiusKm', radiusKm);
  }
  const n = locations.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < n; i++) {
    const a = locations[i];
    for (let j = i + 1; a && j < n; j++) {
      const b = locations[j];
      if (b && distanceKm(a, b) <= radiusKm) {
        parent[root(j)] = root(i);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  }
  return [...groups.values()];
}

/** Pools of one pooling level: share of the region's load and today's beds per pool. */
export interface PoolStructure {
  readonly weights: Float64Array;
  readonly beds: Int32Array;
  /** Hospice indices per pool (for the capacity detail). */
  readonly members: readonly (readonly number[])[];
  /**
   * The same pools with equal pools merged (equal beds means equal load share): the hot loop sizes
   * each distinct pool once and multiplies. Most houses have 4–8 beds, so this halves the work.
   */
  readonly distinctBeds: Int32Array;
  readonly distinctWeights: Float64Array;
  readonly distinctCounts: Int32Array;
}

export function structureFrom(
  beds: readonly number[],
  groups: readonly (readonly number[])[],
): PoolStructure {
  const total = beds.reduce((s, b) => s + b, 0);
  const poolBeds = groups.map((g) => g.reduce((s, i) => s + beds[i]!, 0));
  const distinct = [...new Set(poolBeds)].sort((a, b) => a - b);
  return {
    weights: Float64Array.from(poolBeds, (b) => b / total),
    beds: Int32Array.from(poolBeds),
    members: groups,
    distinctBeds: Int32Array.from(distinct),
    distinctWeights: Float64Array.from(distinct, (b) => b / total),
    distinctCounts: Int32Array.from(distinct, (b) => poolBeds.filter((x) => x === b).length),
  };
}

// Largest load a house (or cluster of default houses) of the default size carries at a target.
const unitLoadCache = new Map<string, number>();
export function unitMaxLoad(beds: number, target: number): number {
  const key = `${beds}:${target}`;
  let load = unitLoadCache.get(key);
  if (load === undefined) {
    load = maxOfferedLoad({ beds, target });
    unitLoadCache.set(key, load);
  }
  return load;
}

/** Sizing where a region has no hospice yet: virtual houses of the default size, or one pool. */
function sizeVirtual(
  level: PoolingLevel,
  load: number,
  target: number,
  out: Float64Array,
  o: number,
): void {
  let bedsNeeded = 0;
  let carriedNeeded = 0;
  if (level === 'region') {
    bedsNeeded = minBedsForTargetUnchecked(load, target);
    carriedNeeded = load * (1 - erlangBUnchecked(load, bedsNeeded));
  } else if (load > 0) {
    // Houses of the default size (clusters of 3 such houses), as many as the load needs.
    const unitBeds =
      level === 'hospice' ? DEFAULT_HOUSE_BEDS : DEFAULT_HOUSE_BEDS * DEFAULT_CLUSTER_SIZE;
    const units = Math.max(1, Math.ceil(load / unitMaxLoad(unitBeds, target)));
    const unitLoad = load / units;
    const unitNeeded = minBedsForTargetUnchecked(unitLoad, target);
    bedsNeeded = units * unitNeeded;
    carriedNeeded = units * unitLoad * (1 - erlangBUnchecked(unitLoad, unitNeeded));
  }
  out[o + BEDS_ERLANG] = bedsNeeded;
  out[o + CARRIED_NEEDED] = carriedNeeded;
  out[o + CARRIED_CURRENT] = 0;
  out[o + REFUSED_LOAD] = load;
}

/**
 * The Erlang B recursion of one pool for one draw at load a, added into out[o..] (nothing needed,
 * carried or refused without load). One pass serves both questions: B at today's beds and the
 * first bed count meeting the target share the prefix B₁, B₂, … The recursion runs on 1/B, which
 * needs no division: 1/Bₖ = 1 + (k/a)·(1/Bₖ₋₁). All terms are positive, so it is as stable as the B
 * form; for huge bed counts it may reach +∞, which correctly gives B = 0. 1/B₀ = 1 is below
 * 1/target, so the target needs at least one bed. Each loop tests one condition per step: first up
 * to today's beds or the target, whichever comes first, then on to the other.
 */
function sizeOnePool(
  a: number,
  current: number,
  inverseTarget: number,
  count: number,
  out: Float64Array,
  o: number,
): void {
  if (a === 0) {
    return;
  }
  const inverseLoad = 1 / a;
  let k = 0;
  let inverse = 1;
  let needed: number;
  let inverseNeeded: number;
  let inverseCurrent: number;
  while (k < current && inverse < inverseTarget) {
    k++;
    inverse = 1 + k * inverseLoad * inverse;
  }
  if (inverse >= inverseTarget) {
    needed = k;
    inverseNeeded = inverse;
    while (k < current) {
      k++;
      inverse = 1 + k * inverseLoad * inverse;
    }
    inverseCurrent = inverse;
  } else {
    inverseCurrent = inverse;
    while (inverse < inverseTarget) {
      k++;
      inverse = 1 + k * inverseLoad * inverse;
    }
    needed = k;
    inverseNeeded = inverse;
  }
  addPool(count, a, needed, inverseNeeded, inverseCurrent, out, o);
}

/** Adds `count` pools at load a, with the beds needed and 1/B there and at today's beds. */
function addPool(
  count: number,
  a: number,
  needed: number,
  inverseNeeded: number,
  inverseCurrent: number,
  out: Float64Array,
  o: number,
): void {
  const blocked = count * a * (1 / inverseCurrent);
  out[o + BEDS_ERLANG]! += count * needed;
  out[o + CARRIED_NEEDED]! += count * a * (1 - 1 / inverseNeeded);
  out[o + REFUSED_LOAD]! += blocked;
  out[o + CARRIED_CURRENT]! += count * a - blocked;
}

/**
 * Sizes the pools of one pooling level for the load of each of `draws` draws stored from
 * out[offset] (SLOTS apart, the load in slot LOAD), and writes the additive results beside it.
 * Hot path of the Monte Carlo (bench/model-bench.ts): no allocation, and the pools outside the
 * draws, so that each pool's share, beds and count are read once per region and year. Every draw
 * sums its pools in pool order. `order`: the draws by ascending load (a permutation; any order gives
 * the same numbers, this one is faster), or null.
 */
/**
 * What the four chains of {@link sizePools} found, written only at the two steps that matter (today's
 * beds, and the first bed count meeting the target), so the loop keeps its state in registers.
 */
class Lanes {
  private readonly needed = new Float64Array(4);
  private readonly inverseNeeded = new Float64Array(4);
  private readonly inverseCurrent = new Float64Array(4);

  /** Chains that have not met the target yet. */
  open = 0;

  /** Before the first step: 1/B₀ = 1 at zero beds, and no chain has met the target. */
  start(): void {
    // Four stores, not fill(): this runs once per group of four chains.
    this.inverseCurrent[0] = 1;
    this.inverseCurrent[1] = 1;
    this.inverseCurrent[2] = 1;
    this.inverseCurrent[3] = 1;
    this.open = 4;
  }

  atCurrent(i1: number, i2: number, i3: number, i4: number): void {
    this.inverseCurrent[0] = i1;
    this.inverseCurrent[1] = i2;
    this.inverseCurrent[2] = i3;
    this.inverseCurrent[3] = i4;
  }

  /** Lane `lane` meets the target at step k with 1/B = inverse; returns NaN, which no 1/B reaches. */
  met(lane: number, k: number, inverse: number): number {
    this.needed[lane] = k;
    this.inverseNeeded[lane] = inverse;
    this.open--;
    return NaN;
  }

  add(count: number, a: number, lane: number, out: Float64Array, o: number): void {
    addPool(
      count,
      a,
      this.needed[lane]!,
      this.inverseNeeded[lane]!,
      this.inverseCurrent[lane]!,
      out,
      o,
    );
  }
}
const lanes = new Lanes();

/**
 * The draws of one region and year in a run's output: `draws` of them from out[offset..], SLOTS
 * each, and their order by ascending load where known (null: their own order).
 */
export interface DrawBlock {
  readonly out: Float64Array;
  readonly offset: number;
  readonly draws: number;
  readonly order: Int32Array | null;
}

export function sizePools(
  pools: RegionPools | null,
  level: PoolingLevel,
  target: number,
  block: DrawBlock,
): void {
  const { out, offset, draws, order } = block;
  const end = offset + draws * SLOTS;
  if (pools === null) {
    for (let o = offset; o < end; o += SLOTS) {
      sizeVirtual(level, out[o + LOAD]!, target, out, o);
    }
    return;
  }
  for (let o = offset; o < end; o += SLOTS) {
    out[o + BEDS_ERLANG] = 0;
    out[o + CARRIED_NEEDED] = 0;
    out[o + CARRIED_CURRENT] = 0;
    out[o + REFUSED_LOAD] = 0;
  }
  const inverseTarget = 1 / target;
  const structure = pools[level];
  const weights = structure.distinctWeights;
  for (let j = 0; j < weights.length; j++) {
    const weight = weights[j]!;
    const current = structure.distinctBeds[j]!;
    const count = structure.distinctCounts[j]!;
    // Four draws at a time, the same recursion as sizeOnePool: each step waits for the one before,
    // so a single chain leaves the CPU idle most of the time; independent chains in one loop run
    // side by side. All four step until each has passed both today's beds and its target; a
    // chain's values are only read at those two steps, so the steps it takes beyond them change
    // nothing. The draws are grouped in the order given (by load): four chains of nearly the same
    // load meet their target together, so few steps are taken beyond, and groups that follow each
    // other take the same turns, which the processor learns to predict.
    const ids = order ?? identity(draws);
    let r = 0;
    for (; r + 3 < draws; r += 4) {
      const o1 = offset + ids[r]! * SLOTS;
      const o2 = offset + ids[r + 1]! * SLOTS;
      const o3 = offset + ids[r + 2]! * SLOTS;
      const o4 = offset + ids[r + 3]! * SLOTS;
      const a1 = out[o1 + LOAD]! * weight;
      const a2 = out[o2 + LOAD]! * weight;
      const a3 = out[o3 + LOAD]! * weight;
      const a4 = out[o4 + LOAD]! * weight;
      if (a1 === 0 || a2 === 0 || a3 === 0 || a4 === 0) {
        for (let q = r; q < r + 4; q++) {
          const oq = offset + ids[q]! * SLOTS;
          sizeOnePool(out[oq + LOAD]! * weight, current, inverseTarget, count, out, oq);
        }
        continue;
      }
      const c1 = 1 / a1;
      const c2 = 1 / a2;
      const c3 = 1 / a3;
      const c4 = 1 / a4;
      // Per chain: 1/B now (i) and the level it must reach (g: 1/target until the chain meets the
      // target, then NaN, so the test never fires twice); lanes records both findings.
      let i1 = 1;
      let i2 = 1;
      let i3 = 1;
      let i4 = 1;
      let g1 = inverseTarget;
      let g2 = inverseTarget;
      let g3 = inverseTarget;
      let g4 = inverseTarget;
      let k = 0;
      lanes.start();
      while (k < current || lanes.open > 0) {
        k++;
        i1 = 1 + k * c1 * i1;
        i2 = 1 + k * c2 * i2;
        i3 = 1 + k * c3 * i3;
        i4 = 1 + k * c4 * i4;
        if (k === current) {
          lanes.atCurrent(i1, i2, i3, i4);
        }
        g1 = i1 >= g1 ? lanes.met(0, k, i1) : g1;
        g2 = i2 >= g2 ? lanes.met(1, k, i2) : g2;
        g3 = i3 >= g3 ? lanes.met(2, k, i3) : g3;
        g4 = i4 >= g4 ? lanes.met(3, k, i4) : g4;
      }
      lanes.add(count, a1, 0, out, o1);
      lanes.add(count, a2, 1, out, o2);
      lanes.add(count, a3, 2, out, o3);
      lanes.add(count, a4, 3, out, o4);
    }
    for (; r < draws; r++) {
      const o = offset + ids[r]! * SLOTS;
      sizeOnePool(out[o + LOAD]! * weight, current, inverseTarget, count, out, o);
    }
  }
}

// 0, 1, 2, …: the order of the draws where none is given.
let identityOrder = new Int32Array(0);
function identity(draws: number): Int32Array {
  if (identityOrder.length < draws) {
    identityOrder = Int32Array.from({ length: draws }, (_, d) => d);
  }
  return identityOrder;
}

export type RegionPools = { readonly [level in PoolingLevel]: PoolStructure };
