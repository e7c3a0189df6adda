import { announceStoreUrl, seedDemoData, type Store } from '@palliamonitor/data';
import { buildApp } from './app';
import { readConfig, type Config } from './config';
import { mailTransportOf } from './mail';
import { runReminders, startReminderJob } from './reminders/reminder-job';

export interface ServeOptions {
  port: number;
  host: string;
  /** Seed the demo data when the store has no facilities yet (first start). */
  seedIfEmpty: boolean;
  log: (line: string) => void;
  /** The configuration; default: read from the environment (config.ts). */
  config?: Config;
}

/** Builds the app, seeds the demo on an empty store when asked, and listens. */
export async function startServer(
  store: Store,
  options: ServeOptions,
): Promise<{ url: string; close: () => Promise<void> }> {
  if (options.seedIfEmpty) {
    const any = await store.db.selectFrom('hospice').select('id').limit(1).executeTakeFirst();
    if (!any) {
      options.log(await seedDemoData(store, new Date()));
    }
  }
  const config = options.config ?? readConfig();
  const mail = mailTransportOf(config, options.log);
  const app = await buildApp(store, {
    logger: { level: config.logLevel },
    config,
    mail,
    scheduleReports: true,
  });
  const address = await app.listen({ port: options.port, host: options.host });
  const port = new URL(address).port;
  const url = `http://localhost:${port}`;
  const reminders =
    config.reminderIntervalMinutes === 0
      ? undefined
      : startReminderJob(
          () =>
            runReminders(
              store,
              mail,
              { freshnessHours: config.freshnessHours, publicUrl: config.publicUrl ?? url },
              new Date(),
            ),
          config.reminderIntervalMinutes,
          (error) => app.log.error({ err: error }, 'reminder run failed'),
        );
  if (store.dataDir !== undefined) {
    announceStoreUrl(store.dataDir, url);
  }
  return {
    url,
    close: async () => {
      await reminders?.stop();
      await app.close();
      await store.close();
    },
  };
}
