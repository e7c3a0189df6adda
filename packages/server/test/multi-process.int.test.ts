import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../bench/server-process';
import { connectSse, type SseConnection } from '../src/live/sse-client';
import { createAdminWithCli, signInOverHttp } from './auth-helpers';
import { processStoreEnv } from '../../data/test/test-store';

// Two real server processes side by side on one PostgreSQL database: a change made through one
// reaches the live-feed subscribers of the other (LISTEN/NOTIFY), writers on both never lose an
// update, and a reconnecting client replays from either. The embedded store serves one process
// only (ADR 0001), so this file runs with TEST_DATABASE_URL. Limits and sessions are shared too:
// the two behave as one server towards a guesser.

const pgUrl = process.env['TEST_DATABASE_URL'];
let cleanup: (() => Promise<void>) | undefined;
let storeEnv: NodeJS.ProcessEnv = {};
const servers: ServerProcess[] = [];
const streams: SseConnection[] = [];

beforeAll(async () => {
  if (!pgUrl) {
    return;
  }
  const store = await processStoreEnv('mp');
  cleanup = store.cleanup;
  // A small token rate, so that the shared count is seen with a handful of requests.
  const env = { ...store.env, TOKEN_RATE_PER_MINUTE: '4' };
  storeEnv = store.env;
  // The first one migrates and loads the reference data; then the second joins.
  servers.push(await startServerProcess(env));
  servers.push(await startServerProcess(env));
  // One sign-in serves both processes: sessions live in the shared database.
  auth = await signInOverHttp(servers[0]!.url, await createAdminWithCli(env));
});

afterAll(async () => {
  for (const stream of streams) {
    stream.close();
  }
  await Promise.all(servers.map((s) => s.stop()));
  await cleanup?.();
});

let auth: Record<string, string> = {};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of the API under test
async function send(url: string, method: string, body?: unknown): Promise<any> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...auth },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

async function subscribe(base: string, headers: Record<string, string> = {}) {
  const stream = await connectSse(`${base}/api/v1/bed-status/stream`, headers);
  streams.push(stream);
  return stream;
}

describe.skipIf(!pgUrl)('two server processes on one PostgreSQL database', () => {
  let id: string;

  beforeAll(async () => {
    const created = await send(`${servers[0]!.url}/api/v1/hospices`, 'POST', {
      name: 'Hospice Twee Processen',
      place: 'Utrecht',
      gemeenteCode: 'GM0344',
      type: 'hch',
      licensedBeds: 8,
      openedOn: '2020-01-01',
    });
    expect(created.status).toBe(201);
    id = created.id;
  });

  it('a change through one process reaches the subscribers of the other, both ways', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const onA = await subscribe(a.url);
    const onB = await subscribe(b.url);
    const first = await send(`${a.url}/api/v1/hospices/${id}/bed-status`, 'PUT', {
      bedsOpen: 8,
      bedsOccupied: 5,
    });
    expect(first.status).toBe(200);
    const [fromA] = await onB.waitFor(1);
    expect(fromA).toMatchObject({ id: first.eventId, data: { hospiceId: id, bedsOccupied: 5 } });
    const second = await send(`${b.url}/api/v1/hospices/${id}/bed-status`, 'PUT', {
      bedsOpen: 8,
      bedsOccupied: 6,
    });
    const onAEvents = await onA.waitFor(2);
    expect(onAEvents.map((e) => e.id)).toEqual([first.eventId, second.eventId]);
    // The writing process's own subscriber sees it too. Waiting for it also means that process has
    // delivered both, so a subscriber joining it later starts after them (the next test's watcher).
    const onBEvents = await onB.waitFor(2);
    expect(onBEvents.map((e) => e.id)).toEqual([first.eventId, second.eventId]);
  });

  it('writers on both processes never lose an update; every subscriber sees all, in order', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const watcher = await subscribe(b.url);
    const writes = await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        send(`${(k % 2 === 0 ? a : b).url}/api/v1/hospices/${id}/bed-status`, 'PUT', {
          bedsOpen: 8,
          bedsOccupied: k % 8,
        }),
      ),
    );
    expect(writes.map((w) => w.status)).toEqual(Array(20).fill(200));
    const ids = writes.map((w) => w.eventId as number).sort((x, y) => x - y);
    const seen = await watcher.waitFor(20);
    expect(seen.map((e) => e.id)).toEqual(ids);
    const history = await send(
      `${a.url}/api/v1/hospices/${id}/bed-status/history?limit=1000`,
      'GET',
    );
    expect(history.items.length).toBe(22);
  });

  it('a client that reconnects to the other process with Last-Event-ID misses nothing', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const onA = await subscribe(a.url);
    const first = await send(`${a.url}/api/v1/hospices/${id}/bed-status`, 'PUT', {
      bedsOpen: 7,
      bedsOccupied: 1,
    });
    await onA.waitFor(1);
    onA.close();
    const missed = [];
    for (let k = 0; k < 3; k++) {
      missed.push(
        (
          await send(`${a.url}/api/v1/hospices/${id}/bed-status`, 'PUT', {
            bedsOpen: 7,
            bedsOccupied: k,
          })
        ).eventId,
      );
    }
    const onB = await subscribe(b.url, { 'last-event-id': String(first.eventId) });
    const replayed = await onB.waitFor(3);
    expect(replayed.map((e) => e.id)).toEqual(missed);
  });
});

describe.skipIf(!pgUrl)('limits and sessions shared by two server processes', () => {
  const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('failed sign-ins on either process count together', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await post((i % 2 === 0 ? a : b).url, '/auth/sign-in', {
        email: 'doelwit@test.palliamonitor.nl',
        password: `gok-${i}`,
      });
      statuses.push(res.status);
    }
    // Each process on its own would answer its first five with 401: ten in all.
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401));
    expect(statuses.filter((s) => s === 401).length).toBeLessThan(10);
    expect(statuses).toContain(429);
  });

  it('a token’s rate is one count over both processes', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const made = await send(`${a.url}/api/v1/hospices`, 'POST', {
      name: 'Hospice Gedeelde Teller',
      place: 'Utrecht',
      gemeenteCode: 'GM0344',
      type: 'bth',
      licensedBeds: 4,
      openedOn: '2020-01-01',
    });
    const token = await send(`${a.url}/api/v1/hospices/${made.id}/tokens`, 'POST', {
      label: 'teller',
    });
    expect(token.status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(
        `${(i % 2 === 0 ? a : b).url}/api/v1/hospices/${made.id}/bed-status`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token.token}` },
          body: JSON.stringify({ bedsOpen: 4, bedsOccupied: i % 4 }),
        },
      );
      statuses.push(res.status);
    }
    // TOKEN_RATE_PER_MINUTE=4 on each: apart they would allow 8.
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses).toContain(429);
  });

  it('a session ended on one process is ended on the other', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const session = await signInOverHttp(a.url, await createAdminWithCli(storeEnv));
    const me = async (base: string) =>
      (
        (await (await fetch(`${base}/api/v1/auth/me`, { headers: session })).json()) as {
          kind: string;
        }
      ).kind;
    expect(await me(b.url)).toBe('user');
    expect((await post(a.url, '/auth/sign-out', {}, session)).status).toBe(204);
    expect(await me(b.url)).toBe('anonymous');
  });
});
