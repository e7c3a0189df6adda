import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../src/store/migrate';
import { openPostgresStore } from '../src/store/postgres-store';
import { createSchema, dropSchema, storeName } from './test-store';

// Several installations (or test files) keep their stores in schemas of one PostgreSQL database.
// Migrating one must not depend on the tables of another. The migrator used to introspect every
// table in the database, so a schema dropped by someone else while that query ran made the
// migration fail ("column … of relation … does not exist"). Here that moment is made certain:
// the other session drops its schema and holds the comments catalogue, which the old
// introspection read for every column, until the migration is seen waiting for it; only then is
// the drop committed.

const url = process.env['TEST_DATABASE_URL'];
const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) {
    await step();
  }
});

describe(`migrations beside other schemas (${storeName})`, () => {
  it.runIf(url)('run to the end while another schema is dropped', async () => {
    const victim = await createSchema(url!, 'victim');
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    cleanup.push(() => other.end());
    await other.query(`create table ${victim}.region_boundary (id serial primary key, name text)`);

    const schema = await createSchema(url!, 'm');
    const store = await openPostgresStore(url!, { schema, maxConnections: 1 });
    cleanup.push(async () => {
      await store.close();
      await dropSchema(url!, schema);
    });
    // One connection, so this is the session the migration runs in.
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db);
    const pid = rows[0]!.pid;

    const otherPid = (await other.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!
      .pid;
    await other.query('begin');
    await other.query(`drop schema ${victim} cascade`);
    await other.query('lock table pg_catalog.pg_description in access exclusive mode');
    const migrating = migrateToLatest(store.db).then(
      (results) => `applied ${results.length}`,
      (error: unknown) => `failed: ${String(error)}`,
    );
    const waiting = waitUntilBlockedBy(pid, otherPid);
    const outcome = await Promise.race([migrating, waiting.promise]);
    waiting.stop();
    await other.query('commit');
    const result = await migrating;
    expect(result).toMatch(/^applied [1-9]/);
    expect(outcome).toBe(result);
  });
});

/**
 * Resolves once session `pid` waits for a lock that session `blocker` holds (polled as fast as
 * answers come, no deadline). Only that session counts: migrations of other schemas in the same
 * database (other test files) take turns on the migrator's own lock, and waiting for one of them
 * is no sign of the defect.
 */
function waitUntilBlockedBy(
  pid: number,
  blocker: number,
): { promise: Promise<string>; stop: () => void } {
  let stopped = false;
  const promise = (async () => {
    const watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
    try {
      while (!stopped) {
        const { rows } = await watcher.query('select 1 where $2 = any(pg_blocking_pids($1))', [
          pid,
          blocker,
        ]);
        if (rows.length > 0) {
          return 'waited for the other session';
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      return 'stopped';
    } finally {
      await watcher.end();
    }
  })();
  return { promise, stop: () => (stopped = true) };
}
