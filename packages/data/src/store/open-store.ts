import { openPgliteStore } from './pglite-store';
import { openPostgresStore } from './postgres-store';
import { migrateToLatest } from './migrate';
import type { Store, StoreConfig } from './store';

/** Opens the store and brings its schema to the latest migration. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const store = config.databaseUrl
    ? await openPostgresStore(config.databaseUrl)
    : await openPgliteStore(config.dataDir);
  try {
    await migrateToLatest(store.db);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
