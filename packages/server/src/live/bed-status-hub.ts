import {
  BED_STATUS_CHANNEL,
  latestBedStatusEventId,
  listBedStatusEvents,
  type Store,
} from '@palliamonitor/data';
import { type BedStatusEvent } from '@palliamonitor/contracts';
import { publicForm } from '../auth/field-visibility';

// Fans bed-status events out to the live-feed subscribers of this process. A notification (from
// this process, or from another one through PostgreSQL's LISTEN/NOTIFY) only wakes the hub; the hub
// then reads every event after the last one it delivered from the event table. Because event ids
// commit in order (bed-status.repository.ts), reading "after N" never skips one, whatever order
// notifications arrive in, and a notification lost with a crashed process is caught by the poll.

export interface LiveEvent {
  id: number;
  hospiceId: string;
  /** The Server-Sent Events frame, built once for all subscribers. */
  frame: string;
}

export interface Subscriber {
  deliver(event: LiveEvent): void;
  /** Called when the hub shuts down. */
  close(): void;
}

const PAGE = 1000;

/**
 * The SSE frame of one event: its id is the event id, so Last-Event-ID resumes after it. One frame
 * goes to every subscriber, so it is the public form: who recorded it as a kind, never an e-mail
 * address or token id (auth/field-visibility.ts).
 */
export function toFrame(event: BedStatusEvent): string {
  const data = {
    ...publicForm(event),
    bedsFree: event.bedsOpen - event.bedsOccupied,
    confirmedAt: event.recordedAt,
  };
  return `id: ${event.id}\nevent: bed-status\ndata: ${JSON.stringify(data)}\n\n`;
}

export class BedStatusHub {
  readonly #store: Store;
  readonly #subscribers = new Set<Subscriber>();
  #delivered: number;
  #fetching = false;
  #dirty = false;
  #closed = false;
  #unlisten: (() => Promise<void>) | undefined;
  #timers: NodeJS.Timeout[] = [];
  #idle: Promise<void> = Promise.resolve();
  readonly #onError: (error: unknown) => void;

  private constructor(store: Store, delivered: number, onError: (error: unknown) => void) {
    this.#store = store;
    this.#delivered = delivered;
    this.#onError = onError;
  }

  static async open(
    store: Store,
    options: { pollMs?: number; heartbeatMs?: number; onError?: (error: unknown) => void } = {},
  ): Promise<BedStatusHub> {
    const hub = new BedStatusHub(
      store,
      await latestBedStatusEventId(store.db),
      options.onError ?? (() => undefined),
    );
    hub.#unlisten = await store.listen(BED_STATUS_CHANNEL, (payload) => hub.wake(Number(payload)));
    const poll = setInterval(() => {
      if (hub.#subscribers.size > 0) {
        hub.wake();
      }
    }, options.pollMs ?? 5_000);
    const heartbeat = setInterval(() => hub.#heartbeat(), options.heartbeatMs ?? 15_000);
    poll.unref();
    heartbeat.unref();
    hub.#timers = [poll, heartbeat];
    return hub;
  }

  /** The id of the last event handed to subscribers. */
  get delivered(): number {
    return this.#delivered;
  }

  get subscriberCount(): number {
    return this.#subscribers.size;
  }

  subscribe(subscriber: Subscriber): () => void {
    this.#subscribers.add(subscriber);
    return () => {
      this.#subscribers.delete(subscriber);
    };
  }

  /** Tells every process sharing the store that an event was committed, and wakes this hub. */
  async announce(eventId: number): Promise<void> {
    this.wake(eventId);
    try {
      await this.#store.notify(BED_STATUS_CHANNEL, String(eventId));
    } catch (error) {
      // The write is committed; other processes still catch up on their next poll.
      this.#onError(error);
    }
  }

  /**
   * Reads and delivers every event after the last delivered one; calls while busy coalesce.
   * `eventId` is the committed event that caused the call, when known: with nobody listening the
   * hub only moves its mark past it (ids commit in order, so nothing before it is pending).
   */
  wake(eventId?: number): void {
    if (this.#closed) {
      return;
    }
    if (this.#subscribers.size === 0 && !this.#fetching && eventId !== undefined) {
      if (Number.isInteger(eventId) && eventId > this.#delivered) {
        this.#delivered = eventId;
      }
      return;
    }
    if (this.#fetching) {
      this.#dirty = true;
      return;
    }
    this.#fetching = true;
    this.#idle = this.#drain()
      .catch((error: unknown) => this.#onError(error))
      .finally(() => {
        this.#fetching = false;
      });
  }

  async #drain(): Promise<void> {
    for (;;) {
      this.#dirty = false;
      const events = await listBedStatusEvents(this.#store.db, {
        afterId: this.#delivered,
        limit: PAGE,
      });
      for (const event of events) {
        this.#delivered = event.id;
        const live = { id: event.id, hospiceId: event.hospiceId, frame: toFrame(event) };
        for (const subscriber of this.#subscribers) {
          subscriber.deliver(live);
        }
      }
      if (this.#closed || (events.length < PAGE && !this.#dirty)) {
        return;
      }
    }
  }

  #heartbeat(): void {
    const frame = { id: 0, hospiceId: '', frame: ': ping\n\n' };
    for (const subscriber of this.#subscribers) {
      subscriber.deliver(frame);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) {
      clearInterval(timer);
    }
    for (const subscriber of this.#subscribers) {
      subscriber.close();
    }
    this.#subscribers.clear();
    await this.#unlisten?.();
    await this.#idle;
  }
}
