import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPgliteStore } from '../src/pglite-store';
import { openPostgresStore } from '../src/postgres-store';
import { migrateToLatest } from '../src/migrate';
import { ensureReferenceData } from '../src/reference-data';
import type { Store } from '../src/store';

/**
 * The store the integration tests run on: PostgreSQL in a schema of its own when
 * TEST_DATABASE_URL is set, otherwise an in-memory embedded store. Both are migrated and carry the
 * reference data (division, places, population). `close()` drops the schema again.
 */
export async function openTestStore(options: { reference?: boolean } = {}): Promise<Store> {
  const url = process.env['TEST_DATABASE_URL'];
  let store: Store;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const inner = await openPostgresStore(url, { schema, maxConnections: 4 });
    store = {
      ...inner,
      async close() {
        await inner.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop schema ${schema} cascade`);
        await cleanup.end();
      },
    };
  } else {
    store = await openPgliteStore(undefined);
  }
  await migrateToLatest(store.db);
  if (options.reference ?? true) {
    await ensureReferenceData(store.db);
  }
  return store;
}

export const storeName = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'embedded store';
