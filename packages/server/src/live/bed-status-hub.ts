import {
  BED_STATUS_CHANNEL,
  bedStatusHorizon,
  listBedStatusEvents,
  type Store,
} from '@palliamonitor/data';
import { type BedStatusEvent } from '@palliamonitor/contracts';
import { publicForm } from '../auth/field-visibility';

// Fans bed-status events out to the live-feed subscribers of this process. A notification (from
// this process, or from another one through PostgreSQL's LISTEN/NOTIFY) only wakes the hub; the hub
// then reads every event after the last one it delivered from the event table, up to the horizon
// below which no event can still commit (bedStatusHorizon in bed-status.repository.ts), so reading
// "after N" never skips one, whatever order writers commit and notifications arrive in, and a
// notification lost with a crashed process is caught by the poll. `delivered` is always such a
// horizon. An event of this process that directly follows the last one delivered is handed out as
// it is, without reading the table.

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
  /** Events may have come since `delivered` while nobody listened: a horizon is read first. */
  #stale = false;
  #closed = false;
  /** Told of every event, without it: what only needs to know that something changed. */
  readonly #watchers = new Set<() => void>();
  #unlisten: (() => Promise<void>) | undefined;
  #timers: NodeJS.Timeout[] = [];
  #idle: Promise<void> = Promise.resolve();
  readonly #onError: (error: unknown) => void;
  /** The highest event id announced, and the highest one other processes have been told of. */
  #notifyWanted = 0;
  #notifySent = 0;
  #notifying: Promise<void> | undefined;

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
      await bedStatusHorizon(store.db, concurrentWriters(store)),
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

  /** Calls `watcher` on every event (from any process), without reading the events. */
  watch(watcher: () => void): () => void {
    this.#watchers.add(watcher);
    return () => {
      this.#watchers.delete(watcher);
    };
  }

  /**
   * Tells every process sharing the store that an event was committed, and wakes this hub.
   * `event`, when given, is that event as stored: when it directly follows the last one delivered
   * it goes out as it is. `notified`: the write told the other processes itself, in its own
   * transaction (see notifyChannel of the bed-status write).
   */
  async announce(eventId: number, event?: BedStatusEvent, notified = false): Promise<void> {
    if (
      event &&
      event.id === eventId &&
      !this.#fetching &&
      !this.#stale &&
      eventId === this.#delivered + 1
    ) {
      this.#notifyWatchers();
      this.#deliver([event]);
    } else {
      this.wake(eventId);
    }
    if (!notified) {
      await this.#notifyUpTo(eventId);
    }
  }

  /**
   * Tells the other processes of every event up to `eventId`. Writes arrive in groups (see the
   * group commit of the bed-status write): while one notification is under way, the events
   * announced meanwhile wait for it and then share a single one that names the highest of them;
   * a listener reads every event up to the id it is told of, so none is missed.
   */
  async #notifyUpTo(eventId: number): Promise<void> {
    this.#notifyWanted = Math.max(this.#notifyWanted, eventId);
    while (this.#notifySent < eventId) {
      if (!this.#notifying) {
        const target = this.#notifyWanted;
        this.#notifying = this.#store
          .notify(BED_STATUS_CHANNEL, String(target))
          .then(
            () => {
              this.#notifySent = Math.max(this.#notifySent, target);
            },
            (error: unknown) => {
              // The write is committed; other processes still catch up on their next poll.
              this.#onError(error);
            },
          )
          .finally(() => {
            this.#notifying = undefined;
          });
        await this.#notifying;
        if (this.#notifySent < target) {
          return; // it failed: reported above, not retried
        }
      } else {
        await this.#notifying;
      }
    }
  }

  /**
   * Reads and delivers every event after the last delivered one; calls while busy coalesce.
   * `eventId` is the committed event that caused the call, when known. With nobody listening the
   * hub reads nothing: on a store of one session it moves its mark past `eventId` (every lower id
   * is committed already), otherwise it notes that its mark is stale (see ready()).
   */
  wake(eventId?: number): void {
    if (this.#closed) {
      return;
    }
    if (eventId !== undefined) {
      this.#notifyWatchers();
    }
    if (this.#fetching) {
      this.#dirty = true;
      return;
    }
    if (this.#subscribers.size === 0) {
      if (concurrentWriters(this.#store)) {
        this.#stale = true;
      } else if (eventId !== undefined && Number.isInteger(eventId) && eventId > this.#delivered) {
        this.#delivered = eventId;
      }
      return;
    }
    this.#fetching = true;
    this.#idle = this.#drain()
      .catch((error: unknown) => this.#onError(error))
      .finally(() => {
        this.#fetching = false;
      });
  }

  #notifyWatchers(): void {
    for (const watcher of this.#watchers) {
      watcher();
    }
  }

  #deliver(events: readonly BedStatusEvent[]): void {
    for (const event of events) {
      this.#delivered = event.id;
      if (this.#subscribers.size === 0) {
        continue; // nobody to hand a frame to: none is built
      }
      const live = { id: event.id, hospiceId: event.hospiceId, frame: toFrame(event) };
      for (const subscriber of this.#subscribers) {
        subscriber.deliver(live);
      }
    }
  }

  /**
   * Resolves once `delivered` is a horizon again (at once unless the hub was stale): a new
   * subscriber starts from it. Events before it came while nobody listened and are not delivered.
   */
  async ready(): Promise<void> {
    while (this.#stale && !this.#closed) {
      this.wake();
      await this.#idle;
    }
  }

  async #drain(): Promise<void> {
    const concurrent = concurrentWriters(this.#store);
    for (;;) {
      this.#dirty = false;
      const stale = this.#stale;
      const horizon = concurrent ? await bedStatusHorizon(this.#store.db, true) : undefined;
      if (stale && horizon !== undefined) {
        this.#stale = false;
        this.#delivered = Math.max(this.#delivered, horizon);
      }
      const events = await listBedStatusEvents(this.#store.db, {
        afterId: this.#delivered,
        ...(horizon === undefined ? {} : { upToId: horizon }),
        limit: PAGE,
      });
      if (events.length > 0) {
        this.#notifyWatchers();
      }
      this.#deliver(events);
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
    this.#watchers.clear();
    await this.#unlisten?.();
    await this.#idle;
  }
}

/** Whether transactions of several sessions (or processes) may write at once. */
function concurrentWriters(store: Store): boolean {
  return store.kind === 'postgres';
}
