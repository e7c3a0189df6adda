import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema';
import type { Hospice, HospiceCreate, HospicePatch } from '@palliamonitor/contracts';
import { AppError } from '../errors';
import { dutchDate } from '../dates';
import { appendAudit, type AuditContext } from '../accounts/audit.repository';
import {
  changedFields,
  checkValues,
  normaliseCreate,
  toColumns,
  toValues,
  type HospiceValues,
} from './hospice-values';
import {
  findHospice,
  formatEtag,
  getHospiceOrThrow,
  getLatestHospice,
  registryEtag,
  type RegistryEtag,
} from './hospice-reads';

// Writes of the registry: a facility is registered once and changed by appending versions.

type Db = Kysely<Database> | Transaction<Database>;

export interface WriteContext {
  /** Who makes the change (user id, token id, 'cli', 'demo-seed'). */
  actor: string;
  /** The clock, passed in so tests control "today". */
  now: Date;
  /**
   * For files with rows for several hospices: may the caller write for this one? Asked inside the
   * write's transaction, so it reads through `db` (that transaction, or the store when no
   * transaction is open), never through the store itself.
   */
  mayWrite?: (hospiceId: string, db: Db) => Promise<boolean>;
}

/** A version that starts on `validFrom` and is open-ended. */
async function insertVersion(
  trx: Transaction<Database>,
  id: string,
  validFrom: string,
  values: HospiceValues,
  ctx: WriteContext,
): Promise<void> {
  await trx
    .insertInto('hospice_version')
    .values({
      hospice_id: id,
      valid_from: validFrom,
      valid_to: null,
      recorded_at: ctx.now.toISOString(),
      recorded_by: ctx.actor,
      ...toColumns(values),
    })
    .execute();
}

export interface CreateOptions {
  id?: string;
  externalRef?: string;
  isSynthetic?: boolean;
}

/** What a registration takes: the facility, who registers it and when, and how it is marked. */
type CreateArgs = [input: HospiceCreate, ctx: WriteContext, options?: CreateOptions];

/** Registers a facility; throws an UNPROCESSABLE AppError listing every problem, storing nothing. */
export async function createHospice(
  db: Kysely<Database>,
  ...args: CreateArgs
): Promise<Hospice & { version: number }> {
  return db.transaction().execute((trx) => createHospiceIn(trx, ...args));
}

/** As createHospice, inside the caller's transaction (for all-or-nothing imports). */
export async function createHospiceIn(
  trx: Transaction<Database>,
  input: HospiceCreate,
  ctx: WriteContext,
  options: CreateOptions = {},
): Promise<Hospice & { version: number }> {
  const values = normaliseCreate(input);
  const effectiveFrom = input.effectiveFrom ?? values.openedOn ?? dutchDate(ctx.now);
  const issues = await checkValues(trx, values, effectiveFrom);
  if (issues.length > 0) {
    throw new AppError('UNPROCESSABLE', 'the hospice was not stored', issues);
  }
  const id = options.id ?? randomUUID();
  await trx
    .insertInto('hospice')
    .values({
      id,
      external_ref: options.externalRef ?? null,
      is_synthetic: options.isSynthetic ?? false,
      created_at: ctx.now.toISOString(),
    })
    .execute();
  await insertVersion(trx, id, effectiveFrom, values, ctx);
  return getHospiceOrThrow(trx, id, effectiveFrom);
}

/**
 * Changes a facility from `patch.effectiveFrom` (default today). History is append-only: the
 * version in force ends on that date and a new version starts. A change may not be dated before the
 * start of the latest version; correcting older history is a separate, audited operation.
 * `expected`, when given (If-Match), must be the registry state's current ETag (registryEtag).
 */
export async function patchHospice(
  db: Kysely<Database>,
  id: string,
  patch: HospicePatch,
  ctx: WriteContext,
  expected?: RegistryEtag,
  audit?: AuditContext,
): Promise<PatchResult> {
  return db.transaction().execute(async (trx) => {
    if (!audit) {
      return patchHospiceIn(trx, id, patch, ctx, expected);
    }
    // The entry is written in this transaction: a same-day correction overwrites its version in
    // place, and then the entry's "before" is the only trace of what the version said. The lock
    // comes first, so "before" is what this change actually replaced.
    await trx.selectFrom('hospice').select('id').where('id', '=', id).forUpdate().execute();
    const before = await findHospice(trx, id, dutchDate(ctx.now));
    const result = await patchHospiceIn(trx, id, patch, ctx, expected);
    const withoutVersion = ({ version: _version, ...rest }: Hospice & { version: number }) => rest;
    await appendAudit(trx, {
      ...audit,
      at: ctx.now.toISOString(),
      before: before ? withoutVersion(before) : null,
      after: withoutVersion(result.hospice),
    });
    return result;
  });
}

