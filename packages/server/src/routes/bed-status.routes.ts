import { writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import {
  AppError,
  confirmBedStatus,
  getBedStatus,
  listBedStatusEvents,
  regionBedStatus,
  setBedStatus,
  type Issue,
} from '@palliamonitor/data';
import { BedStatus, BedStatusEvent, BedStatusPut, WarningList } from '@palliamonitor/contracts';
import type { App, AppContext } from '../context';
import type { CollectionContext } from '../live/collection-context';
import { streamBedStatus } from '../live/bed-status-stream';
import { HospiceIdParams, RegionCodeParams } from '@palliamonitor/contracts';
import { ProblemResponses } from './params';

export const WriteProblems = {
  ...ProblemResponses,
  409: Type.Ref('Problem'),
  412: Type.Ref('Problem'),
  422: Type.Ref('Problem'),
};

/** Warnings as the API shows them (field, message and its code; the severity is implied). */
export function toWarnings(issues: Issue[]): Static<typeof WarningList> {
  return issues.map((i) => ({
    ...(i.field === undefined ? {} : { field: i.field }),
    message: i.message,
    ...(i.code === undefined ? {} : { code: i.code }),
    ...(i.params === undefined ? {} : { params: i.params }),
  }));
}

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

const BedStatusWithWarnings = Type.Intersect([BedStatus, Type.Object({ warnings: WarningList })]);

export function bedStatusRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  const options = () => ({ freshnessHours: collection.freshnessHours });
  /** What both writes take beside their input: freshness, If-Match and the audit context. */
  const writeOptions = async (request: FastifyRequest) => ({
    ...options(),
    expectedEventId: parseIfMatch(request.headers['if-match']),
    audit: await auditContextOf(ctx, request),
  });
  /** A stored event wakes the live feed, and its id is the new ETag. */
  const published = async (reply: FastifyReply, event: BedStatusEvent) => {
    await collection.hub.announce(event.id, event);
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
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
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
      await published(reply, result.event);
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
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
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

  app.get(
    '/hospices/:id/bed-status/history',
    {
      schema: {
        tags: ['beddenstatus'],
        summary: 'Alle beddenstatusgebeurtenissen, nieuwste eerst',
        params: HospiceIdParams,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(BedStatusEvent) }),
          ...ProblemResponses,
        },
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
        response: { 200: Type.Object({ items: Type.Array(BedStatus) }), ...ProblemResponses },
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
        querystring: Type.Object(
          {
            hospice: Type.Optional(
              Type.String({ pattern: '^[A-Za-z0-9-]+$', description: 'Alleen deze voorziening' }),
            ),
            lastEventId: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        headers: Type.Object({
          'last-event-id': Type.Optional(Type.String({ pattern: '^\\d+$' })),
        }),
        response: {
          200: {
            description:
              'Een stroom van gebeurtenissen; elk data-veld is een BedStatusEvent (JSON)',
            content: { 'text/event-stream': { schema: Type.String() } },
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
