import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import {
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from 'kysely';
import type { Database } from './schema';
import type { Store } from './store';
import { acquireStoreLock, releaseStoreLock } from './store-lock';
import { typeParsers } from './type-parsers';
import { StatementCache } from './pglite-statements';
import { assertNoOpenTransaction, guardedKysely } from './transaction-guard';

/**
 * The embedded store: PostgreSQL compiled to WebAssembly, persisted in `dataDir` (or in memory when
 * `dataDir` is undefined, for tests). PGlite is one session, so the pool below hands out that one
 * session to one caller at a time; Kysely's transactions then never interleave.
 * Durability: `relaxedDurability` stays off, so every statement's writes reach the file system
 * before the promise resolves, and an acknowledged write survives a killed process.
 */
export async function openPgliteStore(
  dataDir: string | undefined,
  options: {
    /** A data folder dumped by `dumpDataDir()`: the store starts as a copy of it, without initdb. */
    loadDataDir?: Blob;
  } = {},
): Promise<Store> {
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    acquireStoreLock(dataDir);
  }
  const pglite = new PGlite({
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    parsers: typeParsers,
    relaxedDurability: false,
    startParams: [...PGlite.defaultStartParams, ...BUFFER_SETTINGS],
  });
  try {
    await pglite.waitReady;
  } catch (error) {
    if (dataDir !== undefined) {
      releaseStoreLock(dataDir);
    }
    throw error;
  }

  const pool = new SingleSessionPool(pglite);
  const db = guardedKysely<Database>(new PostgresDialect({ pool }));
  const listeners = new Map<string, Set<(payload: string) => void>>();
  const store: Store = {
    kind: 'embedded',
    db,
    async notify(channel, payload) {
      // Listeners read the store: before the commit they would not see the change.
      assertNoOpenTransaction('a notification');
      // One process owns the embedded store, so a notification only needs to reach this process.
      for (const listener of listeners.get(channel) ?? []) {
        listener(payload);
      }
    },
    async listen(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return async () => {
        set.delete(listener);
      };
    },
    dataDir,
    async close() {
      await db.destroy();
      if (dataDir !== undefined) {
        releaseStoreLock(dataDir);
      }
    },
  };
  sessions.set(store, pglite);
  return store;
}

/** The PGlite session behind each open embedded store, for `dumpPgliteStore`. */
const sessions = new WeakMap<Store, PGlite>();

/**
 * The whole data folder of an open embedded store as an uncompressed tarball, for
 * `openPgliteStore(…, { loadDataDir })`: a copy that starts without initdb and migrations.
 */
export async function dumpPgliteStore(store: Store): Promise<Blob> {
  const pglite = sessions.get(store);
  if (!pglite) {
    throw new Error('not an open embedded store');
  }
  assertNoOpenTransaction('a dump of the store');
  return pglite.dumpDataDir('none');
}

/**
 * PostgreSQL's default buffer pool is 128 MB, and PGlite writes all of it before the first
 * statement, so every process that opens the store would be resident for it whether it reads
 * much or not. The store's files are cached by the operating system as well, so a smaller pool
 * costs a read from that cache, not from disk. The WAL buffers stay at the 4 MB the default pool
 * gave them, so a write's log is flushed as before.
 */
const BUFFER_SETTINGS = ['-c', 'shared_buffers=32MB', '-c', 'wal_buffers=4MB'];

class SingleSessionPool implements PostgresPool {
  #queue: Array<() => void> = [];
  #busy = false;
  #closed = false;

  readonly #statements: StatementCache;

  constructor(private readonly pglite: PGlite) {
    this.#statements = new StatementCache(pglite);
  }

  async connect() {
    if (this.#busy) {
      await new Promise<void>((resolve) => this.#queue.push(resolve));
    }
    this.#busy = true;
    let released = false;
    const client = {
      query: async <R>(sql: string, parameters: ReadonlyArray<unknown>) => {
        const result = await this.#statements.query<R>(sql, parameters);
        return {
          // Kysely reads the command only to report affected rows of writes.
          command: firstKeyword(sql) as PostgresQueryResult<R>['command'],
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release: () => {
        if (released) {
          return;
        }
        released = true;
        const next = this.#queue.shift();
        if (next) {
          next();
        } else {
          this.#busy = false;
        }
      },
    };
    // Cursors (streaming) are not used with the embedded store.
    return client as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      await this.pglite.close();
    }
  }
}

function firstKeyword(sql: string): string {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql);
  return (match?.[1] ?? '').toUpperCase();
}
