import { overviewFigures } from '@palliamonitor/model';
import {
  bedsByRegion,
  boundaryCollection,
  getBedStatus,
  getHospiceOrThrow,
  getStatistics,
  getViability,
  latestWaitingList,
  listRegions,
  populationByRegion,
  publishStatistics,
  publishViability,
  regionBedStatus,
} from '@palliamonitor/data';
import {
  HospiceIdParams,
  HospicePageView,
  RegionCockpit,
  RegionParams,
} from '@palliamonitor/contracts';
import { seesSmallCounts } from '../auth/authorise';
import { today, type App, type AppContext } from '../context';
import type { CollectionContext } from '../live/collection-context';
import { ProblemResponses } from './params';
import { route, type Endpoint } from './endpoint';
import { regionWithHospices } from './regions.routes';

/** The routes of this file as the API documents them; the handlers follow. */
const ENDPOINTS = {
  regionCockpit: {
    method: 'GET',
    url: '/regions/:code/cockpit',
    tags: ['regio'],
    summary: 'Het regiodashboard in één antwoord',
    description:
      'De regio, haar kerncijfers, haar open voorzieningen met hun actuele beddenstatus en maandcijfers (met bezetting per dag) en haar grens: wat de regiopagina als eerste toont.',
    params: RegionParams,
    response: { 200: RegionCockpit, ...ProblemResponses },
  },
  hospicePage: {
    method: 'GET',
    url: '/hospices/:id/page',
    tags: ['hospice'],
    summary: 'De pagina van een voorziening in één antwoord',
    description:
      'De registratie, de actuele beddenstatus (eventId is de ETag voor If-Match: "e<eventId>"), de laatst doorgegeven wachtlijst en het signaal levensvatbaarheid.',
    params: HospiceIdParams,
    response: { 200: HospicePageView, ...ProblemResponses },
  },
} satisfies Record<string, Endpoint>;

// A page's first view in one answer (the region cockpit, the hospice page): the parts are what
// their own routes answer, read together, so a page does not wait on a chain of requests.

export function firstViewRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  const options = () => ({ now: ctx.now(), freshnessHours: collection.freshnessHours });

  route(app, ENDPOINTS.regionCockpit, async (request, reply) => {
    const asOf = today(ctx);
    const { detail, hospices } = await regionWithHospices(ctx, request.params.code, asOf);
    const code = detail.code;
    const [bedStatus, computed, figures, outline, smallCounts] = await Promise.all([
      regionBedStatus(ctx.store.db, code, ctx.now(), collection.freshnessHours),
      getStatistics(
        ctx.store.db,
        { kind: 'region', code },
        { period: 'month', daily: true, byHospice: true },
        options(),
      ),
      regionFigures(ctx, code, asOf),
      regionOutline(ctx, detail.type, code),
      seesSmallCounts(request, { kind: 'region', code }, ctx),
    ]);
    // The same figures as GET /regions/{code}/statistics, cut for the caller the same way.
    const statistics = publishStatistics(computed, { smallCounts });
    // Bed statuses change by the minute; the page follows the live feed from here.
    reply.header('Cache-Control', 'no-store');
    return { region: detail, figures, hospices, bedStatus, statistics, outline };
  });

  route(app, ENDPOINTS.hospicePage, async (request, reply) => {
    const id = request.params.id;
    const { version: _version, ...hospice } = await getHospiceOrThrow(ctx.store.db, id, today(ctx));
    const scope = { kind: 'hospice' as const, hospiceId: id };
    const [bedStatus, waitingList, viability, smallCounts] = await Promise.all([
      getBedStatus(ctx.store.db, id, ctx.now(), collection.freshnessHours),
      latestWaitingList(ctx.store.db, id),
      getViability(ctx.store.db, scope, {}, options()),
      seesSmallCounts(request, scope, ctx),
    ]);
    reply.header('Cache-Control', 'no-store');
    return {
      hospice,
      bedStatus,
      waitingList: waitingList ?? { date: null, size: null, recordedAt: null },
      // As GET /hospices/{id}/viability, cut for the caller the same way.
      viability: publishViability(viability, { smallCounts }),
    };
  });
}

/** The region's row of the national overview; null for a region that is not in it. */
async function regionFigures(ctx: AppContext, code: string, asOf: string) {
  const [regions, population, beds] = await Promise.all([
    listRegions(ctx.store.db, { type: 'zorgkantoorregio', asOf, limit: 1000, offset: 0 }),
    populationByRegion(ctx.store.db, { asOf }),
    bedsByRegion(ctx.store.db, asOf),
  ]);
  return (
    overviewFigures(regions.items, population, beds).regions.find((r) => r.code === code) ?? null
  );
}

/** The region's boundary from the latest imported division of its layer, or null. */
async function regionOutline(
  ctx: AppContext,
  layer: Parameters<typeof boundaryCollection>[1],
  code: string,
) {
  const found = await boundaryCollection(ctx.store.db, layer);
  const feature = found?.collection.features.find((f) => (f as { id?: unknown }).id === code);
  return (feature as { type: 'Feature'; properties: object; geometry: object } | undefined) ?? null;
}
