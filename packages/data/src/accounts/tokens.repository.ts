import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { TokenSummary } from '@palliamonitor/contracts';
import type { Database } from '../store/schema';
import { AppError } from '../errors';
import { hashSecret, newSecret } from './secrets';
import { withAudit, type AuditContext } from './audit.repository';
import { refusePersonalData } from '../free-text';

// API tokens for hospice systems that push data. The token is shown once (`pm_<id>_<secret>`);
// only its hash is stored. Each token is scoped to one hospice and can be revoked.

export async function createApiToken(
  db: Kysely<Database>,
  input: { hospiceId: string; label: string; actor: string },
  now: Date,
  audit?: AuditContext,
): Promise<{ token: string; summary: TokenSummary }> {
  refusePersonalData([['label', input.label]], now);
  return withAudit(db, audit, now, async (trx) => {
    const hospice = await trx
      .selectFrom('hospice')
      .select('id')
      .where('id', '=', input.hospiceId)
      .executeTakeFirst();
    if (!hospice) {
      throw new AppError('NOT_FOUND', `hospice ${input.hospiceId} does not exist`, [
        { field: 'hospice', message: `unknown hospice ${input.hospiceId}` },
      ]);
    }
    const id = randomBytes(6).toString('hex');
    const token = `pm_${id}_${newSecret()}`;
    await trx
      .insertInto('api_token')
      .values({
        id,
        token_hash: hashSecret(token),
        hospice_id: input.hospiceId,
        label: input.label,
        created_at: now.toISOString(),
        created_by: input.actor,
      })
      .execute();
    const summary: TokenSummary = {
      id,
      hospiceId: input.hospiceId,
      label: input.label,
      createdAt: now.toISOString(),
      createdBy: input.actor,
      revokedAt: null,
      lastUsedAt: null,
    };
    // The entry holds the summary only: the token itself is shown once and never stored.
    return { result: { token, summary }, before: null, after: summary };
  });
}

const lastRecorded = new Map<string, number>();

/**
 * How long a verified token is believed without asking the store again. A hospice system pushes
 * many updates a second; reading the token for each of them cost more than storing the update.
 * A revocation in this process takes effect at once (revokeApiToken forgets the token); one made
 * by another process on the same database (a second instance, the CLI) within this time.
 */
export const TOKEN_CACHE_MS = 1_000;

interface VerifiedToken {
  tokenId: string;
  hospiceId: string;
  /** performance.now() until which the verification holds. */
  until: number;
}

/** Per store, keyed by the token's hash: the token itself is never kept. */
const verified = new WeakMap<Kysely<Database>, Map<string, VerifiedToken>>();

function verifiedTokens(db: Kysely<Database>): Map<string, VerifiedToken> {
  let tokens = verified.get(db);
  if (!tokens) {
    tokens = new Map();
    verified.set(db, tokens);
  }
  return tokens;
}

/** Tokens revoked by this process: a verification that read the row just before is not believed. */
const revokedHere = new Set<string>();

/** Forgets a revoked token in this process, so its revocation holds here at once. */
function forgetToken(db: Kysely<Database>, tokenId: string): void {
  if (revokedHere.size > 10_000) {
    revokedHere.clear();
  }
  revokedHere.add(tokenId);
  const tokens = verified.get(db);
  for (const [hash, token] of tokens ?? []) {
    if (token.tokenId === tokenId) {
      tokens!.delete(hash);
    }
  }
}

/** The hospice a valid, unrevoked token may act for; records its last use (to the minute). */
export async function verifyApiToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ tokenId: string; hospiceId: string } | undefined> {
  if (!/^pm_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/.test(token)) {
    return undefined;
  }
  const hash = hashSecret(token);
  const tokens = verifiedTokens(db);
  const known = tokens.get(hash);
  if (known && performance.now() < known.until) {
    await recordUse(db, known.tokenId, now);
    return { tokenId: known.tokenId, hospiceId: known.hospiceId };
  }
  const row = await db
    .selectFrom('api_token')
    .select(['id', 'hospice_id', 'revoked_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || revokedHere.has(row.id)) {
    tokens.delete(hash);
    return undefined;
  }
  if (tokens.size > 10_000) {
    tokens.clear(); // many distinct tokens must not exhaust memory
  }
  tokens.set(hash, {
    tokenId: row.id,
    hospiceId: row.hospice_id,
    until: performance.now() + TOKEN_CACHE_MS,
  });
  await recordUse(db, row.id, now);
  return { tokenId: row.id, hospiceId: row.hospice_id };
}

/** Last use to the minute: a hospice system pushing every few seconds need not write each time. */
async function recordUse(db: Kysely<Database>, tokenId: string, now: Date): Promise<void> {
  const last = lastRecorded.get(tokenId);
  if (last === undefined || now.getTime() - last >= 60_000) {
    await db
      .updateTable('api_token')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', tokenId)
      .execute();
    lastRecorded.set(tokenId, now.getTime());
  }
}

export async function revokeApiToken(
  db: Kysely<Database>,
  id: string,
  now: Date,
  audit?: AuditContext,
): Promise<TokenSummary> {
  const summary = await withAudit(db, audit, now, async (trx) => {
    const before = await tokenSummaries(trx).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) {
      throw new AppError('NOT_FOUND', `token ${id} does not exist`);
    }
    if (before.revoked_at !== null) {
      // Revoking twice changes nothing: the same answer, and no second entry.
      return { result: toSummary(before), before: toSummary(before), after: undefined };
    }
    await trx
      .updateTable('api_token')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = (await findApiToken(trx, id))!;
    return { result: after, before: toSummary(before), after };
  });
  forgetToken(db, id);
  return summary;
}

export async function findApiToken(
  db: Kysely<Database> | Transaction<Database>,
  id: string,
): Promise<TokenSummary | undefined> {
  const row = await tokenSummaries(db).where('id', '=', id).executeTakeFirst();
  return row && toSummary(row);
}

export async function listApiTokens(
  db: Kysely<Database>,
  hospiceId: string,
): Promise<TokenSummary[]> {
  const rows = await tokenSummaries(db)
    .where('hospice_id', '=', hospiceId)
    .orderBy('created_at')
    .execute();
  return rows.map(toSummary);
}

const SUMMARY_COLUMNS = [
  'id',
  'hospice_id',
  'label',
  'created_at',
  'created_by',
  'revoked_at',
  'last_used_at',
] as const satisfies readonly (keyof Database['api_token'])[];

/** Tokens with what may be shown of them: every column but the hash, which never leaves the store. */
function tokenSummaries(db: Kysely<Database> | Transaction<Database>) {
  return db.selectFrom('api_token').select(SUMMARY_COLUMNS);
}

function toSummary(row: Omit<Database['api_token'], 'token_hash'>): TokenSummary {
  return {
    id: row.id,
    hospiceId: row.hospice_id,
    label: row.label,
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
