import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, RegionMembershipTable, RegionType } from '../store/schema';
import { AppError } from '../errors';
import { validOn } from '../store/valid-on';
import { pageWithTotal } from '../store/page';

export interface RegionSeedRow {
  gemeenteCode: string;
  gemeenteName: string;
  parentCode: string;
  parentName: string;
}

/**
 * Loads one division (gemeente → zorgkantoorregio and gemeente → provincie) effective from
 * `validFrom` (null: since the start of our records). Idempotent: regions already present are
 * kept, memberships already open are not added twice.
 */
export async function seedDivision(
  db: Kysely<Database>,
  division: {
    zorgkantoorregio: RegionSeedRow[];
    provincie: RegionSeedRow[];
    validFrom: string | null;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const regions = new Map<string, { type: RegionType; name: string }>();
    for (const [parentType, rows] of [
      ['zorgkantoorregio', division.zorgkantoorregio],
      ['provincie', division.provincie],
    ] as const) {
      for (const row of rows) {
        regions.set(row.gemeenteCode, { type: 'gemeente', name: row.gemeenteName });
        regions.set(row.parentCode, { type: parentType, name: row.parentName });
      }
    }
    const values = [...regions].map(([code, r]) => ({
      code,
      type: r.type,
      name: r.name,
      valid_from: division.validFrom,
      valid_to: null,
    }));
    await trx
      .insertInto('region')
      .values(values)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();

    const open = await trx
      .selectFrom('region_membership')
      .select(['gemeente_code', 'parent_code'])
      .where('valid_to', 'is', null)
      .execute();
    const existing = new Set(open.map((m) => `${m.gemeente_code}>${m.parent_code}`));
    const memberships = [
      ...division.zorgkantoorregio.map((r) => ({ ...r, parentType: 'zorgkantoorregio' as const })),
      ...division.provincie.map((r) => ({ ...r, parentType: 'provincie' as const })),
    ]
      .filter((r) => !existing.has(`${r.gemeenteCode}>${r.parentCode}`))
      .map((r) => ({
        gemeente_code: r.gemeenteCode,
        parent_code: r.parentCode,
        parent_type: r.parentType,
        valid_from: division.validFrom,
        valid_to: null,
      }));
    if (memberships.length > 0) {
      await trx.insertInto('region_membership').values(memberships).execute();
    }
  });
}

