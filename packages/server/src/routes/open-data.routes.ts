import { Type } from '@sinclair/typebox';
import {
  hospicesToCsv,
  openDataCatalogue,
  openDataPeriods,
  openHospices,
  openRegionMonths,
  regionMonthsToCsv,
} from '@palliamonitor/data';
import {
  OPEN_DATA_CHANGELOG,
  OpenDataCatalogue,
  OpenDataChangelog,
  OpenHospices,
  OpenRegionMonths,
} from '@palliamonitor/contracts';
import type { App, AppContext } from '../context';
import type { CollectionContext } from '../live/collection-context';
import { etagOfBody, matches } from '../live/public-reads';
import { publicBase } from './auth.routes';
import { ProblemResponses } from './params';

// Open data under stable addresses: the catalogue (DCAT-AP-NL, JSON-LD) and each dataset as CSV
// and JSON. Public like the other aggregated reads; their ETags and caching come from
// live/public-reads.ts.

const JSON_LD = 'application/ld+json';
const CSV = 'text/csv; charset=utf-8';
const csvAnswer = (description: string) => ({
  description,
  content: { 'text/csv': { schema: Type.String() } },
});

export function openDataRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  const regionMonths = () =>
    openRegionMonths(ctx.store.db, {
      now: ctx.now(),
      freshnessHours: collection.freshnessHours,
    });

  app.get(
    '/open-data',
    {
      schema: {
        tags: ['open data'],
        summary: 'De catalogus van de open data (DCAT-AP-NL 3, JSON-LD)',
        description:
          'Elke dataset met titel en beschrijving (nl, en), uitgever, licentie (CC BY 4.0), periode, gebied, laatste wijziging, versie en downloadadressen (CSV en JSON).',
        response: {
          200: {
            description: 'DCAT-catalogus',
            content: { [JSON_LD]: { schema: OpenDataCatalogue } },
          },
          304: Type.Null({
            description: 'Niet gewijzigd: de ETag in If-None-Match is nog actueel',
          }),
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const catalogue = openDataCatalogue({
        baseUrl: publicBase(ctx, request),
        datasets: await openDataPeriods(ctx.store.db, ctx.now()),
      });
      const body = JSON.stringify(catalogue);
      const etag = etagOfBody(body);
      reply.header('ETag', etag).header('Cache-Control', 'public, no-cache');
      if (matches(request.headers['if-none-match'], etag)) {
        return reply.code(304).send(null);
      }
      return reply.type(JSON_LD).send(body);
    },
  );

  app.get(
    '/open-data/changelog',
    {
      schema: {
        tags: ['open data'],
        summary: 'De versies van de opbouw van elke open dataset',
        response: { 200: OpenDataChangelog, ...ProblemResponses },
      },
    },
    async () => ({ items: [...OPEN_DATA_CHANGELOG] }),
  );

  app.get(
    '/open-data/region-months.json',
    {
      schema: {
        tags: ['open data'],
        summary:
          'Cijfers per zorgkantoorregio en volledige maand (JSON); kleine aantallen onderdrukt',
        response: { 200: OpenRegionMonths, ...ProblemResponses },
      },
    },
    async () => regionMonths(),
  );

  app.get(
    '/open-data/region-months.csv',
    {
      schema: {
        tags: ['open data'],
        summary:
          'Cijfers per zorgkantoorregio en volledige maand (CSV); kleine aantallen onderdrukt',
        response: { 200: csvAnswer('Eén regel per regio en maand'), ...ProblemResponses },
      },
    },
    async (_request, reply) =>
      reply
        .type(CSV)
        .header('Content-Disposition', 'attachment; filename="region-months.csv"')
        .send(regionMonthsToCsv(await regionMonths())),
  );

  app.get(
    '/open-data/hospices.json',
    {
      schema: {
        tags: ['open data'],
        summary: 'Het register van voorzieningen met de openbare velden (JSON)',
        response: { 200: OpenHospices, ...ProblemResponses },
      },
    },
    async () => openHospices(ctx.store.db, ctx.now()),
  );

  app.get(
    '/open-data/hospices.csv',
    {
      schema: {
        tags: ['open data'],
        summary: 'Het register van voorzieningen met de openbare velden (CSV)',
        response: { 200: csvAnswer('Eén regel per voorziening'), ...ProblemResponses },
      },
    },
    async (_request, reply) =>
      reply
        .type(CSV)
        .header('Content-Disposition', 'attachment; filename="hospices.csv"')
        .send(hospicesToCsv(await openHospices(ctx.store.db, ctx.now()))),
  );
}
