// Turns a chosen scenario plus the explorer's slider settings into a model Scenario. Every value a
// slider sets is marked as an assumption of the user; untouched parameters keep their provenance.

import {
  FIRST_YEAR,
  LAST_YEAR,
  valueAt,
  type ParameterPath,
  type PoolingLevel,
  type Scenario,
} from '@palliamonitor/model';
import type { ScenarioSettings } from './scenario-url';

const NOTE = 'set in the scenario explorer';

function flat<T>(value: T): ParameterPath<T> {
  return {
    points: [
      { year: FIRST_YEAR, value, basis: 'assumption', note: NOTE },
      { year: LAST_YEAR, value, basis: 'assumption', note: NOTE },
    ],
  };
}

/** The hospice share in 2024 and 2050 for a start share and a yearly growth (capped at 1). */
export function sharePath(start: number, growth: number): ParameterPath<number> {
  const end = Math.min(1, start * (1 + growth) ** (LAST_YEAR - FIRST_YEAR));
  return {
    points: [
      { year: FIRST_YEAR, value: start, basis: 'assumption', note: NOTE },
      {
        year: LAST_YEAR,
        value: end,
        basis: 'assumption',
        note: `${NOTE}; growth ${growth} per year`,
      },
    ],
  };
}

/** Yearly growth rate implied by a path's 2024 and 2050 values. */
export function impliedGrowth(path: ParameterPath<number>): number {
  const start = valueAt({ path, year: FIRST_YEAR });
  const end = valueAt({ path, year: LAST_YEAR });
  return start > 0 ? (end / start) ** (1 / (LAST_YEAR - FIRST_YEAR)) - 1 : 0;
}

export function hasOverrides(settings: ScenarioSettings): boolean {
  return (
    settings.hospiceShare !== undefined ||
    settings.growth !== undefined ||
    settings.lengthOfStay !== undefined ||
    settings.targetRefusal !== undefined ||
    settings.pooling !== undefined
  );
}

export function buildScenario(base: Scenario, settings: ScenarioSettings): Scenario {
  if (!hasOverrides(settings)) {
    return base;
  }
  const p = base.parameters;
  let hospiceShare = p.hospiceShare;
  if (settings.hospiceShare !== undefined || settings.growth !== undefined) {
    hospiceShare = sharePath(
      settings.hospiceShare ?? valueAt({ path: p.hospiceShare, year: FIRST_YEAR }),
      settings.growth ?? impliedGrowth(p.hospiceShare),
    );
  }
  let losMean = p.losMean;
  let losMedian = p.losMedian;
  if (settings.lengthOfStay !== undefined) {
    losMean = flat(settings.lengthOfStay);
    // Keep the median below the mean (a lognormal needs it) in the baseline's proportion 13/22.
    losMedian = flat(Math.round(settings.lengthOfStay * (13 / 22) * 10) / 10);
  }
  return {
    ...base,
    id: `${base.id}-aangepast`.slice(0, 64),
    name: `${base.name} (aangepast)`,
    parameters: {
      ...p,
      hospiceShare,
      losMean,
      losMedian,
      targetRefusal:
        settings.targetRefusal === undefined ? p.targetRefusal : flat(settings.targetRefusal),
      pooling: settings.pooling === undefined ? p.pooling : flat<PoolingLevel>(settings.pooling),
    },
  };
}
