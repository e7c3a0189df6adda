import { overviewFigures } from '@palliamonitor/model';
import {
  bedsByRegion,
  boundaryCollection,
  listRegions,
  populationByRegion,
} from '@palliamonitor/data';
import { today, type App, type AppContext } from '../context';
import {
  AsOfOnlyQuery,
  Boundaries,
  BoundariesQuery,
  Overview,
  PROBLEM_JSON,
} from '@palliamonitor/contracts';
import { checkDate, ProblemResponses } from './params';

export function overviewRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/overview',
    {
      schema: {
        tags: ['overzicht'],
        summary: 'Kerncijfers per zorgkantoorregio en landelijk op een peildatum',
        querystring: AsOfOnlyQuery,
        response: { 200: Overview, ...ProblemResponses },
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
        querystring: BoundariesQuery,
        response: {
          200: {
            description: 'GeoJSON (RFC 7946)',
            content: { 'application/geo+json': { schema: Boundaries } },
          },
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const found = await boundaryCollection(ctx.store.db, request.query.layer, request.query.year);
      if (!found) {
        // 404 tells the web app to fall back to the tile-grid map.
        return reply
          .code(404)
          .type(PROBLEM_JSON)
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
