import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import {
  createApiToken,
  createHospice,
  describeStore,
  ensureReferenceData,
  openStore,
  type Store,
} from '@palliamonitor/data';
import { buildApp } from '../src/app';
import { readConfig } from '../src/config';
import type { App } from '../src/context';
import { toFrame } from '../src/live/bed-status-hub';

// Benchmarks of data collection, each beside a baseline measured in the same run (no assertions;
// goals in the README):
// - bed-status-updates-per-second: sustained PUTs of bed status through the whole request pipeline
//   (token, validation, write, audit, live feed), on the embedded store persisted in a folder
//   (durable: every acknowledged event is on disk) and on PostgreSQL; baseline: a bare one-row
//   INSERT per transaction on the same store, with the same durability and requests in flight;
// - sse-delivery-p99-ms: from sending a PUT to its event arriving at each of 1,000 SSE
//   subscribers, over real HTTP on loopback, the subscribers in a process of their own; baseline:
//   a bare node:http server pushing the same bytes to the same subscribers.

const HOSPICES = 20;

/** Where a benchmark store lives: an embedded store in a temporary folder, or PostgreSQL. */
export type BenchStore = { kind: 'embedded' } | PostgresBenchStore;
type PostgresBenchStore = { kind: 'postgres'; url: string };

/** The PostgreSQL benchmarks run when BENCH_DATABASE_URL names a database they may write to. */
export function postgresBenchStore(): PostgresBenchStore | undefined {
  const url = process.env['BENCH_DATABASE_URL']?.trim();
  return url ? { kind: 'postgres', url } : undefined;
}

const BENCH_SCHEMA = 'palliamonitor_bench';

/**
 * The benchmark cannot start as configured (no such database, nothing listening): `npm run bench`
 * says so in one line and exits with 2, as for any bad input, instead of a driver's stack trace.
 */
export class BenchSetupError extends Error {
  override name = 'BenchSetupError';
}

/**
 * A client connected to the benchmark database, or a BenchSetupError that says where the
 * connection went (as the CLI names a store: never the password in the URL) and why it failed.
 */
async function connectBenchDatabase(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return client;
  } catch (error) {
    const reason =
      error instanceof Error ? error.message || (error as { code?: string }).code : String(error);
    throw new BenchSetupError(
      `BENCH_DATABASE_URL: cannot connect to ${describeStore({ databaseUrl: url })}: ${reason}`,
    );
  }
}

/**
 * Checked before any benchmark runs (scripts/bench.ts): a PostgreSQL figure that was asked for can
 * reach its database. Otherwise the run would stop only when it came to that figure, after
 * minutes of others, and print none of them.
 */
export async function collectionPreflight(wants: (figure: string) => boolean): Promise<void> {
  const postgres = postgresBenchStore();
  if (postgres && wants('bed-status-updates-postgres-per-second')) {
    await (await connectBenchDatabase(postgres.url)).end();
  }
}

