import type { Kysely } from 'kysely';
import type {
  ForecastInput,
  PeriodFigures,
  PlanYear,
  RegionPlan,
  RegionReport,
  ReportMonthFigures,
  ReportMonthSuppressible,
  StatisticsSuppressible,
} from '@palliamonitor/contracts';
import { FIRST_YEAR, LAST_YEAR, type RegionInput, type Scenario } from '@palliamonitor/model';
import type { Database } from '../store/schema';
import { dutchDate } from '../dates';
import { AppError } from '../errors';
import { getRegionOrThrow } from '../registry/regions.repository';
import { listHospices } from '../registry/hospice-reads';
import { cachedModelInputs } from '../demography/model-inputs';
import { regionBedStatus } from '../collection/bed-status-reads';
import { regionCompleteness } from '../collection/completeness';
import {
  NATIONAL_CODE,
  getStatistics,
  type ComputedStatistics,
} from '../collection/statistics.repository';
import { publishStatistics } from '../collection/statistics-suppression';
import { factsFor, registryFacts } from '../forecast/forecast-provenance';
import { answerForecast, runCapacity } from '../forecast/forecast.service';
import { getScenarioOrThrow } from '../forecast/scenarios.repository';
import { currentRegionPlan, currentRegionPlans } from '../plans/plans.repository';
import { planVersusNeed, plansVersusNeed } from '../plans/plan-vs-need.service';

// The regional report as one model of figures. Every figure comes from the function the API's own
// route answers with, called with that route's defaults (baseline scenario, the scenario's
// service level, the plan's draws), so the report never tells another story than the API:
// GET /regions/{code} and /bed-status (capacity now), /statistics (occupancy, refusals, waiting
// lists), /forecast and /capacity (forecast, Erlang against the norm), /plan (plan against need).

const MONTHS_SHOWN = 12;

export interface ReportOptions {
  readonly now: Date;
  readonly freshnessHours: number;
  /** Whether the reader sees the small counts of people as they are (see publishStatistics). */
  readonly smallCounts: boolean;
}

/** The statistics' names of the month figures the report shows, by the report's names. */
const MONTH_FIELDS: ReadonlyArray<[ReportMonthSuppressible, StatisticsSuppressible]> = [
  ['occupancy', 'occupancy'],
  ['admissions', 'admissions'],
  ['refusals', 'refusals'],
  ['waitingListMean', 'waitingList.mean'],
  ['waitingListEnd', 'waitingList.end'],
];

/** A month of the statistics as the report shows it, with the figures suppressed there named. */
function monthOf(p: PeriodFigures): ReportMonthFigures {
  return {
    period: p.period,
    occupancy: p.occupancy,
    admissions: p.admissions,
    refusals: p.refusals,
    waitingListMean: p.waitingList.mean,
    waitingListEnd: p.waitingList.end,
    freshDataShare: p.freshDataShare,
    suppressed: MONTH_FIELDS.filter(([, field]) => p.suppressed.includes(field)).map(
      ([name]) => name,
    ),
  };
}

async function nameOf(db: Kysely<Database>, code: string, today: string): Promise<string> {
  if (code === NATIONAL_CODE) {
    return 'Nederland';
  }
  const region = await getRegionOrThrow(db, code, today);
  if (region.type !== 'zorgkantoorregio') {
    throw new AppError('NOT_FOUND', `no report for ${code}: not a zorgkantoorregio`, [
      { field: 'code', message: `unknown zorgkantoorregio ${code}` },
    ]);
  }
  return region.name;
}

