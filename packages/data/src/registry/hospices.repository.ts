import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, HospiceType, HospiceVersionTable } from '../store/schema';
import type { Hospice, HospiceCreate, HospicePatch } from '@palliamonitor/contracts';
import { AppError, type Issue } from '../errors';
import { dutchDate } from '../dates';
import { openOn, validOn } from '../store/valid-on';
import { appendAudit, type AuditContext } from '../accounts/audit.repository';
import { screenFreeText } from '../free-text';

type Db = Kysely<Database> | Transaction<Database>;
type VersionRow = Selectable<HospiceVersionTable> & { is_synthetic: boolean };

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

const FIELD_TO_COLUMN = {
  name: 'name',
  streetAddress: 'street_address',
  postcode: 'postcode',
  place: 'place',
  gemeenteCode: 'gemeente_code',
  latitude: 'latitude',
  longitude: 'longitude',
  type: 'type',
  careModel: 'care_model',
  funding: 'funding',
  umbrellas: 'umbrellas',
  agbCode: 'agb_code',
  kvkNumber: 'kvk_number',
  licensedBeds: 'licensed_beds',
  openedOn: 'opened_on',
  closedOn: 'closed_on',
  phone: 'phone',
  website: 'website',
  admissionCriteria: 'admission_criteria',
} as const;
type Field = keyof typeof FIELD_TO_COLUMN;
export const HOSPICE_FIELDS = Object.keys(FIELD_TO_COLUMN) as Field[];

/** The values of one version, in API field names. */
export type HospiceValues = Omit<
  Hospice,
  'id' | 'regions' | 'validFrom' | 'validTo' | 'recordedAt' | 'recordedBy' | 'isSynthetic'
>;

function toValues(row: VersionRow): HospiceValues {
  return {
    name: row.name,
    streetAddress: row.street_address,
    postcode: row.postcode,
    place: row.place,
    gemeenteCode: row.gemeente_code,
    latitude: row.latitude,
    longitude: row.longitude,
    type: row.type,
    careModel: row.care_model,
    funding: row.funding,
    umbrellas: row.umbrellas,
    agbCode: row.agb_code,
    kvkNumber: row.kvk_number,
    licensedBeds: row.licensed_beds,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    phone: row.phone,
    website: row.website,
    admissionCriteria: row.admission_criteria,
  };
}

function toColumns(values: HospiceValues) {
  return {
    name: values.name,
    street_address: values.streetAddress,
    postcode: values.postcode,
    place: values.place,
    gemeente_code: values.gemeenteCode,
    latitude: values.latitude,
    longitude: values.longitude,
    type: values.type,
    care_model: values.careModel,
    funding: JSON.stringify(values.funding),
    umbrellas: JSON.stringify(values.umbrellas),
    agb_code: values.agbCode,
    kvk_number: values.kvkNumber,
    licensed_beds: values.licensedBeds,
    opened_on: values.openedOn,
    closed_on: values.closedOn,
    phone: values.phone,
    website: values.website,
    admission_criteria: values.admissionCriteria,
  };
}

export function normaliseCreate(input: HospiceCreate): HospiceValues {
  return {
    name: input.name.trim(),
    streetAddress: input.streetAddress ?? null,
    postcode: input.postcode ? normalisePostcode(input.postcode) : null,
    place: input.place.trim(),
    gemeenteCode: input.gemeenteCode,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    type: input.type,
    careModel: input.careModel ?? null,
    funding: input.funding ?? [],
    umbrellas: input.umbrellas ?? [],
    agbCode: input.agbCode ?? null,
    kvkNumber: input.kvkNumber ?? null,
    licensedBeds: input.licensedBeds,
    openedOn: input.openedOn ?? null,
    closedOn: input.closedOn ?? null,
    phone: input.phone ?? null,
    website: input.website ?? null,
    admissionCriteria: normaliseText(input.admissionCriteria),
  };
}

/** Free text as stored: trimmed, and null when nothing is left. */
function normaliseText(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function normalisePostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '');
  return `${compact.slice(0, 4)} ${compact.slice(4)}`;
}

