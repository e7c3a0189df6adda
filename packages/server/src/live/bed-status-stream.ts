import type { FastifyReply, FastifyRequest } from 'fastify';
import { listBedStatusEvents, type Store } from '@palliamonitor/data';
import { API_VERSION } from '../context';
import { toFrame, type BedStatusHub, type LiveEvent, type Subscriber } from './bed-status-hub';

// One Server-Sent Events connection. A client that reconnects with Last-Event-ID first gets every
// event after that id from the table (replay), then the live events; events that arrive during the
// replay (or while the hub finds its starting point) wait in a queue, and ids already sent are
// skipped, so nothing is lost or sent twice.

/** A subscriber that falls this far behind is disconnected; it reconnects and replays. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const REPLAY_PAGE = 1000;

export async function streamBedStatus(
  request: FastifyRequest,
  reply: FastifyReply,
  context: { store: Store; hub: BedStatusHub },
  options: { lastEventId: number | undefined; hospiceId: string | undefined },
): Promise<void> {
  const { hub, store } = context;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
    'API-Version': API_VERSION,
  });
  res.write('retry: 2000\n\n');
  res.flushHeaders?.();

  // Until the starting point is known, events from the hub wait in the queue.
  let lastSent = options.lastEventId ?? hub.delivered;
  let replaying = true;
  const queue: LiveEvent[] = [];
  let open = true;

  const end = () => {
    if (open) {
      open = false;
      unsubscribe();
      res.end();
    }
  };
  const write = (event: LiveEvent) => {
    if (!open) {
      return;
    }
    if (event.id !== 0) {
      if (event.id <= lastSent) {
        return;
      }
      lastSent = event.id;
    }
    res.write(event.frame);
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      end();
    }
  };
  const wanted = (event: LiveEvent) =>
    event.id === 0 || options.hospiceId === undefined || event.hospiceId === options.hospiceId;
  const subscriber: Subscriber = {
    deliver(event) {
      if (!wanted(event)) {
        // Still advance, so a replay after reconnecting does not resend filtered-out history.
        if (event.id > lastSent && !replaying) {
          lastSent = event.id;
        }
        return;
      }
      if (replaying) {
        queue.push(event);
      } else {
        write(event);
      }
    },
    close: end,
  };
  const unsubscribe = hub.subscribe(subscriber);
  request.raw.on('close', () => {
    open = false;
    unsubscribe();
  });

  try {
    await hub.ready();
    lastSent = options.lastEventId ?? hub.delivered;
    while (options.lastEventId !== undefined) {
      // Up to what the hub has delivered: above it an event may still commit with a lower id than
      // one already stored; the hub delivers those (queued meanwhile) in order.
      const events = await listBedStatusEvents(store.db, {
        afterId: lastSent,
        upToId: hub.delivered,
        limit: REPLAY_PAGE,
        ...(options.hospiceId === undefined ? {} : { hospiceId: options.hospiceId }),
      });
      for (const event of events) {
        write({ id: event.id, hospiceId: event.hospiceId, frame: toFrame(event) });
      }
      if (events.length < REPLAY_PAGE || !open) {
        break;
      }
    }
  } catch (error) {
    request.log.error({ err: error }, 'bed-status replay failed');
    end();
    return;
  }
  replaying = false;
  for (const event of queue.splice(0)) {
    if (event.id === 0 || event.id > lastSent) {
      write(event);
    }
  }
}
