import { POOLING_LEVELS, type PoolingLevel } from './scenarios';
import type { CapacityDetail, PoolingDetail } from './capacity';

/**
 * The national capacity detail as the sum of the regional ones: each region pooled apart (no
 * pooling across regions), counts and beds added, shares and occupancies recomputed from the
 * sums (load-weighted shares, bed-weighted occupancies) so they equal the national ratios. The
 * first region's settings (year, scenario, target, norm, length of stay) stand for the nation.
 * No pools are listed nationally.
 */
export function nationalCapacity(details: readonly CapacityDetail[]): CapacityDetail {
  const first = details[0];
  if (first === undefined) {
    throw new Error('invalid details: no region');
  }
  const sum = (f: (d: CapacityDetail) => number) => details.reduce((s, d) => s + f(d), 0);
  const hospiceRequests = sum((d) => d.hospiceRequests);
  const offeredLoad = sum((d) => d.offeredLoad);
  const byPooling = Object.fromEntries(
    POOLING_LEVELS.map((level): [PoolingLevel, PoolingDetail] => [
      level,
      nationalPooling(level, details, hospiceRequests, offeredLoad),
    ]),
  ) as CapacityDetail['byPooling'];
  return {
    ...first,
    code: 'NL',
    deaths: sum((d) => d.deaths),
    expectedDeaths: sum((d) => d.expectedDeaths),
    hospiceRequests,
    requestsPerDay: sum((d) => d.requestsPerDay),
    offeredLoad,
    bedsNeededNorm: sum((d) => d.bedsNeededNorm),
    currentBeds: sum((d) => d.currentBeds),
    byPooling,
  };
}

function nationalPooling(
  level: PoolingLevel,
  details: readonly CapacityDetail[],
  hospiceRequests: number,
  offeredLoad: number,
): PoolingDetail {
  const parts = details.map((d) => d.byPooling[level]);
  const total = (f: (p: PoolingDetail) => number) => parts.reduce((s, p) => s + f(p), 0);
  const bedsNeeded = total((p) => p.bedsNeeded);
  const currentBeds = total((p) => p.currentBeds);
  const refusals = total((p) => p.refusalsPerYearCurrentBeds);
  // Load-weighted shares and bed-weighted occupancies reproduce the national ratios.
  const loadShare = (f: (p: PoolingDetail) => number) =>
    offeredLoad > 0
      ? parts.reduce((s, p, i) => s + f(p) * details[i]!.offeredLoad, 0) / offeredLoad
      : 0;
  return {
    level,
    bedsNeeded,
    occupancyAtNeeded:
      bedsNeeded > 0 ? total((p) => p.occupancyAtNeeded * p.bedsNeeded) / bedsNeeded : 0,
    refusalShareAtNormBeds: loadShare((p) => p.refusalShareAtNormBeds),
    currentBeds,
    refusalShareCurrentBeds: hospiceRequests > 0 ? refusals / hospiceRequests : 0,
    occupancyCurrentBeds:
      currentBeds > 0 ? total((p) => p.occupancyCurrentBeds * p.currentBeds) / currentBeds : 0,
    refusalsPerYearCurrentBeds: refusals,
    gap: total((p) => p.gap),
    pools: [],
  };
}
