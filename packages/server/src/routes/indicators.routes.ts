import { RegionIndicators, RegionIndicatorsQuery } from '@palliamonitor/contracts';
import {
  cachedModelInputs,
  getScenarioOrThrow,
  getStatistics,
  listRegions,
  publishStatistics,
} from '@palliamonitor/data';
import { FIRST_YEAR, LAST_YEAR, forecastNation, type ForecastRow } from '@palliamonitor/model';
import { seesSmallCounts } from '../auth/authorise';
import { today, type App, type AppContext } from '../context';
import type { CollectionContext } from '../live/collection-context';
import { ProblemResponses } from './params';

// The map indicators of every zorgkantoorregio in one answer: the overview's map and table show
// all 31 regions, and one request per region made that page slow. The capacity figures come from
// one national model run (every region's rows at once); the monthly figures from each region's
// statistics, as GET /regions/{code}/statistics answers them, small counts cut for the caller the
// same way.

type Period = { period: string; occupancy: number | null; admissions: number; refusals: number };

/** The latest month with any data (occupancy known, admissions or refusals recorded). */
function latestIndex(items: readonly Period[]): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const p = items[i]!;
    if (p.occupancy !== null || p.admissions > 0 || p.refusals > 0) {
      return i;
    }
  }
  return -1;
}

/** Licensed beds minus beds needed (the model's gap is needed minus current). */
function surplusIn(rows: readonly ForecastRow<number>[] | undefined, year: number): number | null {
  const row = rows?.find((r) => r.year === year);
  return row === undefined ? null : -row.gap;
}

export function indicatorRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  app.get(
    '/regions/indicators',
    {
      schema: {
        tags: ['overzicht'],
        summary: 'Kaartindicatoren van alle zorgkantoorregio’s in één antwoord',
        description:
          'Per regio de bezetting, weigeringen en het aandeel verse gegevens van de laatste maand met gegevens, en het overschot of tekort aan bedden (basisscenario, Erlang B) nu en in het gevraagde jaar.',
        querystring: RegionIndicatorsQuery,
        response: { 200: RegionIndicators, ...ProblemResponses },
      },
    },
    async (request) => {
      const asOf = today(ctx);
      const currentYear = Math.min(Math.max(Number(asOf.slice(0, 4)), FIRST_YEAR), LAST_YEAR);
      const year = request.query.year ?? 2035;
      const [regions, inputs, scenario] = await Promise.all([
        listRegions(ctx.store.db, { type: 'zorgkantoorregio', asOf, limit: 1000, offset: 0 }),
        cachedModelInputs(ctx.store.db, asOf),
        getScenarioOrThrow(ctx.store.db, 'baseline'),
      ]);
      const nation = forecastNation(inputs, scenario, {
        from: Math.min(currentYear, year),
        to: Math.max(currentYear, year),
      });
      const rowsByRegion = new Map(nation.regions.map((r) => [r.code, r.rows]));
      const items = [];
      // One region after another: the embedded store answers one query at a time anyway.
      for (const region of regions.items) {
        const scope = { kind: 'region', code: region.code } as const;
        const computed = await getStatistics(
          ctx.store.db,
          scope,
          { period: 'month' },
          { now: ctx.now(), freshnessHours: collection.freshnessHours },
        );
        const stats = publishStatistics(computed, {
          smallCounts: await seesSmallCounts(request, scope, ctx),
        });
        // The month is chosen on the counts themselves: a suppressed month still has data.
        const last = stats.items[latestIndex(computed.items)];
        const rows = rowsByRegion.get(region.code);
        items.push({
          code: region.code,
          name: region.name,
          period: last?.period ?? null,
          occupancy: last?.occupancy ?? null,
          refusals: last?.refusals ?? null,
          freshDataShare: last?.freshDataShare ?? null,
          suppressed: (last?.suppressed ?? []).filter(
            (k): k is 'occupancy' | 'refusals' => k === 'occupancy' || k === 'refusals',
          ),
          surplusNow: surplusIn(rows, currentYear),
          surplusInYear: surplusIn(rows, year),
        });
      }
      return { asOf, currentYear, year, items };
    },
  );
}
