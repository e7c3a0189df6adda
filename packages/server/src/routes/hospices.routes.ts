import { writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import { Type } from '@sinclair/typebox';
import {
  AppError,
  createHospice,
  getHospiceOrThrow,
  hospiceHistory,
  formatEtag,
  registryEtag,
  type RegistryEtag,
  listHospices,
  patchHospice,
} from '@palliamonitor/data';
import {
  AsOfOnlyQuery,
  Hospice,
  HospiceCreate,
  HospiceHistory,
  HospiceIdParams,
  HospiceList,
  HospiceListQuery,
  HospicePatch,
  IfMatchHeaders,
} from '@palliamonitor/contracts';
import { today, type App, type AppContext } from '../context';
import { checkDate, ProblemResponses } from './params';

const IdParams = HospiceIdParams;
const WriteProblems = { ...ProblemResponses, 412: Type.Ref('Problem'), 422: Type.Ref('Problem') };

/** The ETag of If-Match: a registry state's version and revision (see registryEtag). */
function parseIfMatch(header: string | undefined): RegistryEtag | undefined {
  if (header === undefined || header.trim() === '*') {
    return undefined;
  }
  const match = /^(?:W\/)?"v(\d+)\.(\d+)"$/.exec(header.trim());
  if (!match) {
    throw new AppError('VALIDATION_FAILED', 'If-Match must be an ETag from this API', [
      { field: 'If-Match', message: `not an ETag of this API: ${header}` },
    ]);
  }
  return { version: Number(match[1]), revision: Number(match[2]) };
}

export function hospiceRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/hospices',
    {
      schema: {
        tags: ['hospice'],
        summary: 'Hospicevoorzieningen zoals geregistreerd op een peildatum',
        querystring: HospiceListQuery,
        response: { 200: HospiceList, ...ProblemResponses },
      },
    },
    async (request) => {
      const { asOf, region, type, open, limit = 100, offset = 0 } = request.query;
      checkDate(asOf, 'asOf');
      const page = await listHospices(ctx.store.db, {
        asOf: asOf ?? today(ctx),
        region,
        type,
        openOnly: open,
        limit,
        offset,
      });
      return { ...page, limit, offset };
    },
  );

  app.post(
    '/hospices',
    {
      schema: {
        tags: ['hospice'],
        summary: 'Een hospicevoorziening registreren',
        body: HospiceCreate,
        response: { 201: Hospice, ...WriteProblems },
      },
    },
    async (request, reply) => {
      const body = request.body;
      checkDate(body.effectiveFrom, 'effectiveFrom');
      checkDate(body.openedOn ?? undefined, 'openedOn');
      checkDate(body.closedOn ?? undefined, 'closedOn');
      const { version: _version, ...hospice } = await createHospice(
        ctx.store.db,
        body,
        writeContextOf(ctx, request.principal),
      );
      reply
        .header('Location', `/api/v1/hospices/${hospice.id}`)
        .header('ETag', formatEtag((await registryEtag(ctx.store.db, hospice.id))!));
      return reply.code(201).send(hospice);
    },
  );

  hospiceRecordRoutes(app, ctx);
}

/** One hospice: read, change and its history of versions. */
function hospiceRecordRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/hospices/:id',
    {
      schema: {
        tags: ['hospice'],
        summary: 'Eén hospicevoorziening op een peildatum',
        params: IdParams,
        querystring: AsOfOnlyQuery,
        response: { 200: Hospice, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      checkDate(request.query.asOf, 'asOf');
      const { version: _version, ...hospice } = await getHospiceOrThrow(
        ctx.store.db,
        request.params.id,
        request.query.asOf ?? today(ctx),
      );
      // The ETag names the latest state, whatever the asOf date asked for: it guards writes.
      reply.header('ETag', formatEtag((await registryEtag(ctx.store.db, hospice.id))!));
      return hospice;
    },
  );

  app.patch(
    '/hospices/:id',
    {
      // Its audit entry is written in the change's transaction (a same-day correction overwrites
      // a version, and the entry keeps what it said).
      config: { auditedByHandler: true },
      schema: {
        tags: ['hospice'],
        summary: 'Registratie wijzigen vanaf een datum (de geschiedenis blijft bewaard)',
        description:
          'Met If-Match (de ETag van GET) wordt een wijziging geweigerd (412) als iemand anders de voorziening intussen heeft gewijzigd.',
        params: IdParams,
        body: HospicePatch,
        headers: IfMatchHeaders,
        response: { 200: Hospice, ...WriteProblems },
      },
    },
    async (request, reply) => {
      const body = request.body;
      checkDate(body.effectiveFrom, 'effectiveFrom');
      checkDate(body.openedOn ?? undefined, 'openedOn');
      checkDate(body.closedOn ?? undefined, 'closedOn');
      const expected = parseIfMatch(request.headers['if-match']);
      const { hospice, etag } = await patchHospice(
        ctx.store.db,
        request.params.id,
        body,
        writeContextOf(ctx, request.principal),
        expected,
        await auditContextOf(ctx, request),
      );
      const { version: _version, ...rest } = hospice;
      reply.header('ETag', formatEtag(etag));
      return rest;
    },
  );

  app.get(
    '/hospices/:id/history',
    {
      schema: {
        tags: ['hospice'],
        summary: 'Alle versies van de registratie, oudste eerst',
        params: IdParams,
        response: {
          200: HospiceHistory,
          ...ProblemResponses,
        },
      },
    },
    async (request) => ({
      id: request.params.id,
      versions: await hospiceHistory(ctx.store.db, request.params.id),
    }),
  );
}