export interface RegionSummary {
  code: string;
  type: RegionType;
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

const SUMMARY_COLUMNS = ['code', 'type', 'name', 'valid_from', 'valid_to'] as const;

function toRegionSummary(
  r: Pick<Selectable<Database['region']>, (typeof SUMMARY_COLUMNS)[number]>,
): RegionSummary {
  return { code: r.code, type: r.type, name: r.name, validFrom: r.valid_from, validTo: r.valid_to };
}

/** The regions in force on `asOf`. */
function regionsOn(db: Kysely<Database>, asOf: string) {
  return db.selectFrom('region').where(validOn('region', asOf));
}

export async function listRegions(
  db: Kysely<Database>,
  query: { type?: RegionType | undefined; asOf: string; limit: number; offset: number },
): Promise<{ items: RegionSummary[]; total: number }> {
  let base = regionsOn(db, query.asOf);
  if (query.type) {
    base = base.where('type', '=', query.type);
  }
  const { rows, total } = await pageWithTotal(
    base,
    (q) => q.select(SUMMARY_COLUMNS).orderBy('code'),
    query,
  );
  return { items: rows.map(toRegionSummary), total };
}

export async function findRegion(
  db: Kysely<Database>,
  code: string,
  asOf: string,
): Promise<RegionSummary | undefined> {
  const r = await regionsOn(db, asOf)
    .select(SUMMARY_COLUMNS)
    .where('code', '=', code)
    .executeTakeFirst();
  return r && toRegionSummary(r);
}

export async function getRegionOrThrow(
  db: Kysely<Database>,
  code: string,
  asOf: string,
): Promise<RegionSummary> {
  const region = await findRegion(db, code, asOf);
  if (!region) {
    throw new AppError('NOT_FOUND', `region ${code} does not exist on ${asOf}`);
  }
  return region;
}

/**
 * The regions at one end of the memberships valid on `asOf` whose other end is `code`: a
 * zorgkantoorregio's or provincie's gemeenten, or a gemeente's parents.
 */
function membershipsOn(
  db: Kysely<Database>,
  asOf: string,
  from: 'parent' | 'gemeente',
  code: string,
) {
  const [known, wanted] =
    from === 'parent'
      ? (['parent_code', 'gemeente_code'] as const)
      : (['gemeente_code', 'parent_code'] as const);
  return db
    .selectFrom('region_membership')
    .innerJoin('region', 'region.code', `region_membership.${wanted}`)
    .where(`region_membership.${known}`, '=', code)
    .where(validOn('region_membership', asOf));
}

/** The gemeenten belonging to a zorgkantoorregio or provincie on `asOf`. */
export async function memberGemeenten(
  db: Kysely<Database>,
  parentCode: string,
  asOf: string,
): Promise<Array<{ code: string; name: string }>> {
  return membershipsOn(db, asOf, 'parent', parentCode)
    .select(['region.code', 'region.name'])
    .orderBy('region.code')
    .execute();
}

/** For each gemeente valid on `asOf`, its zorgkantoorregio and provincie on that date. */
export async function divisionOn(
  db: Kysely<Database>,
  asOf: string,
): Promise<Map<string, { name: string; zorgkantoorregio?: string; provincie?: string }>> {
  const gemeenten = await regionsOn(db, asOf)
    .select(['code', 'name'])
    .where('type', '=', 'gemeente')
    .execute();
  const memberships = await db
    .selectFrom('region_membership')
    .select(['gemeente_code', 'parent_code', 'parent_type'])
    .where(validOn('region_membership', asOf))
    .execute();
  const map = new Map<string, { name: string; zorgkantoorregio?: string; provincie?: string }>();
  for (const g of gemeenten) {
    map.set(g.code, { name: g.name });
  }
  for (const m of memberships) {
    const entry = map.get(m.gemeente_code);
    if (entry) {
      entry[m.parent_type] = m.parent_code;
    }
  }
  return map;
}

/** The parents (zorgkantoorregio, provincie) of a gemeente on `asOf`. */
export async function parentsOf(
  db: Kysely<Database>,
  gemeenteCode: string,
  asOf: string,
): Promise<Array<{ code: string; name: string; type: RegionType }>> {
  return membershipsOn(db, asOf, 'gemeente', gemeenteCode)
    .select(['region.code', 'region.name', 'region.type'])
    .orderBy('region.type')
    .execute();
}

/**
 * A gemeente moves to another zorgkantoorregio or provincie from `on`: the open membership of that
 * kind ends the day before `on` (valid_to is exclusive, so valid_to = on) and a new one starts.
 */
export async function moveGemeente(
  db: Kysely<Database>,
  move: { gemeenteCode: string; toParentCode: string; on: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const parent = await trx
      .selectFrom('region')
      .select(['code', 'type'])
      .where('code', '=', move.toParentCode)
      .executeTakeFirst();
    if (!parent || parent.type === 'gemeente') {
      throw new AppError(
        'UNPROCESSABLE',
        `unknown zorgkantoorregio or provincie ${move.toParentCode}`,
        [{ field: 'toParentCode', message: `unknown region ${move.toParentCode}` }],
      );
    }
    const current = await trx
      .selectFrom('region_membership')
      .selectAll()
      .where('gemeente_code', '=', move.gemeenteCode)
      .where('parent_type', '=', parent.type)
      .where('valid_to', 'is', null)
      .executeTakeFirst();
    if (!current) {
      throw new AppError(
        'UNPROCESSABLE',
        `gemeente ${move.gemeenteCode} has no current ${parent.type}`,
        [{ field: 'gemeenteCode', message: `no current membership for ${move.gemeenteCode}` }],
      );
    }
    if (current.valid_from !== null && current.valid_from >= move.on) {
      throw new AppError('UNPROCESSABLE', `a move must come after ${current.valid_from}`, [
        {
          field: 'on',
          message: `must be after the current membership's start ${current.valid_from}`,
        },
      ]);
    }
    await endMemberships(trx, move.on, [current.id]);
    await startMemberships(trx, move.on, [
      { gemeente_code: move.gemeenteCode, parent_code: parent.code, parent_type: parent.type },
    ]);
  });
}

