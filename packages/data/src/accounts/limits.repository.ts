import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { hashSecret } from './secrets';

// Shared counters for sign-in slow-downs, password-reset limits and token rates (table
// auth_limit). Every server process on the store counts in the same rows, so two instances behind a
// load balancer give an attacker no more attempts than one.

export interface LimitCount {
  hits: number;
  /** When the current window started (ms). */
  firstMs: number;
  /** The latest hit (ms). */
  lastMs: number;
}

/** The stored key of a counter: what it counts is hashed (addresses and e-mails stay out). */
export function limitKey(kind: string, value: string): string {
  return `${kind}:${hashSecret(value.trim().toLowerCase()).slice(0, 32)}`;
}

/** The counters for these keys (missing ones are absent from the map). */
export async function readLimits(
  db: Kysely<Database>,
  keys: string[],
): Promise<Map<string, LimitCount>> {
  if (keys.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('auth_limit')
    .select(['key', 'hits', 'first_ms', 'last_ms'])
    .where('key', 'in', keys)
    .execute();
  return new Map(
    rows.map((r) => [r.key, { hits: r.hits, firstMs: r.first_ms, lastMs: r.last_ms }]),
  );
}

/**
 * Counts one failure for each key: the count starts afresh when the previous failure is more than
 * `idleMs` ago (a sliding window, as a slow-down forgets a quiet key).
 */
export async function recordFailures(
  db: Kysely<Database>,
  keys: string[],
  nowMs: number,
  idleMs: number,
): Promise<void> {
  for (const key of keys) {
    await sql`
      insert into auth_limit (key, hits, first_ms, last_ms) values (${key}, 1, ${nowMs}, ${nowMs})
      on conflict (key) do update set
        hits = case when auth_limit.last_ms < ${nowMs - idleMs} then 1 else auth_limit.hits + 1 end,
        first_ms = case when auth_limit.last_ms < ${nowMs - idleMs} then ${nowMs} else auth_limit.first_ms end,
        last_ms = ${nowMs}`.execute(db);
  }
  await pruneNow(db, nowMs);
}

/** Forgets these counters (a successful sign-in). */
export async function clearLimits(db: Kysely<Database>, keys: string[]): Promise<void> {
  if (keys.length > 0) {
    await db.deleteFrom('auth_limit').where('key', 'in', keys).execute();
  }
}

/**
 * Adds `amount` hits to a fixed window of `windowMs` (a new window starts when the current one is
 * over) and returns the window's total after this addition: the caller compares it with its limit.
 */
export async function addToWindow(
  db: Kysely<Database>,
  key: string,
  amount: number,
  nowMs: number,
  windowMs: number,
): Promise<LimitCount> {
  const { rows } = await sql<{ hits: number; first_ms: number; last_ms: number }>`
    insert into auth_limit (key, hits, first_ms, last_ms) values (${key}, ${amount}, ${nowMs}, ${nowMs})
    on conflict (key) do update set
      hits = case when auth_limit.first_ms <= ${nowMs - windowMs} then ${amount} else auth_limit.hits + ${amount} end,
      first_ms = case when auth_limit.first_ms <= ${nowMs - windowMs} then ${nowMs} else auth_limit.first_ms end,
      last_ms = ${nowMs}
    returning hits, first_ms, last_ms`.execute(db);
  const row = rows[0]!;
  await pruneNow(db, nowMs);
  return { hits: row.hits, firstMs: row.first_ms, lastMs: row.last_ms };
}

/** Counters untouched for a day are over whatever their window was; about one write in 200 tidies. */
const KEEP_MS = 86_400_000;
async function pruneNow(db: Kysely<Database>, nowMs: number): Promise<void> {
  if (Math.random() < 0.005) {
    await db
      .deleteFrom('auth_limit')
      .where('last_ms', '<', nowMs - KEEP_MS)
      .execute();
  }
}