/** Rules that need more than one field or the database. Returned as issues, not thrown. */
async function checkValues(db: Db, values: HospiceValues, effectiveFrom: string): Promise<Issue[]> {
  const issues: Issue[] = screenFreeText([
    ['name', values.name],
    ['streetAddress', values.streetAddress],
    ['place', values.place],
    ['admissionCriteria', values.admissionCriteria],
  ]);
  const gemeente = await db
    .selectFrom('region')
    .select(['code', 'valid_from', 'valid_to'])
    .where('code', '=', values.gemeenteCode)
    .where('type', '=', 'gemeente')
    .executeTakeFirst();
  if (!gemeente) {
    issues.push({
      field: 'gemeenteCode',
      message: `unknown gemeente ${values.gemeenteCode}`,
      code: 'registry.unknownGemeente',
      params: { gemeente: values.gemeenteCode },
    });
  } else if (gemeente.valid_to !== null && gemeente.valid_to <= effectiveFrom) {
    issues.push({
      field: 'gemeenteCode',
      message: `gemeente ${values.gemeenteCode} no longer exists on ${effectiveFrom} (ended ${gemeente.valid_to})`,
      code: 'registry.gemeenteEnded',
      params: { gemeente: values.gemeenteCode, date: effectiveFrom, ended: gemeente.valid_to },
    });
  }
  if (values.openedOn && values.closedOn && values.closedOn < values.openedOn) {
    issues.push({
      field: 'closedOn',
      message: `must not be before openedOn ${values.openedOn}`,
      code: 'registry.closedBeforeOpened',
      params: { openedOn: values.openedOn },
    });
  }
  if ((values.latitude === null) !== (values.longitude === null)) {
    issues.push({
      field: values.latitude === null ? 'latitude' : 'longitude',
      message: 'latitude and longitude go together',
      code: 'registry.coordinatesTogether',
    });
  }
  return issues;
}

export interface CreateOptions {
  id?: string;
  externalRef?: string;
  isSynthetic?: boolean;
}

/** Registers a facility; throws an UNPROCESSABLE AppError listing every problem, storing nothing. */
export async function createHospice(
  db: Kysely<Database>,
  input: HospiceCreate,
  ctx: WriteContext,
  options: CreateOptions = {},
): Promise<Hospice & { version: number }> {
  return db.transaction().execute((trx) => createHospiceIn(trx, input, ctx, options));
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
  await trx
    .insertInto('hospice_version')
    .values({
      hospice_id: id,
      valid_from: effectiveFrom,
      valid_to: null,
      recorded_at: ctx.now.toISOString(),
      recorded_by: ctx.actor,
      ...toColumns(values),
    })
    .execute();
  return getHospiceOrThrow(trx, id, effectiveFrom);
}

