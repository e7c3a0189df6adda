import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createRng, type Rng } from '@palliamonitor/model';
import { seedDemoRegistry, type Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { makeActors, type Actor } from './security-fixtures';

// Thousands of malformed requests at every write route of the OpenAPI document, with a fixed seed:
// no 5xx, no crash, and nothing stored. Half are anonymous, half come from an administrator, so
// that validation (not only authorization) is exercised.

const COUNT = Number(process.env['FUZZ_COUNT'] ?? 3000);
const now = new Date('2026-06-01T12:00:00Z');
let store: Store;
let app: App;
let actors: Record<string, Actor>;
let hospiceId: string;

beforeAll(async () => {
  store = await openTestStore();
  await seedDemoRegistry(store.db, now);
  app = await buildApp(store, { now: () => now });
  hospiceId = (await app.inject('/api/v1/hospices?region=ZK23&limit=1')).json().items[0].id;
  actors = await makeActors(app, store, hospiceId, now);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const NASTY = [
  "' OR 1=1 --",
  "'; drop table hospice; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000',
  '{{7*7}}',
  '${jndi:ldap://x}',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ 🏥',
  '-1',
  '1e309',
  'NaN',
  'null',
  '',
  ' ',
];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)]!;
}

function randomValue(rng: Rng, depth = 0): unknown {
  const r = rng.next();
  if (r < 0.15) {
    return pick(rng, NASTY);
  }
  if (r < 0.25) {
    return 'x'.repeat(Math.floor(rng.next() * 200_000));
  }
  if (r < 0.4) {
    return pick(rng, [-1, -1e9, 1e308, 0.5, 2 ** 53 + 1, -0, 3.14159]);
  }
  if (r < 0.5) {
    return pick(rng, [true, false, null]);
  }
  if (r < 0.65 && depth < 3) {
    return Array.from({ length: Math.floor(rng.next() * 5) }, () => randomValue(rng, depth + 1));
  }
  if (depth < 3) {
    return randomObject(rng, depth + 1, []);
  }
  return pick(rng, NASTY);
}

function randomObject(rng: Rng, depth: number, knownFields: string[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const n = Math.floor(rng.next() * 6);
  for (let i = 0; i < n; i++) {
    const key =
      knownFields.length > 0 && rng.next() < 0.7
        ? pick(rng, knownFields)
        : pick(rng, [...NASTY, '__proto__', 'constructor', 'bsn', 'naam']);
    object[key] = randomValue(rng, depth);
  }
  return object;
}

/** A body that the route's schema must refuse: wrong JSON, wrong types, or unknown fields. */
function malformedBody(rng: Rng, fields: string[]): { payload: string; contentType: string } {
  const r = rng.next();
  if (r < 0.15) {
    return {
      payload: pick(rng, ['{', '{"a":', '[1,2', 'nul', '{"a":1}}', '\u0000']),
      contentType: 'application/json',
    };
  }
  if (r < 0.25) {
    return {
      payload: JSON.stringify(randomValue(rng)),
      contentType: pick(rng, [
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
      ]),
    };
  }
  const body = randomObject(rng, 0, fields);
  // Guarantee it is invalid: an unknown field always fails (additionalProperties: false).
  body[`onbekend_${Math.floor(rng.next() * 1000)}`] = randomValue(rng, 2);
  return { payload: JSON.stringify(body), contentType: 'application/json' };
}

async function tableCounts(): Promise<Record<string, number>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely%'`.execute(
    store.db,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    if (table_name === 'user_session') {
      continue; // sign-in attempts may create sessions; not data
    }
    const result = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table_name)}`.execute(store.db);
    counts[table_name] = Number(result.rows[0]!.n);
  }
  return counts;
}

describe(`fuzzing every write route (${storeName})`, () => {
  it(`${COUNT} malformed requests: no 5xx, nothing stored`, async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content?: Record<string, { schema?: { properties?: Record<string, unknown> } }>;
            };
          }
        >
      >;
    };
    const writes: Array<{ method: string; path: string; fields: string[]; hasBody: boolean }> = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        // Signing out takes no input and always succeeds: nothing to fuzz.
        if (
          ['post', 'put', 'patch', 'delete'].includes(method) &&
          path !== '/api/v1/auth/sign-out'
        ) {
          const schema = operation.requestBody?.content?.['application/json']?.schema;
          writes.push({
            method: method.toUpperCase(),
            path,
            fields: Object.keys(schema?.properties ?? {}),
            hasBody: operation.requestBody !== undefined,
          });
        }
      }
    }
    expect(writes.length).toBeGreaterThan(8);
    const before = await tableCounts();
    const rng = createRng({ seed: 20261122 });
    const statuses = new Map<number, number>();
    const serverErrors: string[] = [];
    const accepted: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const route = pick(rng, writes);
      const asAdmin = rng.next() < 0.5;
      // Path parameters: a real id, or traversal and injection strings.
      const url = route.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === 'id' && rng.next() < 0.5 ? hospiceId : encodeURIComponent(pick(rng, NASTY) || 'x'),
      );
      const body = route.hasBody || rng.next() < 0.5 ? malformedBody(rng, route.fields) : undefined;
      const malformedPath = url !== route.path.replace('{id}', hospiceId);
      if (!body && !malformedPath && asAdmin) {
        continue; // a bodiless write on a real resource would be a valid request, not a malformed one
      }
      const res = await app.inject({
        method: route.method as 'POST',
        url,
        headers: {
          ...(asAdmin ? actors['administrator']!.headers : {}),
          ...(body ? { 'content-type': body.contentType } : {}),
        },
        ...(body ? { payload: body.payload } : {}),
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) {
        serverErrors.push(
          `${route.method} ${url.slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
        );
      }
      if (res.statusCode < 300) {
        accepted.push(`${route.method} ${url.slice(0, 80)} → ${res.statusCode}`);
      }
      if (res.statusCode >= 400) {
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
    expect(serverErrors).toEqual([]);
    expect(accepted).toEqual([]);
    expect(await tableCounts()).toEqual(before);
    expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
  }, 600_000);
});
