import { Type } from '@sinclair/typebox';
import { overviewFigures } from '@palliamonitor/model';
import {
  bedsByRegion,
  boundaryCollection,
  listRegions,
  populationByRegion,
} from '@palliamonitor/data';
import { today, type App, type AppContext } from '../context';
import { AsOfQuery, checkDate, ProblemResponses } from './params';

const RegionFigures = Type.Object({
  code: Type.String(),
  name: Type.String(),
  facilities: Type.Integer({ description: 'Open hospicevoorzieningen' }),
  licensedBeds: Type.Integer({ description: 'Vergunde bedden' }),
  population: Type.Union([Type.Number(), Type.Null()]),
  population65Plus: Type.Union([Type.Number(), Type.Null()]),
  population80Plus: Type.Union([Type.Number(), Type.Null()]),
  populationYear: Type.Union([Type.Integer(), Type.Null()]),
  bedsPer10k65Plus: Type.Union([Type.Number(), Type.Null()], {
    description: 'Bedden per 10.000 inwoners van 65 jaar en ouder',
  }),
  syntheticFacilities: Type.Integer({ description: 'Waarvan synthetische demogegevens' }),
});

export function overviewRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/overview',
    {
      schema: {
        tags: ['overzicht'],
        summary: 'Kerncijfers per zorgkantoorregio en landelijk op een peildatum',
        querystring: Type.Object({ asOf: AsOfQuery }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            asOf: Type.String(),
            national: Type.Omit(RegionFigures, ['code', 'name']),
            regions: Type.Array(RegionFigures),
          }),
          ...ProblemResponses,
        },
      },
    },
    async (request) => {
      checkDate(request.query.asOf, 'asOf');
      const asOf = request.query.asOf ?? today(ctx);
      const [regions, population, beds] = await Promise.all([
        listRegions(ctx.store.db, { type: 'zorgkantoorregio', asOf, limit: 1000, offset: 0 }),
        populationByRegion(ctx.store.db, { asOf }),
        bedsByRegion(ctx.store.db, asOf),
      ]);
      return { asOf, ...overviewFigures(regions.items, population, beds) };
    },
  );

  app.get(
    '/boundaries',
    {
      schema: {
        tags: ['regio'],
        summary: 'Officiële grenzen (CBS/PDOK) als GeoJSON, voor zover geïmporteerd',
        querystring: Type.Object(
          {
            layer: Type.Union([
              Type.Literal('zorgkantoorregio'),
              Type.Literal('provincie'),
              Type.Literal('gemeente'),
            ]),
            year: Type.Optional(Type.Integer({ minimum: 1800, maximum: 2100 })),
          },
          { additionalProperties: false },
        ),
        response: { ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const found = await boundaryCollection(ctx.store.db, request.query.layer, request.query.year);
      if (!found) {
        // 404 tells the web app to fall back to the tile-grid map.
        return reply
          .code(404)
          .type('application/problem+json')
          .send({
            type: 'https://palliamonitor.nl/problemen/not-found',
            title: 'Niet gevonden',
            status: 404,
            code: 'NOT_FOUND',
            detail: `no ${request.query.layer} boundaries imported; run: palliamonitor import boundaries <file>`,
          });
      }
      reply.header('Cache-Control', 'public, max-age=3600');
      return reply.type('application/geo+json').send({ ...found.collection, year: found.year });
    },
  );
}