/** The values a patch changes (fields equal to the current value are left out). */
function changedFields(current: HospiceValues, patch: HospicePatch): Partial<HospiceValues> {
  const changes: Record<string, unknown> = {};
  for (const field of HOSPICE_FIELDS) {
    if (!(field in patch)) {
      continue;
    }
    let next = patch[field] as unknown;
    if (field === 'postcode' && typeof next === 'string') {
      next = normalisePostcode(next);
    }
    if (field === 'admissionCriteria') {
      next = normaliseText(next as string | null);
    }
    if (JSON.stringify(next) !== JSON.stringify(current[field])) {
      changes[field] = next;
    }
  }
  return changes as Partial<HospiceValues>;
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
      await trx
        .insertInto('hospice_version')
        .values({
          hospice_id: id,
          valid_from: effectiveFrom,
          valid_to: null,
          recorded_at: ctx.now.toISOString(),
          recorded_by: ctx.actor,
          ...toColumns(next),
        })
        .execute();
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

/** The latest version of a facility, whatever its dates. */
async function getLatestHospice(db: Db, id: string): Promise<Hospice & { version: number }> {
  const row = await versionQuery(db)
    .where('v.hospice_id', '=', id)
    .orderBy('v.valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    throw new AppError('NOT_FOUND', `hospice ${id} does not exist`);
  }
  const [hospice] = await attachRegions(db, [row], row.valid_from);
  return { ...hospice!, version: row.id };
}

function versionQuery(db: Db) {
  return db
    .selectFrom('hospice_version as v')
    .innerJoin('hospice as h', 'h.id', 'v.hospice_id')
    .selectAll('v')
    .select('h.is_synthetic');
}

async function attachRegions(db: Db, rows: VersionRow[], asOf: string): Promise<Hospice[]> {
  if (rows.length === 0) {
    return [];
  }
  const codes = [...new Set(rows.map((r) => r.gemeente_code))];
  const names = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('code', 'in', codes)
    .execute();
  const parents = await db
    .selectFrom('region_membership as m')
    .innerJoin('region as p', 'p.code', 'm.parent_code')
    .select(['m.gemeente_code', 'm.parent_type', 'p.code', 'p.name'])
    .where('m.gemeente_code', 'in', codes)
    .where(validOn('m', asOf))
    .execute();
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  const parentOf = new Map(parents.map((p) => [`${p.gemeente_code}>${p.parent_type}`, p]));
  return rows.map((row) => {
    const zk = parentOf.get(`${row.gemeente_code}>zorgkantoorregio`);
    const pv = parentOf.get(`${row.gemeente_code}>provincie`);
    const gemeenteName = nameOf.get(row.gemeente_code);
    return {
      id: row.hospice_id,
      ...toValues(row),
      regions: {
        gemeente: gemeenteName ? { code: row.gemeente_code, name: gemeenteName } : null,
        zorgkantoorregio: zk ? { code: zk.code, name: zk.name } : null,
        provincie: pv ? { code: pv.code, name: pv.name } : null,
      },
      validFrom: row.valid_from,
      validTo: row.valid_to,
      recordedAt: row.recorded_at,
      recordedBy: row.recorded_by,
      isSynthetic: row.is_synthetic,
    };
  });
}

/** The facility as registered on `asOf`, or undefined when it had no version on that date. */
export async function findHospice(
  db: Db,
  id: string,
  asOf: string,
): Promise<(Hospice & { version: number }) | undefined> {
  const row = await versionQuery(db)
    .where('v.hospice_id', '=', id)
    .where(validOn('v', asOf))
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const [hospice] = await attachRegions(db, [row], asOf);
  return { ...hospice!, version: row.id };
}

export async function getHospiceOrThrow(
  db: Db,
  id: string,
  asOf: string,
): Promise<Hospice & { version: number }> {
  const hospice = await findHospice(db, id, asOf);
  if (hospice) {
    return hospice;
  }
  const known = await db.selectFrom('hospice').select('id').where('id', '=', id).executeTakeFirst();
  throw new AppError(
    'NOT_FOUND',
    known ? `hospice ${id} was not registered on ${asOf}` : `hospice ${id} does not exist`,
  );
}

/**
 * What a facility's ETag names: its latest version and its revision. A same-day correction keeps
 * the version id and raises the revision; a new version (a change from a later date, a gemeente
 * merge) gets a new id.
 */
export interface RegistryEtag {
  version: number;
  revision: number;
}

export function formatEtag(etag: RegistryEtag): string {
  return `"v${etag.version}.${etag.revision}"`;
}

/** The current ETag of a facility, or undefined when it does not exist. */
export async function registryEtag(db: Db, id: string): Promise<RegistryEtag | undefined> {
  const row = await db
    .selectFrom('hospice_version as v')
    .innerJoin('hospice as h', 'h.id', 'v.hospice_id')
    .select(['v.id', 'h.revision'])
    .where('v.hospice_id', '=', id)
    .orderBy('v.valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { version: row.id, revision: row.revision } : undefined;
}

export interface HospiceQuery {
  asOf: string;
  /** A gemeente, zorgkantoorregio or provincie code. */
  region?: string | undefined;
  type?: HospiceType | undefined;
  /** Only facilities open on asOf (opened_on ≤ asOf and not closed). */
  openOnly?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function listHospices(
  db: Db,
  query: HospiceQuery,
): Promise<{ items: Hospice[]; total: number }> {
  let base = db
    .selectFrom('hospice_version as v')
    .innerJoin('hospice as h', 'h.id', 'v.hospice_id')
    .where(validOn('v', query.asOf));
  if (query.type) {
    base = base.where('v.type', '=', query.type);
  }
  if (query.openOnly) {
    base = base.where(openOn('v', query.asOf));
  }
  if (query.region) {
    const region = query.region;
    base = region.startsWith('GM')
      ? base.where('v.gemeente_code', '=', region)
      : base.where(
          'v.gemeente_code',
          'in',
          db
            .selectFrom('region_membership as m')
            .select('m.gemeente_code')
            .where('m.parent_code', '=', region)
            .where(validOn('m', query.asOf)),
        );
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll('v')
      .select('h.is_synthetic')
      .orderBy('v.name')
      .orderBy('v.hospice_id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await attachRegions(db, rows, query.asOf), total: Number(count.n) };
}

/** Every version of a facility, oldest first, each with what changed against the one before. */
export async function hospiceHistory(
  db: Db,
  id: string,
): Promise<
  Array<{
    validFrom: string;
    validTo: string | null;
    recordedAt: string;
    recordedBy: string;
    values: HospiceValues;
    changed: Field[];
  }>
> {
  const rows = await versionQuery(db)
    .where('v.hospice_id', '=', id)
    .orderBy('v.valid_from')
    .execute();
  if (rows.length === 0) {
    throw new AppError('NOT_FOUND', `hospice ${id} does not exist`);
  }
  let previous: HospiceValues | undefined;
  return rows.map((row) => {
    const values = toValues(row);
    const changed = previous
      ? HOSPICE_FIELDS.filter((f) => JSON.stringify(values[f]) !== JSON.stringify(previous![f]))
      : [];
    previous = values;
    return {
      validFrom: row.valid_from,
      validTo: row.valid_to,
      recordedAt: row.recorded_at,
      recordedBy: row.recorded_by,
      values,
      changed,
    };
  });
}

export async function findHospiceIdByRef(db: Db, externalRef: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('hospice')
    .select('id')
    .where('external_ref', '=', externalRef)
    .executeTakeFirst();
  return row?.id;
}
