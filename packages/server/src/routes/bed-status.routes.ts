import { writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  BED_STATUS_CHANNEL,
  confirmBedStatus,
  getBedStatus,
  listBedStatusEvents,
  regionBedStatus,
  setBedStatus,
} from '@palliamonitor/data';
import type { BedStatusEvent } from '@palliamonitor/contracts';
import {
  BedStatus,
  BedStatusEventList,
  BedStatusHistoryQuery,
  BedStatusList,
  BedStatusPut,
  BedStatusStreamHeaders,
  BedStatusStreamQuery,
  BedStatusWithWarnings,
  HospiceIdParams,
  IfMatchHeaders,
  RegionCodeParams,
} from '@palliamonitor/contracts';
import type { App, AppContext } from '../context';
import type { CollectionContext } from '../live/collection-context';
import { streamBedStatus } from '../live/bed-status-stream';
import { ProblemResponses, toWarnings, WriteProblems } from './params';

const etagOf = (eventId: number | null) => (eventId === null ? undefined : `"e${eventId}"`);

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') {
    return undefined;
  }
  const match = /^(?:W\/)?"e(\d+)"$/.exec(header.trim());
  if (!match) {
    throw new AppError('VALIDATION_FAILED', 'If-Match must be an ETag of this bed status', [
      { field: 'If-Match', message: `not a bed-status ETag: ${header}` },
    ]);
  }
  return Number(match[1]);
}

export function bedStatusRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  const options = () => ({ freshnessHours: collection.freshnessHours });
  /** What both writes take beside their input: freshness, If-Match and the audit context. */
  const writeOptions = async (request: FastifyRequest) => ({
    ...options(),
    expectedEventId: parseIfMatch(request.headers['if-match']),
    audit: await auditContextOf(ctx, request),
    concurrentWriters: ctx.store.kind === 'postgres',
    notifyChannel: await ctx.store.databaseChannel?.(BED_STATUS_CHANNEL),
  });
  /** A stored event wakes the live feed, and its id is the new ETag. */
  const published = async (reply: FastifyReply, event: BedStatusEvent, notified = false) => {
    await collection.hub.announce(event.id, event, notified);
    reply.header('ETag', etagOf(event.id));
  };

  app.get(
    '/hospices/:id/bed-status',
    {
      schema: {
        tags: ['beddenstatus'],
        summary: 'Actuele beddenstatus van een voorziening',
        description:
          'Vrije bedden alleen als de status binnen de versheidstermijn is bevestigd; anders onbekend (null). De ETag hoort bij If-Match van PUT.',
        params: HospiceIdParams,
        response: { 200: BedStatus, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const status = await getBedStatus(
        ctx.store.db,
        request.params.id,
        ctx.now(),
        collection.freshnessHours,
      );
      const etag = etagOf(status.eventId);
      if (etag) {
        reply.header('ETag', etag);
      }
      reply.header('Cache-Control', 'no-store');
      return status;
    },
  );

  app.put(
    '/hospices/:id/bed-status',
    {
      // The busiest write: its audit entry is written with the event, in the same statement.
      config: { auditedByHandler: true },
      schema: {
        tags: ['beddenstatus'],
        summary: 'Beddenstatus doorgeven (ook als bevestiging)',
        description:
          'Slaat een nieuwe status op als gebeurtenis en geeft de status terug met confirmedAt. Bezet ≤ open ≤ vergunde bedden. Met If-Match (ETag van GET) wordt een verouderde wijziging geweigerd met 412.',
        params: HospiceIdParams,
        body: BedStatusPut,
        headers: IfMatchHeaders,
        response: { 200: BedStatusWithWarnings, ...WriteProblems },
      },
    },
    async (request, reply) => {
      const result = await setBedStatus(
        ctx.store.db,
        request.params.id,
        request.body,
        writeContextOf(ctx, request.principal),
        await writeOptions(request),
      );
      await published(reply, result.event, result.notified);
      return { ...result.status, warnings: toWarnings(result.warnings) };
    },
  );

  app.post(
    '/hospices/:id/bed-status/confirm',
    {
      config: { auditedByHandler: true },
      schema: {
        tags: ['beddenstatus'],
        summary: 'Geen wijziging: de huidige status bevestigen',
        description: 'Eén handeling die alleen "laatst bevestigd" ververst.',
        params: HospiceIdParams,
        headers: IfMatchHeaders,
        response: { 200: BedStatus, ...WriteProblems },
      },
    },
    async (request, reply) => {
      const result = await confirmBedStatus(
        ctx.store.db,
        request.params.id,
        writeContextOf(ctx, request.principal),
        await writeOptions(request),
      );
      await published(reply, result.event);
      return result.status;
    },
  );

  bedStatusReadRoutes(app, ctx, collection);
}

/** The history, a whole region at once and the live feed: reads only. */
function bedStatusReadRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  app.get(
    '/hospices/:id/bed-status/history',
    {
      schema: {
        tags: ['beddenstatus'],
        summary: 'Alle beddenstatusgebeurtenissen, nieuwste eerst',
        params: HospiceIdParams,
        querystring: BedStatusHistoryQuery,
        response: { 200: BedStatusEventList, ...ProblemResponses },
      },
    },
    async (request) => {
      await getBedStatus(ctx.store.db, request.params.id, ctx.now(), collection.freshnessHours);
      const items = await listBedStatusEvents(ctx.store.db, {
        hospiceId: request.params.id,
        limit: request.query.limit ?? 100,
        newestFirst: true,
      });
      return { items };
    },
  );

  app.get(
    '/regions/:code/bed-status',
    {
      schema: {
        tags: ['beddenstatus'],
        summary: 'Actuele beddenstatus van elke open voorziening in een regio (of NL)',
        description:
          'Dezelfde velden als de status per voorziening, voor de hele regio in één antwoord. Vrije bedden alleen als de status vers is.',
        params: RegionCodeParams,
        response: { 200: BedStatusList, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return {
        items: await regionBedStatus(
          ctx.store.db,
          request.params.code,
          ctx.now(),
          collection.freshnessHours,
        ),
      };
    },
  );

  app.get(
    '/bed-status/stream',
    {
      schema: {
        tags: ['beddenstatus'],
        summary: 'Live: elke wijziging van een beddenstatus (Server-Sent Events)',
        description:
          'text/event-stream; elk bericht heeft als id het gebeurtenisnummer. Wie opnieuw verbindt met de header Last-Event-ID (of ?lastEventId=) krijgt eerst alles wat daarna kwam.',
        querystring: BedStatusStreamQuery,
        headers: BedStatusStreamHeaders,
        response: {
          200: {
            description:
              'Een stroom van gebeurtenissen; elk data-veld is een BedStatusEvent (JSON)',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const header = request.headers['last-event-id'];
      const lastEventId = header !== undefined ? Number(header) : request.query.lastEventId;
      await streamBedStatus(
        request,
        reply,
        { store: ctx.store, hub: collection.hub },
        {
          lastEventId,
          hospiceId: request.query.hospice,
        },
      );
    },
  );
}
