import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, startServerProcess, type ServerProcess } from '../bench/server-process';
import { createAdminWithCli, signInOverHttp } from './auth-helpers';
import { processStoreEnv } from '../../data/test/test-store';

// An acknowledged event survives SIGKILL of the server process: real child processes of
// `palliamonitor serve`, on the embedded store (DATA_DIR) or, with TEST_DATABASE_URL, on PostgreSQL
// in a schema of its own. Also loads postcodes with the real `import postcodes` command.

const pgUrl = process.env['TEST_DATABASE_URL'];
const pc4File = fileURLToPath(
  new URL('../../data/seed/reference/places/pc4_centroids.csv', import.meta.url),
);

let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  ({ env, cleanup } = await processStoreEnv('dur'));
});

afterAll(async () => {
  for (const server of servers) {
    await server.kill();
  }
  await cleanup();
});

let auth: Record<string, string> = {};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of the API under test
async function json(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...auth, ...(init?.headers ?? {}) },
  });
  return { status: res.status, body: await res.json() };
}

describe(`durability (${pgUrl ? 'PostgreSQL' : 'embedded store'})`, () => {
  it('palliamonitor import postcodes loads the pc4 centroid file', async () => {
    const result = await runCommand(['import', 'postcodes', pc4File], env);
    expect(result.err).toBe('');
    expect(result.out.trim()).toMatch(/^imported 40\d\d postcodes$/);
    expect(result.code).toBe(0);
    const missing = await runCommand(['import', 'postcodes', '/no/such/file.csv'], env);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/file not found/);
  });

  it('an acknowledged bed status and stay survive SIGKILL of the server', async () => {
    // An operator creates the first administrator with the CLI while the server is stopped.
    const admin = await createAdminWithCli(env);
    const first = await startServerProcess(env);
    servers.push(first);
    // Sessions live in the store, so this sign-in also holds on the restarted server.
    auth = await signInOverHttp(first.url, admin);
    const created = await json(`${first.url}/api/v1/hospices`, {
      method: 'POST',
      body: JSON.stringify({
        name: 'Hospice Duurzaam',
        place: 'Utrecht',
        gemeenteCode: 'GM0344',
        latitude: 52.09,
        longitude: 5.12,
        type: 'bth',
        licensedBeds: 6,
        openedOn: '2020-01-01',
      }),
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    const stay = await json(`${first.url}/api/v1/hospices/${id}/stays`, {
      method: 'POST',
      body: JSON.stringify({ admittedOn: today, origin: 'hospital' }),
    });
    expect(stay.status).toBe(201);
    const put = await json(`${first.url}/api/v1/hospices/${id}/bed-status`, {
      method: 'PUT',
      body: JSON.stringify({ bedsOpen: 6, bedsOccupied: 4 }),
    });
    expect(put.status).toBe(200);
    // The answer is in: kill at once, no shutdown code runs.
    await first.kill();

    const second = await startServerProcess(env);
    servers.push(second);
    const status = await json(`${second.url}/api/v1/hospices/${id}/bed-status`);
    expect(status.body).toMatchObject({
      bedsOpen: 6,
      bedsOccupied: 4,
      confirmedAt: put.body.confirmedAt,
      eventId: put.body.eventId,
    });
    const stays = await json(`${second.url}/api/v1/hospices/${id}/stays`);
    expect(stays.body.items.map((s: { stayId: string }) => s.stayId)).toEqual([stay.body.stayId]);
    const finder = await json(`${second.url}/api/v1/beds/available?near=3511&radiusKm=10`);
    expect(finder.status).toBe(200);
    expect(finder.body.available.map((h: { id: string }) => h.id)).toContain(id);
    await second.stop();
  });
});
