import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../bench/server-process';
import { createAdminWithCli, signInOverHttp } from './auth-helpers';

// An acknowledged write must survive the server being killed outright (power cut, OOM killer).
// This runs on the embedded store, where durability is ours to get right; PostgreSQL's own
// durability is covered by the event tests.
const dir = mkdtempSync(path.join(tmpdir(), 'palliamonitor-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded store durability', () => {
  it('a hospice acknowledged with 201 is still there after SIGKILL and restart', async () => {
    const env = { DATA_DIR: path.join(dir, 'store') };
    const admin = await createAdminWithCli(env);
    const first = await startServerProcess(env);
    const auth = await signInOverHttp(first.url, admin);
    let id: string;
    try {
      const res = await fetch(`${first.url}/api/v1/hospices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({
          name: 'Hospice Onverwoestbaar',
          place: 'Utrecht',
          gemeenteCode: 'GM0344',
          type: 'hch',
          licensedBeds: 8,
        }),
      });
      expect(res.status).toBe(201);
      id = ((await res.json()) as { id: string }).id;
    } finally {
      // Killed right after the acknowledgement: no shutdown, no close of the store.
      await first.kill();
    }
    const second = await startServerProcess(env);
    try {
      const res = await fetch(`${second.url}/api/v1/hospices/${id}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { licensedBeds: number }).licensedBeds).toBe(8);
    } finally {
      await second.stop();
    }
  }, 600_000);
});