/** As patchHospice, inside the caller's transaction. */
export async function patchHospiceIn(
  trx: Transaction<Database>,
  id: string,
  patch: HospicePatch,
  ctx: WriteContext,
  expected?: RegistryEtag,
): Promise<PatchResult> {
  const effectiveFrom = patch.effectiveFrom ?? dutchDate(ctx.now);
  const result = await (async () => {
    // Lock the facility so two concurrent patches are applied one after the other.
    const exists = await trx
      .selectFrom('hospice')
      .select(['id', 'revision'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!exists) {
      throw new AppError('NOT_FOUND', `hospice ${id} does not exist`);
    }
    const latest = await trx
      .selectFrom('hospice_version')
      .innerJoin('hospice', 'hospice.id', 'hospice_version.hospice_id')
      .selectAll('hospice_version')
      .select('hospice.is_synthetic')
      .where('hospice_id', '=', id)
      .orderBy('valid_from', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const stale = () =>
      new AppError(
        'PRECONDITION_FAILED',
        `hospice ${id} changed since ${formatEtag(expected!)}; it is now ${formatEtag({ version: latest.id, revision: exists.revision })}`,
      );
    if (
      expected !== undefined &&
      (latest.id !== expected.version || exists.revision !== expected.revision)
    ) {
      throw stale();
    }
    const current = toValues(latest);
    const changes = changedFields(current, patch);
    if (Object.keys(changes).length === 0) {
      return { changed: false };
    }
    if (effectiveFrom < latest.valid_from) {
      throw new AppError('UNPROCESSABLE', 'the change is dated before the latest change', [
        {
          field: 'effectiveFrom',
          message: `must not be before ${latest.valid_from}, the start of the latest version`,
          code: 'registry.beforeLatestVersion',
          params: { date: latest.valid_from },
        },
      ]);
    }
    if (latest.valid_to !== null && effectiveFrom >= latest.valid_to) {
      throw new AppError('UNPROCESSABLE', 'the facility has ended', [
        {
          field: 'effectiveFrom',
          message: `the latest version ended on ${latest.valid_to}`,
          code: 'registry.facilityEnded',
          params: { date: latest.valid_to },
        },
      ]);
    }
    const next: HospiceValues = { ...current, ...changes };
    const issues = await checkValues(trx, next, effectiveFrom);
    if (issues.length > 0) {
      throw new AppError('UNPROCESSABLE', 'the change was not stored', issues);
    }
    // Every stored change raises the revision, also a correction in place that keeps the version
    // id. The row is locked, so the condition holds; it keeps the check and the raise one step.
    const raised = await trx
      .updateTable('hospice')
      .set({ revision: exists.revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', exists.revision)
      .executeTakeFirst();
    if (raised.numUpdatedRows !== 1n) {
      throw stale();
    }
    if (effectiveFrom === latest.valid_from) {
      // A second change on the day the latest version starts: a version of zero days cannot be
      // expressed as [valid_from, valid_to), so that version is corrected in place; the audit log
      // keeps what it said before.
      await trx
        .updateTable('hospice_version')
        .set({
          ...toColumns(next),
          recorded_at: ctx.now.toISOString(),
          recorded_by: ctx.actor,
        })
        .where('id', '=', latest.id)
        .execute();
    } else {
      await trx
        .updateTable('hospice_version')
        .set({ valid_to: effectiveFrom })
        .where('id', '=', latest.id)
        .execute();
      await insertVersion(trx, id, effectiveFrom, next, ctx);
    }
    return { changed: true };
  })();
  const asOf = result.changed ? effectiveFrom : dutchDate(ctx.now);
  const hospice = (await findHospice(trx, id, asOf)) ?? (await getLatestHospice(trx, id));
  return { hospice, changed: result.changed, etag: (await registryEtag(trx, id))! };
}

export interface PatchResult {
  hospice: Hospice & { version: number };
  changed: boolean;
  /** The registry state after the change (or unchanged), for the next If-Match. */
  etag: RegistryEtag;
}
