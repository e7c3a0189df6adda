import { parseOptions, type Io } from '../usage';
import { openStoreFromEnv } from '../store-from-env';

export async function migrateCommand(args: string[], io: Io): Promise<number> {
  parseOptions(args, {});
  // Opening the store applies every pending migration and loads the reference data.
  const { store, description } = await openStoreFromEnv(io);
  await store.close();
  io.out(`schema up to date (${description})`);
  return 0;
}
