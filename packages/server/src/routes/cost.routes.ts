import { AppError, getViability, publishViability, runCost } from '@palliamonitor/data';
import { FIRST_YEAR, LAST_YEAR } from '@palliamonitor/model';
import type { App, AppContext } from '../context';
import type { CollectionContext } from '../live/collection-context';
import {
  Cost,
  CostQuery,
  ForecastRegionParams,
  Viability,
  ViabilityQuery,
} from '@palliamonitor/contracts';
import { seesSmallCounts } from '../auth/authorise';
import { ProblemResponses } from './params';
import { route, type Endpoint } from './endpoint';
import { inputsFor, scenarioFor } from './model-inputs';
import { scopedReads } from './scoped-reads';

// Cost per region, year and scenario on top of the forecast, and the viability signal of a hospice
// and of a region's hospices from their occupancy over the last twelve months.

const viabilityDescription =
  'Bezetting over de laatste twaalf hele maanden (uit de afgeleide cijfers) onder de drempel is onderbezetting, erboven overbezetting; met te weinig dagen met gegevens (maandopgave, of verse beddenstatus bij bewegingsregistratie) is het signaal onbekend. De drempels zijn aannames en aan te passen.';

/** The routes of this file as the API documents them; the handlers follow. */
const ENDPOINTS = {
  regionCost: {
    method: 'GET',
    url: '/regions/:code/cost',
    tags: ['prognose'],
    summary: 'Kosten per jaar: de prognose met ligdagen × kosten per ligdag',
    description:
      'Kosten per ligdag standaard afgeleid uit Gupta Strategists 2025 (ca. € 240 miljoen voor ca. 12.000 gasten in 2024) en de gemiddelde verblijfsduur van 22 dagen; elke invoer met herkomst.',
    params: ForecastRegionParams,
    querystring: CostQuery,
    response: { 200: Cost, ...ProblemResponses },
  },
} satisfies Record<string, Endpoint>;

export function costRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  route(app, ENDPOINTS.regionCost, async (request) => {
    const q = request.query;
    const from = q.from ?? FIRST_YEAR;
    const to = q.to ?? LAST_YEAR;
    if (to < from) {
      throw new AppError('VALIDATION_FAILED', 'to is before from', [
        {
          field: 'to',
          message: `must not be before from (${from})`,
          code: 'period.toBeforeFrom',
          params: { from },
        },
      ]);
    }
    const scenario = await scenarioFor(ctx, q.scenario ?? 'baseline');
    const inputs = await inputsFor(ctx);
    return {
      region: request.params.code,
      scenario: { id: scenario.id, name: scenario.name, version: scenario.version },
      ...runCost(inputs, request.params.code, scenario, {
        from,
        to,
        costPerBedDay: q.costPerBedDay,
      }),
    };
  });

  const options = () => ({ now: ctx.now(), freshnessHours: collection.freshnessHours });
  scopedReads(app, {
    name: 'viability',
    tags: ['cijfers'],
    description: viabilityDescription,
    response: Viability,
    hospice: {
      summary: 'Levensvatbaarheid van één voorziening: onderbezetting, overbezetting of onbekend',
      querystring: ViabilityQuery,
    },
    region: {
      summary: 'Levensvatbaarheid per voorziening van een regio, en van de regio als geheel',
      querystring: ViabilityQuery,
    },
    answer: async (scope, query, reply) =>
      publishViability(await getViability(ctx.store.db, scope, query, options()), {
        smallCounts: await seesSmallCounts(reply.request, scope, ctx),
      }),
  });
}
