import {
  FIRST_YEAR,
  LAST_YEAR,
  planAgainstNeed,
  type Band,
  type PoolingLevel,
  type RegionInput,
  type Scenario,
} from '@palliamonitor/model';
import type { PlansOverview, RegionPlan } from '@palliamonitor/contracts';
import { runForecast } from '../forecast/forecast.service';
import { writeCsv } from '../csv-cells';
import type { StoredPlan } from './plans.repository';

// A region's plan against the beds the capacity engine says are needed, per year from this year to
// 2050. The need is the forecast's Erlang B capacity at the chosen service level, with its
// uncertainty band (Monte Carlo over the uncertain parameters, fixed seed so an answer repeats).

export interface PlanNeedOptions {
  readonly target?: number | undefined;
  readonly pooling?: PoolingLevel | undefined;
  /** Monte Carlo draws for the band; default 200 (the national page runs it for 31 regions). */
  readonly draws?: number | undefined;
}

export const PLAN_DEFAULT_DRAWS = 200;
const PLAN_SEED = 1;

function asBand(value: number | Band): Band {
  return typeof value === 'number' ? { p10: value, p50: value, p90: value } : value;
}

function mid(value: number | Band): number {
  return typeof value === 'number' ? value : value.p50;
}

/** The plan of one region (or the empty plan before the first save) against the need. */
export function planVersusNeed(
  input: RegionInput,
  inputs: readonly RegionInput[],
  plan: StoredPlan | undefined,
  scenario: Scenario,
  options: PlanNeedOptions,
  today: string,
): RegionPlan {
  const from = Math.min(Math.max(Number(today.slice(0, 4)), FIRST_YEAR), LAST_YEAR);
  const draws = options.draws ?? PLAN_DEFAULT_DRAWS;
  const rows = runForecast(inputs, input.code, scenario, {
    from,
    to: LAST_YEAR,
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.pooling === undefined ? {} : { pooling: options.pooling }),
    uncertainty: { draws, seed: PLAN_SEED },
  });
  const currentBeds = Math.round(mid(rows[0]?.currentBeds ?? 0));
  const targets = plan?.targets ?? [];
  const changes = plan?.changes ?? [];
  return {
    region: input.code,
    name: input.name ?? input.code,
    asOf: today,
    version: plan?.version ?? 0,
    savedAt: plan?.savedAt ?? null,
    serviceLevel: serviceLevelOf(scenario, options),
    targets,
    changes,
    years: planAgainstNeed({
      currentBeds,
      changes,
      targets,
      need: rows.map((r) => ({ year: r.year, bedsNeeded: asBand(r.bedsNeededErlang) })),
      today,
    }),
  };
}

export function serviceLevelOf(
  scenario: Scenario,
  options: PlanNeedOptions,
): RegionPlan['serviceLevel'] {
  return {
    target: options.target ?? null,
    pooling: options.pooling ?? null,
    scenario: scenario.id,
    draws: options.draws ?? PLAN_DEFAULT_DRAWS,
  };
}

/** Every zorgkantoorregio's plan against its need, in region-code order. */
export function plansVersusNeed(
  inputs: readonly RegionInput[],
  plans: ReadonlyMap<string, StoredPlan>,
  scenario: Scenario,
  options: PlanNeedOptions,
  today: string,
): PlansOverview {
  const regions = [...inputs]
    .filter((r) => /^ZK\d{2}$/.test(r.code))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((r) => planVersusNeed(r, inputs, plans.get(r.code), scenario, options, today));
  return { asOf: today, serviceLevel: serviceLevelOf(scenario, options), regions };
}

const CSV_COLUMNS = [
  'region',
  'year',
  'current_beds',
  'planned_beds',
  'agreed_beds',
  'target_beds',
  'beds_needed_p10',
  'beds_needed_p50',
  'beds_needed_p90',
  'difference',
  'verdict',
  'plan_version',
];

/** Plans against need as CSV, one row per region and year (the same numbers as the JSON). */
export function plansToCsv(plans: readonly RegionPlan[]): string {
  const records = plans.flatMap((plan) =>
    plan.years.map((y) => [
      plan.region,
      y.year,
      y.currentBeds,
      y.plannedBeds,
      y.agreedBeds,
      y.targetBeds ?? '',
      y.bedsNeeded.p10,
      y.bedsNeeded.p50,
      y.bedsNeeded.p90,
      y.difference,
      y.verdict,
      plan.version,
    ]),
  );
  return writeCsv(records, { header: true, columns: CSV_COLUMNS });
}
