import { writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import {
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
import { checkDate, ifMatchGroups, problems, ProblemResponses } from './params';
import { route, type Endpoint } from './endpoint';

const IdParams = HospiceIdParams;
const WriteProblems = problems(400, 404, 412, 422);

/** The ETag of If-Match: a registry state's version and revision (see registryEtag). */
function parseIfMatch(header: string | undefined): RegistryEtag | undefined {
  const groups = ifMatchGroups(header, /^(?:W\/)?"v(\d+)\.(\d+)"$/, {
    detail: 'If-Match must be an ETag from this API',
    reason: 'not an ETag of this API',
  });
  return groups && { version: Number(groups[0]), revision: Number(groups[1]) };
}

/** The routes of this file as the API documents them; the handlers follow. */
const ENDPOINTS = {
  listHospices: {
    method: 'GET',
    url: '/hospices',
    tags: ['hospice'],
    summary: 'Hospicevoorzieningen zoals geregistreerd op een peildatum',
    querystring: HospiceListQuery,
    response: { 200: HospiceList, ...ProblemResponses },
  },
  createHospice: {
    method: 'POST',
    url: '/hospices',
    tags: ['hospice'],
    summary: 'Een hospicevoorziening registreren',
    body: HospiceCreate,
    response: { 201: Hospice, ...WriteProblems },
  },
  readHospice: {
    method: 'GET',
    url: '/hospices/:id',
    tags: ['hospice'],
    summary: 'Eén hospicevoorziening op een peildatum',
    params: IdParams,
    querystring: AsOfOnlyQuery,
    response: { 200: Hospice, ...ProblemResponses },
  },
  updateHospice: {
    method: 'PATCH',
    url: '/hospices/:id',
    // Its audit entry is written in the change's transaction (a same-day correction overwrites
    // a version, and the entry keeps what it said).
    auditedByHandler: true,
    tags: ['hospice'],
    summary: 'Registratie wijzigen vanaf een datum (de geschiedenis blijft bewaard)',
    description:
      'Met If-Match (de ETag van GET) wordt een wijziging geweigerd (412) als iemand anders de voorziening intussen heeft gewijzigd.',
    params: IdParams,
    body: HospicePatch,
    headers: IfMatchHeaders,
    response: { 200: Hospice, ...WriteProblems },
  },
  hospiceHistory: {
    method: 'GET',
    url: '/hospices/:id/history',
    tags: ['hospice'],
    summary: 'Alle versies van de registratie, oudste eerst',
    params: IdParams,
    response: {
      200: HospiceHistory,
      ...ProblemResponses,
    },
  },
} satisfies Record<string, Endpoint>;

export function hospiceRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.listHospices, async (request) => {
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
  });

  route(app, ENDPOINTS.createHospice, async (request, reply) => {
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
  });

  hospiceRecordRoutes(app, ctx);
}

/** One hospice: read, change and its history of versions. */
function hospiceRecordRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.readHospice, async (request, reply) => {
    checkDate(request.query.asOf, 'asOf');
    const { version: _version, ...hospice } = await getHospiceOrThrow(
      ctx.store.db,
      request.params.id,
      request.query.asOf ?? today(ctx),
    );
    // The ETag names the latest state, whatever the asOf date asked for: it guards writes.
    reply.header('ETag', formatEtag((await registryEtag(ctx.store.db, hospice.id))!));
    return hospice;
  });

  route(app, ENDPOINTS.updateHospice, async (request, reply) => {
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
  });

  route(app, ENDPOINTS.hospiceHistory, async (request) => ({
    id: request.params.id,
    versions: await hospiceHistory(ctx.store.db, request.params.id),
  }));
}
