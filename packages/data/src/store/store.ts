import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

// The store's interface and settings; the implementations import this file, and open-store.ts picks
// one of them, so no implementation and its interface import each other.

export interface Store {
  /** 'embedded' is PGlite in DATA_DIR; 'postgres' a PostgreSQL server from DATABASE_URL. */
  readonly kind: 'embedded' | 'postgres';
  readonly db: Kysely<Database>;
  /** Folder of the embedded store (undefined for PostgreSQL and in-memory stores). */
  readonly dataDir?: string | undefined;
  /** Send a notification to every listener of the channel, in every process sharing the store. */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * The name the database gives `channel`, when notifications go through the database
   * (PostgreSQL): a write may then notify in its own transaction with pg_notify, so that
   * listeners hear of it as it commits. Absent on the embedded store.
   */
  databaseChannel?(channel: string): Promise<string>;
  /** Returns a function that stops listening. */
  listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface StoreConfig {
  /** PostgreSQL connection string; when set, the embedded store is not used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded store. */
  dataDir?: string | undefined;
}

/** Store settings from the environment: DATABASE_URL wins; otherwise DATA_DIR or ./data. */
export function storeConfigFromEnv(env: Readonly<Record<string, string | undefined>>): StoreConfig {
  const databaseUrl = env['DATABASE_URL']?.trim();
  if (databaseUrl) {
    return { databaseUrl };
  }
  return { dataDir: path.resolve(env['DATA_DIR']?.trim() || 'data') };
}

export function describeStore(config: StoreConfig): string {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  }
  return `embedded store in ${config.dataDir ?? '(memory)'}`;
}
