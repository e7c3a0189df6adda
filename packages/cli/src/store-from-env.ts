import {
  describeStore,
  ensureReferenceData,
  openStore,
  storeConfigFromEnv,
  type Store,
} from '@palliamonitor/data';
import type { Io } from './usage';

/** Opens the store named by the environment, migrated and with the reference data loaded. */
export async function openStoreFromEnv(io: Io): Promise<{ store: Store; description: string }> {
  const config = storeConfigFromEnv(io.env);
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