/** The plan against need: the region's own, or for NL the regions' plans added up per year. */
async function planPart(
  db: Kysely<Database>,
  code: string,
  inputs: readonly RegionInput[],
  scenario: Scenario,
  today: string,
): Promise<RegionReport['plan']> {
  const ofYears = (years: readonly PlanYear[], summed: boolean) =>
    years.map((y) => ({
      year: y.year,
      currentBeds: y.currentBeds,
      plannedBeds: y.plannedBeds,
      agreedBeds: y.agreedBeds,
      targetBeds: y.targetBeds,
      bedsNeeded: y.bedsNeeded,
      verdict: summed ? null : y.verdict,
    }));
  if (code !== NATIONAL_CODE) {
    const input = inputs.find((r) => r.code === code);
    if (!input) {
      throw new AppError('NOT_FOUND', `no model inputs for ${code}`, [
        { field: 'code', message: `unknown zorgkantoorregio ${code}` },
      ]);
    }
    const plan = planVersusNeed(
      input,
      inputs,
      await currentRegionPlan(db, code),
      scenario,
      {},
      today,
    );
    return {
      version: plan.version,
      savedAt: plan.savedAt,
      summedOverRegions: false,
      serviceLevel: plan.serviceLevel,
      years: ofYears(plan.years, false),
    };
  }
  const all = plansVersusNeed(inputs, await currentRegionPlans(db), scenario, {}, today);
  return {
    version: all.regions.filter((r) => r.version > 0).length,
    savedAt: null,
    summedOverRegions: true,
    serviceLevel: all.serviceLevel,
    years: ofYears(sumPlanYears(all.regions), true),
  };
}

/** Per year the sum over the regions; the bands are added quantile by quantile, as labelled. */
export function sumPlanYears(regions: readonly RegionPlan[]): PlanYear[] {
  const first = regions[0];
  if (!first) {
    return [];
  }
  return first.years.map((y, i) => {
    const at = regions.map((r) => r.years[i]!);
    const sum = (pick: (p: PlanYear) => number) => at.reduce((s, p) => s + pick(p), 0);
    const targets = at.filter((p) => p.targetBeds !== null);
    return {
      year: y.year,
      currentBeds: sum((p) => p.currentBeds),
      plannedBeds: sum((p) => p.plannedBeds),
      agreedBeds: sum((p) => p.agreedBeds),
      targetBeds: targets.length === 0 ? null : targets.reduce((s, p) => s + p.targetBeds!, 0),
      bedsNeeded: {
        p10: sum((p) => p.bedsNeeded.p10),
        p50: sum((p) => p.bedsNeeded.p50),
        p90: sum((p) => p.bedsNeeded.p90),
      },
      difference: sum((p) => p.difference),
      verdict: 'within',
    };
  });
}

const num = (value: number | { p50: number }): number =>
  typeof value === 'number' ? value : value.p50;

/** Where the figures that are not model inputs come from, labelled as the inputs are. */
function ownSources(freshnessHours: number): ForecastInput[] {
  return [
    {
      name: 'Bezetting, opnames, weigeringen en wachtlijst',
      value: 'registraties en maandopgaven van de hospices',
      provenance: 'measured',
      source:
        'Palliamonitor: beddenstatus, bewegingen en maandopgaven (GET /regions/{code}/statistics)',
    },
    {
      name: 'Actuele beddenstatus',
      value: `vers = bevestigd binnen ${freshnessHours} uur`,
      provenance: 'measured',
      source: 'Palliamonitor: beddenstatus per voorziening (GET /regions/{code}/bed-status)',
    },
    {
      name: 'Beddenplan van de regio',
      value: 'doelen en geplande wijzigingen',
      provenance: 'imported',
      source: 'Vastgelegd door de regisseur (GET /regions/{code}/plan)',
    },
  ];
}

/** The report of a zorgkantoorregio (ZKxx) or the nation (NL) on the day of `options.now`. */
export async function buildRegionReport(
  db: Kysely<Database>,
  code: string,
  options: ReportOptions,
): Promise<RegionReport> {
  return (await reportAndStatistics(db, code, options)).report;
}

/** A report as it is kept at the end of its month (see kept-reports.repository.ts). */
export interface KeptReport {
  /** In full: the small counts as they are. */
  readonly report: RegionReport;
  /** Its months as the public cut showed them that day. */
  readonly publicMonths: readonly ReportMonthFigures[];
}

/**
 * The report to keep: in full, and its month figures also as a reader who may not see small
 * counts got them, both from the same statistics, so that such a reader later gets what the live
 * report gave them that day (the occupancy rule needs bed-days, which the report does not hold).
 */
export async function buildKeptReport(
  db: Kysely<Database>,
  code: string,
  options: Omit<ReportOptions, 'smallCounts'>,
): Promise<KeptReport> {
  const { report, statistics } = await reportAndStatistics(db, code, {
    ...options,
    smallCounts: true,
  });
  return { report, publicMonths: monthsOf(statistics, false) };
}

