import {
  Migrator,
  sql,
  type DatabaseIntrospector,
  type Kysely,
  type MigrationResult,
  type TableMetadata,
} from 'kysely';
import { migrations } from './migrations/index';

/** Applies every pending migration; throws with the failing migration's name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database type may be migrated
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResult[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which; with several
  // schemas in one database (tests, side-by-side installs) it must be the current one.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema ?? 'public';
  const migrator = new Migrator({
    db: withSchemaIntrospection(db, schema),
    migrationTableSchema: schema,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${String((error as Error).message ?? error)}`);
  }
  return results ?? [];
}

/**
 * The migrator asks the introspector only whether its schema and its two bookkeeping tables
 * exist. Kysely's own PostgreSQL introspector answers by reading every column of every table in
 * the database and calling pg_get_serial_sequence on each: that waits for a lock on, and then
 * fails on, a table another installation is dropping at that moment ("column … of relation …
 * does not exist"). This one looks at the catalogue rows of the one schema only, and opens no
 * table.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
function withSchemaIntrospection(db: Kysely<any>, schema: string): Kysely<any> {
  const introspection: DatabaseIntrospector = {
    async getSchemas() {
      const found = await sql<{ name: string }>`
        select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
      return found.rows;
    },
    async getTables() {
      const found = await sql<{ name: string; kind: string }>`
        select c.relname as name, c.relkind as kind
        from pg_catalog.pg_class c
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm')`.execute(db);
      return found.rows.map((row): TableMetadata => ({
        name: row.name,
        schema,
        isView: row.kind === 'v' || row.kind === 'm',
        columns: [],
      }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
  // Everything else is the caller's Kysely instance itself (its methods bound to it, since they
  // use private fields).
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') {
        return introspection;
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
