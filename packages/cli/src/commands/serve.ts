import { startServer } from '@palliamonitor/server';
import { parseOptions, requireNumber, type Io } from '../usage';
import { openStoreFromEnv } from '../store-from-env';

export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'seed-if-empty': { type: 'boolean' },
  });
  const portText = values.port ?? io.env['PORT'] ?? '8080';
  const port = requireNumber(
    portText,
    'port',
    (n) => Number.isInteger(n) && n >= 0 && n < 65536,
    'a port number 0–65535',
  );
  const { store, description } = await openStoreFromEnv(io);
  const server = await startServer(store, {
    port,
    host: values.host ?? io.env['HOST'] ?? '0.0.0.0',
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
