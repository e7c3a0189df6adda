import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openPgliteStore } from '../src/store/pglite-store';
import { openPostgresStore } from '../src/store/postgres-store';
import { migrateToLatest } from '../src/store/migrate';
import { ensureReferenceData } from '../src/registry/reference-data';
import { createHospice } from '../src/registry/hospices.repository';
import type { Store } from '../src/store/store';

/**
 * The store the integration tests run on: PostgreSQL in a schema of its own when
 * TEST_DATABASE_URL is set, otherwise an in-memory embedded store. Both are migrated and carry the
 * reference data (division, places, population). `close()` drops the schema again. The embedded
 * store is a copy of the one the global set-up prepared, when there is one.
 */
export async function openTestStore(
  options: { reference?: boolean; maxConnections?: number } = {},
): Promise<Store> {
  const url = process.env['TEST_DATABASE_URL'];
  let store: Store;
  if (url) {
    const schema = await createSchema(url, 't');
    const inner = await openPostgresStore(url, {
      schema,
      maxConnections: options.maxConnections ?? 4,
    });
    store = {
      ...inner,
      async close() {
        await inner.close();
        await dropSchema(url, schema);
      },
    };
  } else {
    const image = storeImage(options.reference ?? true);
    if (image) {
      // A copy of the store the global set-up migrated and filled: nothing left to apply.
      return openPgliteStore(undefined, { loadDataDir: image });
    }
    store = await openPgliteStore(undefined);
  }
  await migrateToLatest(store.db);
  if (options.reference ?? true) {
    await ensureReferenceData(store.db);
  }
  return store;
}

const images = new Map<boolean, Blob>();

/** The global set-up's dump (global-setup.ts) with or without the reference data, if there is one. */
function storeImage(reference: boolean): Blob | undefined {
  const cached = images.get(reference);
  if (cached) {
    return cached;
  }
  const paths = inject('testStoreImages');
  if (!paths) {
    return undefined;
  }
  const image = new Blob([readFileSync(reference ? paths.reference : paths.migrated)]);
  images.set(reference, image);
  return image;
}

export const storeName = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'embedded store';

/** A hospice in Utrecht (GM0344, ZK23), open since 2020, registered at `now`: its id. */
export async function createUtrechtHospice(
  store: Store,
  name: string,
  licensedBeds: number,
  now: Date,
): Promise<string> {
  const hospice = await createHospice(
    store.db,
    {
      name,
      place: 'Utrecht',
      gemeenteCode: 'GM0344',
      type: 'bth',
      licensedBeds,
      openedOn: '2020-01-01',
    },
    { actor: 'test', now },
  );
  return hospice.id;
}

async function adminQuery(url: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** A fresh schema in the test database, so test files can run side by side. */
export async function createSchema(url: string, prefix: string): Promise<string> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  return schema;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  await adminQuery(url, `drop schema ${schema} cascade`);
}

/**
 * The environment for a palliamonitor process under test (CLI or server): a fresh schema on
 * TEST_DATABASE_URL (named through the connection's search_path), or else a fresh DATA_DIR.
 */
export async function processStoreEnv(
  prefix: string,
): Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }> {
  const url = process.env['TEST_DATABASE_URL'];
  if (url) {
    const schema = await createSchema(url, prefix);
    const withSchema = new URL(url);
    withSchema.searchParams.set('options', `-c search_path=${schema}`);
    return { env: { DATABASE_URL: withSchema.toString() }, cleanup: () => dropSchema(url, schema) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), `palliamonitor-${prefix}-`));
  return {
    env: { DATA_DIR: path.join(dir, 'store') },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