/** A fresh store: a new folder, or a schema of its own in the benchmark database (dropped after). */
export async function withStore<T>(
  where: BenchStore,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  if (where.kind === 'postgres') {
    const admin = await connectBenchDatabase(where.url);
    await admin.query(
      `drop schema if exists ${BENCH_SCHEMA} cascade; create schema ${BENCH_SCHEMA}`,
    );
    const url = new URL(where.url);
    url.searchParams.set('options', `-c search_path=${BENCH_SCHEMA}`);
    const store = await openStore({ databaseUrl: url.toString() });
    try {
      await ensureReferenceData(store.db);
      return await fn(store);
    } finally {
      await store.close();
      await admin.query(`drop schema if exists ${BENCH_SCHEMA} cascade`);
      await admin.end();
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'palliamonitor-bench-'));
  const store = await openStore({ dataDir: path.join(dir, 'store') });
  try {
    await ensureReferenceData(store.db);
    return await fn(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withApp<T>(
  where: BenchStore,
  fn: (app: App, store: Store) => Promise<T>,
): Promise<T> {
  return withStore(where, async (store) => {
    // The per-token limit (600 a minute by default) stays in the pipeline, but set so high that
    // it does not cut the measurement short: the benchmark measures throughput, not the limit.
    const app = await buildApp(store, {
      config: { ...readConfig(), tokenRatePerMinute: 1_000_000 },
    });
    try {
      return await fn(app, store);
    } finally {
      await app.close();
    }
  });
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

/**
 * Calls per second of `product` and of `baseline`, each from `workers` loops, measured in
 * alternating slices (after a warm-up of each), so that both see the same machine: on a shared
 * machine the load of other processes changes from second to second.
 */
export async function alternating(
  product: (k: number) => Promise<void>,
  baseline: (k: number) => Promise<void>,
  { slices = 10, sliceSeconds = 0.5, workers = 8, warmUp = 100 } = {},
): Promise<[product: number, baseline: number]> {
  let n = 0;
  for (let i = 0; i < warmUp; i++) {
    await product(n++);
    await baseline(n++);
  }
  const done = [0, 0];
  const time = [0, 0];
  for (let slice = 0; slice < 2 * slices; slice++) {
    const which = slice % 2;
    const body = which === 0 ? product : baseline;
    const started = performance.now();
    const until = started + sliceSeconds * 1000;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (performance.now() < until) {
          await body(n++);
          done[which]! += 1;
        }
      }),
    );
    time[which]! += performance.now() - started;
  }
  return [Math.round(done[0]! / (time[0]! / 1000)), Math.round(done[1]! / (time[1]! / 1000))];
}

/**
 * Bed-status updates per second through the whole pipeline, beside the baseline: one-row INSERTs,
 * each its own transaction, into a bare table of the same store, through the same connection pool,
 * with as many in flight.
 */
export async function benchUpdatesPerSecond(where: BenchStore): Promise<[number, number]> {
  return withApp(where, async (app, store) => {
    const { ids, auth } = await createHospices(store);
    await sql`create table bench_insert (id bigserial primary key, hospice_id text not null,
      beds_occupied integer not null, recorded_at timestamptz not null)`.execute(store.db);
    return alternating(
      async (k) => {
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
      },
      async (k) => {
        await sql`insert into bench_insert (hospice_id, beds_occupied, recorded_at)
          values (${ids[k % ids.length]!}, ${k % 9}, ${new Date().toISOString()})`.execute(
          store.db,
        );
      },
    );
  });
}

/**
 * p99 in ms of PUT → event at each of `subscribers` SSE connections, over `updates` updates after
 * `warmUp` unmeasured ones (the first requests pay for connection set-up and compilation, as the
 * updates benchmark's warm-up does). The subscribers run in a process of their own
 * (sse-subscribers.ts), as real ones do.
 */
export async function benchSseDeliveryP99(): Promise<number> {
  return withApp({ kind: 'embedded' }, async (app, store) => {
    const { ids, auth } = await createHospices(store);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${portOf(app.server)}`;
    return p99OfDeliveries(`${base}/api/v1/bed-status/stream`, async (k) => {
      const id = ids[k % ids.length]!;
      const res = await fetch(`${base}/api/v1/hospices/${id}/bed-status`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: auth.get(id)! },
        body: JSON.stringify({ bedsOpen: 8, bedsOccupied: k % 9 }),
      });
      if (res.status !== 200) {
        throw new Error(`update failed: ${res.status} ${await res.text()}`);
      }
      return ((await res.json()) as { eventId: number }).eventId;
    });
  });
}

/**
 * The baseline: a bare node:http server that answers the stream request as the real one does and,
 * on each POST, writes a frame of the same shape and size (a bed-status event) to every open
 * stream, measured the same way with the same subscriber process.
 */
export async function benchBareSseDeliveryP99(): Promise<number> {
  const streams = new Set<http.ServerResponse>();
  let id = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
      });
      res.write('retry: 2000\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    req.resume();
    req.on('end', () => {
      id += 1;
      const frame = toFrame({
        id,
        hospiceId: '0f9c2f4e-6a4b-4c1e-9d3a-2b7e8f1a5c6d',
        kind: 'update',
        bedsOpen: 8,
        bedsOccupied: id % 9,
        bedsClosed: 0,
        closedReason: null,
        admissionStop: false,
        recordedAt: new Date().toISOString(),
        recordedBy: 'token:0f9c2f4e-6a4b-4c1e-9d3a-2b7e8f1a5c6d',
      });
      for (const stream of streams) {
        stream.write(frame);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ eventId: id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${portOf(server)}`;
  try {
    return await p99OfDeliveries(`${base}/stream`, async () => {
      const res = await fetch(`${base}/push`, { method: 'POST', body: '{}' });
      return ((await res.json()) as { eventId: number }).eventId;
    });
  } finally {
    for (const stream of streams) {
      stream.destroy();
    }
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

export function portOf(server: http.Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** p99 in ms from `send` being called to the event's bytes arriving at every subscriber. */
async function p99OfDeliveries(
  streamUrl: string,
  send: (k: number) => Promise<number>,
  { subscribers, updates, warmUp } = { subscribers: 1000, updates: 30, warmUp: 5 },
): Promise<number> {
  const child = fork(
    fileURLToPath(new URL('./sse-subscribers.ts', import.meta.url)),
    [streamUrl, String(subscribers)],
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
      const eventId = await send(k + warmUp);
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
}

interface SubscriberMessage {
  ready?: true;
  arrivals?: number[][];
  error?: string;
}

/** A figure, its baseline and their ratio (product ÷ baseline), under the names the README uses. */
export function withBaseline(
  name: string,
  value: number,
  baseline: number,
  baselineName: string,
  ratioName: string,
): Array<[string, number]> {
  return [
    [name, value],
    [baselineName, baseline],
    [ratioName, Number((value / baseline).toFixed(3))],
  ];
}

export async function collectionBenchmarks(
  wants: (figure: string) => boolean = () => true,
): Promise<Array<[string, number]>> {
  const lines: Array<[string, number]> = [];
  if (wants('bed-status-updates-per-second')) {
    lines.push(
      ...withBaseline(
        'bed-status-updates-per-second',
        ...(await benchUpdatesPerSecond({ kind: 'embedded' })),
        'bed-status-updates-baseline',
        'bed-status-updates-ratio',
      ),
    );
  }
  const postgres = postgresBenchStore();
  if (!wants('bed-status-updates-postgres-per-second')) {
    // not asked for
  } else if (postgres) {
    lines.push(
      ...withBaseline(
        'bed-status-updates-postgres-per-second',
        ...(await benchUpdatesPerSecond(postgres)),
        'bed-status-updates-postgres-baseline',
        'bed-status-updates-postgres-ratio',
      ),
    );
  } else {
    console.error('# bed-status-updates-postgres: skipped; set BENCH_DATABASE_URL');
  }
  if (wants('sse-delivery-p99-ms')) {
    lines.push(
      ...withBaseline(
        'sse-delivery-p99-ms',
        await benchSseDeliveryP99(),
        await benchBareSseDeliveryP99(),
        'sse-delivery-p99-baseline',
        'sse-delivery-p99-ratio',
      ),
    );
  }
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, value] of await collectionBenchmarks()) {
    console.log(`${name}: ${value}`);
  }
}
