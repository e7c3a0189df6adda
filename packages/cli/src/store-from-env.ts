import { describeStore, ensureReferenceData, openStore, type Store } from '@palliamonitor/data';
import { readConfig } from '@palliamonitor/server';
import type { Io } from './usage';

/** Opens the store named by the environment, migrated and with the reference data loaded. */
export async function openStoreFromEnv(io: Io): Promise<{ store: Store; description: string }> {
  const config = readConfig(io.env).store;
  const description = describeStore(config);
  let store: Store;
  try {
    store = await openStore(config);
  } catch (error) {
    throw new Error(`cannot open the ${description}: ${(error as Error).message}`);
  }
  await ensureReferenceData(store.db);
  return { store, description };
}
