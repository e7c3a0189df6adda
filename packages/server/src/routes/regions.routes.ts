import {
  getRegionOrThrow,
  listHospices,
  listRegions,
  memberGemeenten,
  parentsOf,
} from '@palliamonitor/data';
import {
  AsOfOnlyQuery,
  type Hospice,
  RegionDetail,
  RegionList,
  RegionListQuery,
  RegionParams,
} from '@palliamonitor/contracts';
import { today, type App, type AppContext } from '../context';
import { checkDate, ProblemResponses } from './params';

export function regionRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/regions',
    {
      schema: {
        tags: ['regio'],
        summary: "Regio's: zorgkantoorregio's, provincies of gemeenten, op een peildatum",
        querystring: RegionListQuery,
        response: { 200: RegionList, ...ProblemResponses },
      },
    },
    async (request) => {
      const { type, asOf, limit = 100, offset = 0 } = request.query;
      checkDate(asOf, 'asOf');
      const page = await listRegions(ctx.store.db, {
        type,
        asOf: asOf ?? today(ctx),
        limit,
        offset,
      });
      return { ...page, limit, offset };
    },
  );

  app.get(
    '/regions/:code',
    {
      schema: {
        tags: ['regio'],
        summary: 'Eén regio met haar gemeenten (of bovenliggende regio’s) en hospices',
        params: RegionParams,
        querystring: AsOfOnlyQuery,
        response: {
          200: RegionDetail,
          ...ProblemResponses,
        },
      },
    },
    async (request) => {
      checkDate(request.query.asOf, 'asOf');
      const asOf = request.query.asOf ?? today(ctx);
      return (await regionWithHospices(ctx, request.params.code, asOf)).detail;
    },
  );
}

/**
 * A region with its gemeenten (or the regions a gemeente lies in) and its open hospices, and those
 * hospices in full (the region's answer names them in short).
 */
export async function regionWithHospices(
  ctx: AppContext,
  code: string,
  asOf: string,
): Promise<{ detail: RegionDetail; hospices: Hospice[] }> {
  const region = await getRegionOrThrow(ctx.store.db, code, asOf);
  const [gemeenten, parents, hospices] = await Promise.all([
    region.type === 'gemeente'
      ? Promise.resolve([])
      : memberGemeenten(ctx.store.db, region.code, asOf),
    region.type === 'gemeente' ? parentsOf(ctx.store.db, region.code, asOf) : Promise.resolve([]),
    listHospices(ctx.store.db, {
      asOf,
      region: region.code,
      openOnly: true,
      limit: 10_000,
      offset: 0,
    }),
  ]);
  const items = hospices.items.map((h) => ({
    id: h.id,
    name: h.name,
    type: h.type,
    place: h.place,
    gemeenteCode: h.gemeenteCode,
    licensedBeds: h.licensedBeds,
    isSynthetic: h.isSynthetic,
  }));
  const detail = {
    ...region,
    asOf,
    gemeenten,
    parents,
    hospices: items,
    licensedBeds: items.reduce((s, h) => s + h.licensedBeds, 0),
  };
  return { detail, hospices: hospices.items };
}
