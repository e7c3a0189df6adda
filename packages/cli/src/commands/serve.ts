import { readConfig, startServer } from '@palliamonitor/server';
import { parseOptions, requireNumber, type Io } from '../usage';
import { openStoreFromEnv } from '../store-from-env';

export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'seed-if-empty': { type: 'boolean' },
  });
  const config = readConfig(io.env);
  const port =
    values.port === undefined
      ? config.port
      : requireNumber(
          values.port,
          'port',
          (n) => Number.isInteger(n) && n >= 0 && n < 65536,
          'a port number 0–65535',
        );
  const { store, description } = await openStoreFromEnv(io);
  const server = await startServer(store, {
    port,
    host: values.host ?? config.host,
    config,
    seedIfEmpty: values['seed-if-empty'] ?? false,
    log: io.out,
  });
  io.out(`Palliamonitor runs at ${server.url} (${description})`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