/** Memberships that end on `on` (valid_to is exclusive: the day before `on` is their last). */
async function endMemberships(
  trx: Transaction<Database>,
  on: string,
  ids: number[],
): Promise<void> {
  if (ids.length > 0) {
    await trx
      .updateTable('region_membership')
      .set({ valid_to: on })
      .where('id', 'in', ids)
      .execute();
  }
}

/** Open memberships from `on`: a gemeente's new parent after a move, a new gemeente's parents. */
async function startMemberships(
  trx: Transaction<Database>,
  on: string,
  memberships: Array<
    Pick<Selectable<RegionMembershipTable>, 'gemeente_code' | 'parent_code' | 'parent_type'>
  >,
): Promise<void> {
  if (memberships.length > 0) {
    await trx
      .insertInto('region_membership')
      .values(memberships.map((m) => ({ ...m, valid_from: on, valid_to: null })))
      .execute();
  }
}

/**
 * Gemeenten merge into a new one on `on`: the old ones end, the new one starts with the parents of
 * the first old gemeente. Hospices keep their gemeente code in history; their current versions
 * continue in the new gemeente from `on`.
 */
export async function mergeGemeenten(
  db: Kysely<Database>,
  merge: { fromCodes: string[]; into: { code: string; name: string }; on: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const first = merge.fromCodes[0];
    if (first === undefined) {
      throw new AppError('UNPROCESSABLE', 'nothing to merge', [
        { field: 'fromCodes', message: 'name at least one gemeente' },
      ]);
    }
    const open = await trx
      .selectFrom('region_membership')
      .selectAll()
      .where('gemeente_code', 'in', merge.fromCodes)
      .where('valid_to', 'is', null)
      .execute();
    const parents = open.filter((m) => m.gemeente_code === first);
    await trx
      .updateTable('region')
      .set({ valid_to: merge.on })
      .where('code', 'in', merge.fromCodes)
      .execute();
    await endMemberships(
      trx,
      merge.on,
      open.map((m) => m.id),
    );
    await trx
      .insertInto('region')
      .values({
        code: merge.into.code,
        type: 'gemeente',
        name: merge.into.name,
        valid_from: merge.on,
        valid_to: null,
      })
      .execute();
    // Facilities in the old gemeenten continue in the new one from the merge date; their earlier
    // versions keep the old code, so history still answers with the division of its time.
    const moved = await trx
      .selectFrom('hospice_version')
      .selectAll()
      .where('gemeente_code', 'in', merge.fromCodes)
      .where('valid_to', 'is', null)
      .where('valid_from', '<', merge.on)
      .execute();
    if (moved.length > 0) {
      await trx
        .updateTable('hospice_version')
        .set({ valid_to: merge.on })
        .where(
          'id',
          'in',
          moved.map((v) => v.id),
        )
        .execute();
      await trx
        .insertInto('hospice_version')
        .values(
          moved.map(({ id, recorded_at, ...v }) => ({
            ...v,
            funding: JSON.stringify(v.funding),
            umbrellas: JSON.stringify(v.umbrellas),
            valid_from: merge.on,
            valid_to: null,
            recorded_by: 'system:merge',
            gemeente_code: merge.into.code,
          })),
        )
        .execute();
    }
    await startMemberships(
      trx,
      merge.on,
      parents.map((p) => ({
        gemeente_code: merge.into.code,
        parent_code: p.parent_code,
        parent_type: p.parent_type,
      })),
    );
  });
}

/**
 * The zorgkantoorregio of a gemeente today, or null: for deciding a regisseur's scope over a
 * hospice registered or moved there. Text that is no gemeente code never reaches a query (access
 * is decided before the body is validated; a NUL the store refuses is no gemeente).
 */
export async function zorgkantoorregioOfGemeente(
  db: Kysely<Database> | Transaction<Database>,
  code: unknown,
): Promise<string | null> {
  if (typeof code !== 'string' || !/^GM\d{4}$/.test(code)) {
    return null;
  }
  const row = await db
    .selectFrom('region_membership')
    .select('parent_code')
    .where('gemeente_code', '=', code)
    .where('parent_type', '=', 'zorgkantoorregio')
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return row?.parent_code ?? null;
}
