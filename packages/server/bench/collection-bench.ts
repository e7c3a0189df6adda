import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createApiToken,
  createHospice,
  ensureReferenceData,
  openStore,
  type Store,
} from '@palliamonitor/data';
import { buildApp } from '../src/app';
import type { App } from '../src/context';

// Benchmarks of data collection (no assertions; goals: ≥ 500 updates/s, p99 < 100 ms):
// - bed-status-updates-per-second: sustained PUTs of bed status on the embedded store persisted in
//   a folder (durable: every acknowledged event is on disk), through the whole request pipeline;
// - sse-delivery-p99-ms: from sending a PUT to its event arriving at each of 1,000 SSE
//   subscribers, over real HTTP on loopback, the subscribers in a process of their own.

const HOSPICES = 20;

async function withApp<T>(fn: (app: App, store: Store) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'palliamonitor-bench-'));
  const store = await openStore({ dataDir: path.join(dir, 'store') });
  await ensureReferenceData(store.db);
  const app = await buildApp(store);
  try {
    return await fn(app, store);
  } finally {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Hospices with one API token each: updates arrive as they do from a hospice's own system. */
async function createHospices(store: Store): Promise<{ ids: string[]; auth: Map<string, string> }> {
  const ids: string[] = [];
  const auth = new Map<string, string>();
  for (let i = 0; i < HOSPICES; i++) {
    const hospice = await createHospice(
      store.db,
      {
        name: `Bench ${i}`,
        place: 'Utrecht',
        gemeenteCode: 'GM0344',
        type: 'bth',
        licensedBeds: 8,
        openedOn: '2020-01-01',
      },
      { actor: 'bench', now: new Date() },
    );
    const { token } = await createApiToken(
      store.db,
      { hospiceId: hospice.id, label: 'bench', actor: 'bench' },
      new Date(),
    );
    ids.push(hospice.id);
    auth.set(hospice.id, `Bearer ${token}`);
  }
  return { ids, auth };
}

/** Sustained bed-status updates per second over `seconds`, `workers` requests in flight. */
export async function benchUpdatesPerSecond(seconds = 5, workers = 8): Promise<number> {
  return withApp(async (app, store) => {
    const { ids, auth } = await createHospices(store);
    let n = 0;
    const update = async () => {
      const k = n++;
      const id = ids[k % ids.length]!;
      const res = await app.inject({
        method: 'PUT',
        url: `/api/v1/hospices/${id}/bed-status`,
        headers: { authorization: auth.get(id)! },
        payload: { bedsOpen: 8, bedsOccupied: k % 9 },
      });
      if (res.statusCode !== 200) {
        throw new Error(`update failed: ${res.statusCode} ${res.body}`);
      }
    };
    for (let i = 0; i < 100; i++) {
      await update(); // warm-up
    }
    let done = 0;
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (performance.now() < until) {
          await update();
          done++;
        }
      }),
    );
    return Math.round(done / ((performance.now() - started) / 1000));
  });
}

/**
 * p99 in ms of PUT → event at each of `subscribers` SSE connections, over `updates` updates after
 * `warmUp` unmeasured ones (the first requests pay for connection set-up and compilation, as the
 * updates benchmark's warm-up does). The subscribers run in a process of their own
 * (sse-subscribers.ts), as real ones do.
 */
export async function benchSseDeliveryP99(
  subscribers = 1000,
  updates = 30,
  warmUp = 5,
): Promise<number> {
  return withApp(async (app, store) => {
    const { ids, auth } = await createHospices(store);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const child = fork(
      fileURLToPath(new URL('./sse-subscribers.ts', import.meta.url)),
      [`${base}/api/v1/bed-status/stream`, String(subscribers)],
      { execArgv: ['--import', 'tsx'] },
    );
    const next = () =>
      new Promise<SubscriberMessage>((resolve, reject) => {
        child.once('message', (message) => resolve(message as SubscriberMessage));
        child.once('exit', (code) => reject(new Error(`subscribers exited with ${code}`)));
      });
    try {
      await next();
      const sentAt = new Map<number, number>();
      for (let k = -warmUp; k < updates; k++) {
        const sent = performance.timeOrigin + performance.now();
        const id = ids[(k + warmUp) % ids.length]!;
        const res = await fetch(`${base}/api/v1/hospices/${id}/bed-status`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: auth.get(id)! },
          body: JSON.stringify({ bedsOpen: 8, bedsOccupied: (k + warmUp) % 9 }),
        });
        if (res.status !== 200) {
          throw new Error(`update failed: ${res.status} ${await res.text()}`);
        }
        const { eventId } = (await res.json()) as { eventId: number };
        if (k >= 0) {
          sentAt.set(eventId, sent);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const reply = next();
      child.send({ collect: [...sentAt.keys()] });
      const message = await reply;
      if (!message.arrivals) {
        throw new Error(message.error ?? 'no arrivals from the subscribers');
      }
      const sent = [...sentAt.values()];
      const latencies = message.arrivals.flatMap((times, i) => times.map((t) => t - sent[i]!));
      latencies.sort((a, b) => a - b);
      return Math.round(latencies[Math.floor(latencies.length * 0.99)]! * 10) / 10;
    } finally {
      child.kill();
    }
  });
}

interface SubscriberMessage {
  ready?: true;
  arrivals?: number[][];
  error?: string;
}

export async function collectionBenchmarks(): Promise<Array<[string, number]>> {
  return [
    ['bed-status-updates-per-second', await benchUpdatesPerSecond()],
    ['sse-delivery-p99-ms', await benchSseDeliveryP99()],
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, value] of await collectionBenchmarks()) {
    console.log(`${name}: ${value}`);
  }
}
