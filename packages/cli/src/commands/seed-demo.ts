import { seedDemoData } from '@palliamonitor/data';
import { parseOptions, type Io } from '../usage';
import { openStoreFromEnv } from '../store-from-env';

export async function seedDemoCommand(args: string[], io: Io): Promise<number> {
  parseOptions(args, {});
  const { store } = await openStoreFromEnv(io);
  try {
    const summary = await seedDemoData(store, new Date());
    io.out(summary);
  } finally {
    await store.close();
  }
  return 0;
}
