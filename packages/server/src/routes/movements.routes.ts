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
import type { App, AppContext } from '../context';
import type { CollectionContext } from '../live/collection-context';
import { checkDate, ProblemResponses, toWarnings, WriteProblems } from './params';

// Anonymous guest movements: admission (the system issues the stay id), departure, refusals
// because full, and the waiting-list size. No field can carry personal data.

export function movementRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  app.post(
    '/hospices/:id/stays',
    {
      // The audit entry is written with the movement, in its transaction.
      config: { auditedByHandler: true },
      schema: {
        tags: ['bewegingen'],
        summary: 'Opname registreren (zonder persoonsgegevens)',
        description:
          'Geeft een anoniem verblijfsnummer terug. Een opname van vandaag verhoogt ook het aantal bezette bedden in de beddenstatus.',
        params: HospiceIdParams,
        body: AdmissionCreate,
        response: { 201: StayWithWarnings, ...WriteProblems },
      },
    },
    async (request, reply) => {
      const body = request.body;
      checkDate(body.admittedOn, 'admittedOn');
      checkDate(body.departure?.departedOn, 'departure.departedOn');
      const result = await admitGuest(
        ctx.store.db,
        request.params.id,
        body,
        writeContextOf(ctx, request.principal),
        { audit: await auditContextOf(ctx, request, 201) },
      );
      if (result.bedStatusEventId !== null) {
        await collection.hub.announce(result.bedStatusEventId);
      }
      reply.header(
        'Location',
        `/api/v1/hospices/${request.params.id}/stays/${result.value.stayId}`,
      );
      return reply.code(201).send({ ...result.value, warnings: toWarnings(result.warnings) });
    },
  );

  app.get(
    '/hospices/:id/stays',
    {
      schema: {
        tags: ['bewegingen'],
        summary: 'Verblijven: standaard de huidige gasten, op opnamedatum',
        params: HospiceIdParams,
        querystring: StayListQuery,
        response: { 200: Page(Stay), ...ProblemResponses },
      },
    },
    async (request) => {
      const { status = 'current', limit = 100, offset = 0 } = request.query;
      const page = await listStays(ctx.store.db, request.params.id, { status, limit, offset });
      return { ...page, limit, offset };
    },
  );

  app.post(
    '/hospices/:id/stays/:stayId/departure',
    {
      // The audit entry is written with the movement, in its transaction.
      config: { auditedByHandler: true },
      schema: {
        tags: ['bewegingen'],
        summary: 'Vertrek registreren (overleden, naar huis, overgeplaatst)',
        description: 'Een vertrek van vandaag verlaagt ook het aantal bezette bedden.',
        params: StayParams,
        body: DepartureCreate,
        response: { 200: StayWithWarnings, ...WriteProblems },
      },
    },
    async (request) => {
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
      return { ...result.value, warnings: toWarnings(result.warnings) };
    },
  );

  refusalAndWaitingListRoutes(app, ctx);
}

/** Refusals because full and the waiting list: counts per day, never a person. */
function refusalAndWaitingListRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/hospices/:id/refusals',
    {
      // The audit entry is written with the movement, in its transaction.
      config: { auditedByHandler: true },
      schema: {
        tags: ['bewegingen'],
        summary: 'Weigering wegens vol registreren',
        params: HospiceIdParams,
        body: RefusalCreate,
        response: { 201: RefusalRecorded, ...WriteProblems },
      },
    },
    async (request, reply) => {
      checkDate(request.body.date, 'date');
      const result = await recordRefusal(
        ctx.store.db,
        request.params.id,
        request.body,
        writeContextOf(ctx, request.principal),
        { audit: await auditContextOf(ctx, request, 201) },
      );
      return reply.code(201).send({ ...result.value, warnings: toWarnings(result.warnings) });
    },
  );

  app.put(
    '/hospices/:id/waiting-list',
    {
      // The audit entry is written with the movement, in its transaction.
      config: { auditedByHandler: true },
      schema: {
        tags: ['bewegingen'],
        summary: 'Omvang van de wachtlijst doorgeven (standaard voor vandaag)',
        params: HospiceIdParams,
        body: WaitingListPut,
        response: { 200: WaitingListRecorded, ...WriteProblems },
      },
    },
    async (request) => {
      checkDate(request.body.date, 'date');
      const result = await reportWaitingList(
        ctx.store.db,
        request.params.id,
        request.body,
        writeContextOf(ctx, request.principal),
        { audit: await auditContextOf(ctx, request) },
      );
      return { ...result.value, warnings: toWarnings(result.warnings) };
    },
  );

  app.get(
    '/hospices/:id/waiting-list',
    {
      schema: {
        tags: ['bewegingen'],
        summary: 'Laatst doorgegeven wachtlijst',
        params: HospiceIdParams,
        response: { 200: WaitingList, ...ProblemResponses },
      },
    },
    async (request) =>
      (await latestWaitingList(ctx.store.db, request.params.id)) ?? {
        date: null,
        size: null,
        recordedAt: null,
      },
  );
}