/** The months the report shows, cut for the reader as GET /regions/{code}/statistics is. */
function monthsOf(statistics: ComputedStatistics, smallCounts: boolean): ReportMonthFigures[] {
  return publishStatistics(statistics, { smallCounts }).items.slice(-MONTHS_SHOWN).map(monthOf);
}

async function reportAndStatistics(
  db: Kysely<Database>,
  code: string,
  options: ReportOptions,
): Promise<{ report: RegionReport; statistics: ComputedStatistics }> {
  const today = dutchDate(options.now);
  const name = await nameOf(db, code, today);
  const currentYear = Math.min(Math.max(Number(today.slice(0, 4)), FIRST_YEAR), LAST_YEAR);
  const inputs = await cachedModelInputs(db, today);
  const scenario = await getScenarioOrThrow(db, 'baseline');
  const facts = factsFor(await registryFacts(db, today), code);
  const forecast = answerForecast(
    inputs,
    code,
    scenario,
    { from: FIRST_YEAR, to: LAST_YEAR },
    { facts, asOf: today },
  );
  const capacity = runCapacity(inputs, code, scenario, { year: currentYear });
  const statuses = await regionBedStatus(db, code, options.now, options.freshnessHours);
  const { items: hospices } = await listHospices(db, {
    asOf: today,
    openOnly: true,
    ...(code === NATIONAL_CODE ? {} : { region: code }),
    limit: 100_000,
    offset: 0,
  });
  const names = new Map(hospices.map((h) => [h.id, h.name]));
  // The same figures as GET /regions/{code}/statistics, cut for the reader the same way.
  const statistics = await getStatistics(
    db,
    { kind: 'region', code },
    { period: 'month' },
    { now: options.now, freshnessHours: options.freshnessHours },
  );
  const fresh = statuses.filter((s) => s.freshness === 'fresh');
  const reporting = await regionCompleteness(db, code, options.now, options.freshnessHours);
  const report: RegionReport = {
    code,
    name,
    asOf: today,
    generatedAt: options.now.toISOString(),
    capacity: {
      facilities: hospices.length,
      licensedBeds: hospices.reduce((s, h) => s + h.licensedBeds, 0),
      syntheticFacilities: hospices.filter((h) => h.isSynthetic).length,
      freshFacilities: fresh.length,
      bedsOpen: fresh.reduce((s, b) => s + (b.bedsOpen ?? 0), 0),
      bedsFree: fresh.reduce((s, b) => s + (b.bedsFree ?? 0), 0),
    },
    months: monthsOf(statistics, options.smallCounts),
    forecast: {
      scenario: { id: scenario.id, name: scenario.name, version: scenario.version },
      years: forecast.rows.map((r) => ({
        year: r.year,
        observed: r.observed,
        currentBeds: num(r.currentBeds),
        bedsNeededErlang: num(r.bedsNeededErlang),
        bedsNeededNorm: num(r.bedsNeededNorm),
        gap: num(r.gap),
      })),
    },
    norm: {
      year: capacity.year,
      target: capacity.target,
      occupancyNorm: capacity.occupancyNorm,
      bedsNeededErlang: capacity.byPooling[capacity.pooling].bedsNeeded,
      bedsNeededNorm: capacity.bedsNeededNorm,
      currentBeds: capacity.currentBeds,
    },
    plan: await planPart(db, code, inputs, scenario, today),
    completeness: {
      freshnessHours: options.freshnessHours,
      summary: {
        last28DaysShare: reporting.summary.last28DaysShare,
        lastMonthShare: reporting.summary.lastMonthShare,
        behind: reporting.summary.behind,
        monthlyFiguresIn: reporting.summary.monthlyFiguresIn,
        monthlyFiguresOnTime: reporting.summary.monthlyFiguresOnTime,
      },
      hospices: statuses.map((s) => ({
        id: s.hospiceId,
        name: names.get(s.hospiceId) ?? s.hospiceId,
        licensedBeds: s.licensedBeds ?? 0,
        confirmedAt: s.confirmedAt,
        ageHours:
          s.confirmedAt === null
            ? null
            : Math.max(0, (options.now.getTime() - Date.parse(s.confirmedAt)) / 3_600_000),
        freshness: s.freshness,
        isSynthetic: s.isSynthetic,
      })),
    },
    sources: [...forecast.inputs, ...ownSources(options.freshnessHours)],
  };
  return { report, statistics };
}
