import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Store } from '@palliamonitor/data';
import { createUtrechtHospice, openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { adminHeaders } from './auth-helpers';

// Two requests for the same one-time change at once: the departure of one stay, the revocation of
// one token. Exactly one of them changes the store, with exactly one audit entry; the other gets a
// 4xx (never a 500) or, when it finds the change already made, a 2xx that stores nothing more.

const now = new Date('2026-06-01T12:00:00Z');
let store: Store;
let app: App;
let headers: Record<string, string>;
let hospiceId: string;

beforeAll(async () => {
  store = await openTestStore({ maxConnections: 2 });
  app = await buildApp(store, { now: () => now });
  headers = await adminHeaders(app, store);
  hospiceId = await createUtrechtHospice(store, 'Hospice Race', 8, now);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const auditCount = async (action: string) =>
  Number(
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from audit_log where path like ${`%${action}%`}`.execute(
        store.db,
      )
    ).rows[0]!.n,
  );

describe(`one-time changes sent twice at once (${storeName})`, () => {
  it('two departures of one stay at once: one 200, one 409, one departure stored and audited', async () => {
    const admitted = await app.inject({
      method: 'POST',
      url: `/api/v1/hospices/${hospiceId}/stays`,
      headers,
      payload: { admittedOn: '2026-05-01', origin: 'home' },
    });
    expect(admitted.statusCode).toBe(201);
    const stayId = admitted.json().stayId as string;
    const url = `/api/v1/hospices/${hospiceId}/stays/${stayId}/departure`;
    const before = await auditCount('/departure');
    const results = await Promise.all(
      (['died', 'transferred'] as const).map((kind) =>
        app.inject({ method: 'POST', url, headers, payload: { departedOn: '2026-05-20', kind } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.headers['content-type']).toContain(
      'application/problem+json',
    );
    const stored = await store.db
      .selectFrom('stay')
      .select(['departure_kind', 'departed_on'])
      .where('id', '=', stayId)
      .executeTakeFirstOrThrow();
    expect(['died', 'transferred']).toContain(stored.departure_kind);
    expect(stored.departed_on).toBe('2026-05-20');
    expect(await auditCount('/departure')).toBe(before + 1);
  });

  it('two revocations of one token at once: neither is a 500, the token is revoked once', async () => {
    const created = await app.inject({
      method: 'POST',
      url: `/api/v1/hospices/${hospiceId}/tokens`,
      headers,
      payload: { label: 'Koppeling' },
    });
    expect(created.statusCode).toBe(201);
    const tokenId = created.json().id as string;
    const url = `/api/v1/hospices/${hospiceId}/tokens/${tokenId}`;
    const before = await auditCount(`/tokens/${tokenId}`);
    const results = await Promise.all(
      [1, 2].map(() => app.inject({ method: 'DELETE', url, headers })),
    );
    for (const res of results) {
      expect(res.statusCode).toBeLessThan(500);
    }
    expect(results.some((r) => r.statusCode === 200)).toBe(true);
    const tokens = (
      await app.inject({ url: `/api/v1/hospices/${hospiceId}/tokens`, headers })
    ).json().items as Array<{ id: string; revokedAt: string | null }>;
    expect(tokens.find((t) => t.id === tokenId)!.revokedAt).not.toBeNull();
    expect(await auditCount(`/tokens/${tokenId}`)).toBe(before + 1);
  });
});
