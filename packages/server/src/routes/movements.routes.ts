import { writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import {
  admitGuest,
  departGuest,
  latestWaitingList,
  listStays,
  recordRefusal,
  reportWaitingList,
} from '@palliamonitor/data';
import {
  AdmissionCreate,
  DepartureCreate,
  HospiceIdParams,
  Page,
  RefusalCreate,
  RefusalRecorded,
  Stay,
  StayListQuery,
  StayParams,
  StayWithWarnings,
  WaitingList,
  WaitingListPut,
  WaitingListRecorded,
} from '@palliamonitor/contracts';
import type { FastifyRequest } from 'fastify';
import type { Issue, MovementWrite } from '@palliamonitor/data';
import type { App, AppContext } from '../context';
import type { CollectionContext } from '../live/collection-context';
import { checkDate, ProblemResponses, toWarnings, WriteProblems } from './params';
import { route, type Endpoint } from './endpoint';

// Anonymous guest movements: admission (the system issues the stay id), departure, refusals
// because full, and the waiting-list size. No field can carry personal data.

/** The routes of this file as the API documents them; the handlers follow. */
const ENDPOINTS = {
  recordAdmission: {
    method: 'POST',
    url: '/hospices/:id/stays',
    // The audit entry is written with the movement, in its transaction.
    auditedByHandler: true,
    tags: ['bewegingen'],
    summary: 'Opname registreren (zonder persoonsgegevens)',
    description:
      'Geeft een anoniem verblijfsnummer terug. Een opname van vandaag verhoogt ook het aantal bezette bedden in de beddenstatus.',
    params: HospiceIdParams,
    body: AdmissionCreate,
    response: { 201: StayWithWarnings, ...WriteProblems },
  },
  listStays: {
    method: 'GET',
    url: '/hospices/:id/stays',
    tags: ['bewegingen'],
    summary: 'Verblijven: standaard de huidige gasten, op opnamedatum',
    params: HospiceIdParams,
    querystring: StayListQuery,
    response: { 200: Page(Stay), ...ProblemResponses },
  },
  recordDeparture: {
    method: 'POST',
    url: '/hospices/:id/stays/:stayId/departure',
    // The audit entry is written with the movement, in its transaction.
    auditedByHandler: true,
    tags: ['bewegingen'],
    summary: 'Vertrek registreren (overleden, naar huis, overgeplaatst)',
    description: 'Een vertrek van vandaag verlaagt ook het aantal bezette bedden.',
    params: StayParams,
    body: DepartureCreate,
    response: { 200: StayWithWarnings, ...WriteProblems },
  },
  recordRefusal: {
    method: 'POST',
    url: '/hospices/:id/refusals',
    // The audit entry is written with the movement, in its transaction.
    auditedByHandler: true,
    tags: ['bewegingen'],
    summary: 'Weigering wegens vol registreren',
    params: HospiceIdParams,
    body: RefusalCreate,
    response: { 201: RefusalRecorded, ...WriteProblems },
  },
  putWaitingList: {
    method: 'PUT',
    url: '/hospices/:id/waiting-list',
    // The audit entry is written with the movement, in its transaction.
    auditedByHandler: true,
    tags: ['bewegingen'],
    summary: 'Omvang van de wachtlijst doorgeven (standaard voor vandaag)',
    params: HospiceIdParams,
    body: WaitingListPut,
    response: { 200: WaitingListRecorded, ...WriteProblems },
  },
  readWaitingList: {
    method: 'GET',
    url: '/hospices/:id/waiting-list',
    tags: ['bewegingen'],
    summary: 'Laatst doorgegeven wachtlijst',
    params: HospiceIdParams,
    response: { 200: WaitingList, ...ProblemResponses },
  },
} satisfies Record<string, Endpoint>;

/**
 * Stores the request's movement for the hospice in its path, as the caller, with the audit entry
 * (of the answer's status) in the write's transaction.
 */
async function storeMovement<B, R extends { warnings: Issue[] }>(
  ctx: AppContext,
  request: FastifyRequest & { params: { id: string }; body: B },
  write: MovementWrite<B, R>,
  status?: 201,
): Promise<R> {
  return write(
    ctx.store.db,
    request.params.id,
    request.body,
    writeContextOf(ctx, request.principal),
    { audit: await auditContextOf(ctx, request, status) },
  );
}

/** A stored movement as the API answers it: the value with its warnings. */
function withWarnings<V>(result: { value: V; warnings: Issue[] }) {
  return { ...result.value, warnings: toWarnings(result.warnings) };
}

export function movementRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  route(app, ENDPOINTS.recordAdmission, async (request, reply) => {
    const body = request.body;
    checkDate(body.admittedOn, 'admittedOn');
    checkDate(body.departure?.departedOn, 'departure.departedOn');
    const result = await storeMovement(ctx, request, admitGuest, 201);
    if (result.bedStatusEventId !== null) {
      await collection.hub.announce(result.bedStatusEventId);
    }
    reply.header('Location', `/api/v1/hospices/${request.params.id}/stays/${result.value.stayId}`);
    return reply.code(201).send(withWarnings(result));
  });

  route(app, ENDPOINTS.listStays, async (request) => {
    const { status = 'current', limit = 100, offset = 0 } = request.query;
    const page = await listStays(ctx.store.db, request.params.id, { status, limit, offset });
    return { ...page, limit, offset };
  });

  route(app, ENDPOINTS.recordDeparture, async (request) => {
    checkDate(request.body.departedOn, 'departedOn');
    const result = await departGuest(
      ctx.store.db,
      request.params.id,
      request.params.stayId,
      request.body,
      writeContextOf(ctx, request.principal),
      { audit: await auditContextOf(ctx, request) },
    );
    if (result.bedStatusEventId !== null) {
      await collection.hub.announce(result.bedStatusEventId);
    }
    return withWarnings(result);
  });

  refusalAndWaitingListRoutes(app, ctx);
}

/** Refusals because full and the waiting list: counts per day, never a person. */
function refusalAndWaitingListRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.recordRefusal, async (request, reply) => {
    checkDate(request.body.date, 'date');
    const result = await storeMovement(ctx, request, recordRefusal, 201);
    return reply.code(201).send(withWarnings(result));
  });

  route(app, ENDPOINTS.putWaitingList, async (request) => {
    checkDate(request.body.date, 'date');
    const result = await storeMovement(ctx, request, reportWaitingList);
    return withWarnings(result);
  });

  route(
    app,
    ENDPOINTS.readWaitingList,
    async (request) =>
      (await latestWaitingList(ctx.store.db, request.params.id)) ?? {
        date: null,
        size: null,
        recordedAt: null,
      },
  );
}
