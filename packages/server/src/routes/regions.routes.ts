import { Type } from '@sinclair/typebox';
import {
  getRegionOrThrow,
  listHospices,
  listRegions,
  memberGemeenten,
  Page,
  Pagination,
  parentsOf,
} from '@palliamonitor/data';
import { today, type App, type AppContext } from '../context';
import { AsOfQuery, checkDate, ProblemResponses } from './params';

const RegionType = Type.Union(
  [Type.Literal('zorgkantoorregio'), Type.Literal('provincie'), Type.Literal('gemeente')],
  { description: 'Soort regio' },
);

const RegionSummary = Type.Object({
  code: Type.String(),
  type: RegionType,
  name: Type.String(),
  validFrom: Type.Union([Type.String(), Type.Null()]),
  validTo: Type.Union([Type.String(), Type.Null()]),
});

const RegionRef = Type.Object({ code: Type.String(), name: Type.String() });
const HospiceRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  place: Type.String(),
  gemeenteCode: Type.String(),
  licensedBeds: Type.Integer(),
  isSynthetic: Type.Boolean(),
});

export function regionRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/regions',
    {
      schema: {
        tags: ['regio'],
        summary: "Regio's: zorgkantoorregio's, provincies of gemeenten, op een peildatum",
        querystring: Type.Object(
          { type: Type.Optional(RegionType), asOf: AsOfQuery, ...Pagination },
          { additionalProperties: false },
        ),
        response: { 200: Page(RegionSummary), ...ProblemResponses },
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
        params: Type.Object({ code: Type.String({ pattern: '^(GM\\d{4}|PV\\d{2}|ZK\\d{2})$' }) }),
        querystring: Type.Object({ asOf: AsOfQuery }, { additionalProperties: false }),
        response: {
          200: Type.Intersect([
            RegionSummary,
            Type.Object({
              asOf: Type.String(),
              gemeenten: Type.Array(RegionRef),
              parents: Type.Array(
                Type.Object({ code: Type.String(), name: Type.String(), type: RegionType }),
              ),
              hospices: Type.Array(HospiceRef),
              licensedBeds: Type.Integer({ description: 'Vergunde bedden van open hospices' }),
            }),
          ]),
          ...ProblemResponses,
        },
      },
    },
    async (request) => {
      checkDate(request.query.asOf, 'asOf');
      const asOf = request.query.asOf ?? today(ctx);
      const region = await getRegionOrThrow(ctx.store.db, request.params.code, asOf);
      const [gemeenten, parents, hospices] = await Promise.all([
        region.type === 'gemeente'
          ? Promise.resolve([])
          : memberGemeenten(ctx.store.db, region.code, asOf),
        region.type === 'gemeente'
          ? parentsOf(ctx.store.db, region.code, asOf)
          : Promise.resolve([]),
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
      return {
        ...region,
        asOf,
        gemeenten,
        parents,
        hospices: items,
        licensedBeds: items.reduce((s, h) => s + h.licensedBeds, 0),
      };
    },
  );
}
