import { writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
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
import { ifMatchGroups, ProblemResponses, toWarnings, WriteProblems } from './params';
import { route, type Endpoint } from './endpoint';

const etagOf = (eventId: number | null) => (eventId === null ? undefined : `"e${eventId}"`);

function parseIfMatch(header: string | undefined): number | undefined {
  const groups = ifMatchGroups(header, /^(?:W\/)?"e(\d+)"$/, {
    detail: 'If-Match must be an ETag of this bed status',
    reason: 'not a bed-status ETag',
  });
  return groups && Number(groups[0]);
}

/** The routes of this file as the API documents them; the handlers follow. */
const ENDPOINTS = {
  readBedStatus: {
    method: 'GET',
    url: '/hospices/:id/bed-status',
    tags: ['beddenstatus'],
    summary: 'Actuele beddenstatus van een voorziening',
    description:
      'Vrije bedden alleen als de status binnen de versheidstermijn is bevestigd; anders onbekend (null). De ETag hoort bij If-Match van PUT.',
    params: HospiceIdParams,
    response: { 200: BedStatus, ...ProblemResponses },
  },
  putBedStatus: {
    method: 'PUT',
    url: '/hospices/:id/bed-status',
    // The busiest write: its audit entry is written with the event, in the same statement.
    auditedByHandler: true,
    tags: ['beddenstatus'],
    summary: 'Beddenstatus doorgeven (ook als bevestiging)',
    description:
      'Slaat een nieuwe status op als gebeurtenis en geeft de status terug met confirmedAt. Bezet ≤ open ≤ vergunde bedden. Met If-Match (ETag van GET) wordt een verouderde wijziging geweigerd met 412.',
    params: HospiceIdParams,
    body: BedStatusPut,
    headers: IfMatchHeaders,
    response: { 200: BedStatusWithWarnings, ...WriteProblems },
  },
  confirmBedStatus: {
    method: 'POST',
    url: '/hospices/:id/bed-status/confirm',
    auditedByHandler: true,
    tags: ['beddenstatus'],
    summary: 'Geen wijziging: de huidige status bevestigen',
    description: 'Eén handeling die alleen "laatst bevestigd" ververst.',
    params: HospiceIdParams,
    headers: IfMatchHeaders,
    response: { 200: BedStatus, ...WriteProblems },
  },
  bedStatusHistory: {
    method: 'GET',
    url: '/hospices/:id/bed-status/history',
    tags: ['beddenstatus'],
    summary: 'Alle beddenstatusgebeurtenissen, nieuwste eerst',
    params: HospiceIdParams,
    querystring: BedStatusHistoryQuery,
    response: { 200: BedStatusEventList, ...ProblemResponses },
  },
  regionBedStatus: {
    method: 'GET',
    url: '/regions/:code/bed-status',
    tags: ['beddenstatus'],
    summary: 'Actuele beddenstatus van elke open voorziening in een regio (of NL)',
    description:
      'Dezelfde velden als de status per voorziening, voor de hele regio in één antwoord. Vrije bedden alleen als de status vers is.',
    params: RegionCodeParams,
    response: { 200: BedStatusList, ...ProblemResponses },
  },
  bedStatusStream: {
    method: 'GET',
    url: '/bed-status/stream',
    tags: ['beddenstatus'],
    summary: 'Live: elke wijziging van een beddenstatus (Server-Sent Events)',
    description:
      'text/event-stream; elk bericht heeft als id het gebeurtenisnummer. Wie opnieuw verbindt met de header Last-Event-ID (of ?lastEventId=) krijgt eerst alles wat daarna kwam.',
    querystring: BedStatusStreamQuery,
    headers: BedStatusStreamHeaders,
    response: {
      200: {
        description: 'Een stroom van gebeurtenissen; elk data-veld is een BedStatusEvent (JSON)',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      },
      ...ProblemResponses,
    },
  },
} satisfies Record<string, Endpoint>;

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

  route(app, ENDPOINTS.readBedStatus, async (request, reply) => {
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
  });

  route(app, ENDPOINTS.putBedStatus, async (request, reply) => {
    const result = await setBedStatus(
      ctx.store.db,
      request.params.id,
      request.body,
      writeContextOf(ctx, request.principal),
      await writeOptions(request),
    );
    await published(reply, result.event, result.notified);
    return { ...result.status, warnings: toWarnings(result.warnings) };
  });

  route(app, ENDPOINTS.confirmBedStatus, async (request, reply) => {
    const result = await confirmBedStatus(
      ctx.store.db,
      request.params.id,
      writeContextOf(ctx, request.principal),
      await writeOptions(request),
    );
    await published(reply, result.event);
    return result.status;
  });

  bedStatusReadRoutes(app, ctx, collection);
}

/** The history, a whole region at once and the live feed: reads only. */
function bedStatusReadRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  route(app, ENDPOINTS.bedStatusHistory, async (request) => {
    await getBedStatus(ctx.store.db, request.params.id, ctx.now(), collection.freshnessHours);
    const items = await listBedStatusEvents(ctx.store.db, {
      hospiceId: request.params.id,
      limit: request.query.limit ?? 100,
      newestFirst: true,
    });
    return { items };
  });

  route(app, ENDPOINTS.regionBedStatus, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return {
      items: await regionBedStatus(
        ctx.store.db,
        request.params.code,
        ctx.now(),
        collection.freshnessHours,
      ),
    };
  });

  route(app, ENDPOINTS.bedStatusStream, async (request, reply) => {
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
  });
}
