import pg from 'pg';
import { PostgresDialect } from 'kysely';
import type { Database } from './schema';
import type { Store } from './store';
import { typeParsers } from './type-parsers';
import { assertNoOpenTransaction, guardedKysely } from './transaction-guard';

/**
 * A PostgreSQL server as the store. `schema`, when given, becomes the search_path of every
 * connection; the tests use it to give each test file a schema of its own in one database.
 * Notifications use LISTEN/NOTIFY on one dedicated connection, so several server processes on one
 * database see each other's changes.
 */
export async function openPostgresStore(
  connectionString: string,
  options: { schema?: string; maxConnections?: number } = {},
): Promise<Store> {
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      typeParsers[oid] ??
      (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format),
  } as pg.CustomTypesConfig;
  const searchPath = options.schema ? { options: `-c search_path=${options.schema}` } : {};
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    types,
    ...searchPath,
  });
  // A dropped connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => undefined);
  const db = guardedKysely<Database>(new PostgresDialect({ pool }));

  // LISTEN/NOTIFY channels are database-wide; installations (or test files) in separate schemas
  // of one database must not hear each other, so every channel is named after the schema.
  let schemaName: Promise<string> | undefined;
  const scoped = async (channel: string): Promise<string> => {
    schemaName ??= pool
      .query<{ schema: string }>('select current_schema() as schema')
      .then((r) => r.rows[0]?.schema ?? 'public');
    return `${await schemaName}.${channel}`;
  };

  let listenClient: pg.Client | undefined;
  const listeners = new Map<string, Set<(payload: string) => void>>();
  const ensureListenClient = async (): Promise<pg.Client> => {
    if (listenClient) {
      return listenClient;
    }
    const client = new pg.Client({ connectionString, types, ...searchPath });
    client.on('error', () => undefined);
    await client.connect();
    client.on('notification', (message) => {
      for (const listener of listeners.get(message.channel) ?? []) {
        listener(message.payload ?? '');
      }
    });
    listenClient = client;
    return client;
  };

  return {
    kind: 'postgres',
    db,
    async notify(channel, payload) {
      // A second connection, and listeners that would read before the commit.
      assertNoOpenTransaction('a notification');
      await pool.query('select pg_notify($1, $2)', [await scoped(channel), payload]);
    },
    databaseChannel: scoped,
    async listen(unscoped, listener) {
      const channel = await scoped(unscoped);
      const client = await ensureListenClient();
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      }
      set.add(listener);
      return async () => {
        set.delete(listener);
      };
    },
    async close() {
      await listenClient?.end().catch(() => undefined);
      await db.destroy();
    },
  };
}
