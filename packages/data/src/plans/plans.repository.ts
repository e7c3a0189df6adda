import type { Kysely } from 'kysely';
import {
  isValidDate,
  type PlanChange,
  type PlanChangeInput,
  type PlanDifference,
  type PlanTarget,
  type PlanVersion,
  type RegionPlanPut,
} from '@palliamonitor/contracts';
import type { Database } from '../store/schema';
import { AppError, type Issue } from '../errors';
import type { WriteContext } from '../registry/hospices.repository';
import { hospicesOfRegion } from '../registry/hospice-reads';
import { namesOfActors } from './actor-names';
import { insertVersion, newestOfRegion, newestPerRegion } from './versions';

// Regional bed plans (migration 0009): each save appends a whole version of the plan. A save names
// the version it builds on, so two regisseurs editing at once cannot silently undo each other.

export interface StoredPlan {
  regionCode: string;
  version: number;
  savedAt: string;
  savedBy: string;
  changeNote: string;
  targets: PlanTarget[];
  changes: PlanChange[];
}

type Row = Database['region_plan_version'];

function toPlan(row: {
  region_code: string;
  version: number;
  saved_at: string;
  saved_by: string;
  change_note: string;
  targets: unknown;
  changes: unknown;
}): StoredPlan {
  return {
    regionCode: row.region_code,
    version: Number(row.version),
    savedAt: new Date(row.saved_at).toISOString(),
    savedBy: row.saved_by,
    changeNote: row.change_note,
    targets: row.targets as PlanTarget[],
    changes: row.changes as PlanChange[],
  };
}

const COLUMNS = [
  'region_code',
  'version',
  'saved_at',
  'saved_by',
  'change_note',
  'targets',
  'changes',
] as const satisfies readonly (keyof Row)[];

/** The current plan of every region that has one, by region code. */
export async function currentRegionPlans(db: Kysely<Database>): Promise<Map<string, StoredPlan>> {
  const rows = await newestPerRegion(db, 'region_plan_version').select(COLUMNS).execute();
  return new Map(rows.map((r) => [r.region_code, toPlan(r)]));
}

/** The current plan of one region, or undefined before its first save. */
export async function currentRegionPlan(
  db: Kysely<Database>,
  regionCode: string,
): Promise<StoredPlan | undefined> {
  const row = await newestOfRegion(db, 'region_plan_version', regionCode)
    .select(COLUMNS)
    .executeTakeFirst();
  return row && toPlan(row);
}

/** Every version of a region's plan, newest first, each with what differs from the one before. */
export async function listRegionPlanVersions(
  db: Kysely<Database>,
  regionCode: string,
): Promise<PlanVersion[]> {
  const rows = await db
    .selectFrom('region_plan_version')
    .select(COLUMNS)
    .where('region_code', '=', regionCode)
    .orderBy('version', 'asc')
    .execute();
  const plans = rows.map(toPlan);
  const names = await namesOfActors(
    db,
    plans.map((p) => p.savedBy),
  );
  return plans
    .map((plan, i) => ({
      version: plan.version,
      savedAt: plan.savedAt,
      savedBy: names.get(plan.savedBy) ?? '',
      changeNote: plan.changeNote,
      targets: plan.targets,
      changes: plan.changes,
      differences: differencesOf(plans[i - 1], plan),
    }))
    .reverse();
}

/** What differs between two versions: targets by year, changes by id. */
export function differencesOf(
  before: Pick<StoredPlan, 'targets' | 'changes'> | undefined,
  after: Pick<StoredPlan, 'targets' | 'changes'>,
): PlanDifference[] {
  const compare = <T>(what: PlanDifference['what'], a: Map<string, T>, b: Map<string, T>) =>
    [...new Set([...a.keys(), ...b.keys()])].sort().flatMap((key): PlanDifference[] => {
      const x = a.get(key) ?? null;
      const y = b.get(key) ?? null;
      return JSON.stringify(x) === JSON.stringify(y) ? [] : [{ what, key, before: x, after: y }];
    });
  const byYear = (p: typeof before) => new Map((p?.targets ?? []).map((t) => [String(t.year), t]));
  const byId = (p: typeof before) => new Map((p?.changes ?? []).map((c) => [c.id, c]));
  return [
    ...compare('target', byYear(before), byYear(after)),
    ...compare('change', byId(before), byId(after)),
  ];
}

function changeIssues(change: PlanChangeInput, i: number, inRegion: Set<string>): Issue[] {
  const at = `changes.${i}`;
  const issues: Issue[] = [];
  if (change.kind === 'open') {
    if (change.hospiceId !== null) {
      issues.push({
        field: `${at}.hospiceId`,
        message: 'a new location has no hospice yet; give its name in locationName',
        code: 'plan.openHasHospice',
      });
    }
    if (change.locationName === null || change.locationName.trim() === '') {
      issues.push({
        field: `${at}.locationName`,
        message: 'name the planned new location',
        code: 'plan.locationMissing',
      });
    }
  } else if ((change.hospiceId === null) === (change.locationName === null)) {
    issues.push({
      field: `${at}.hospiceId`,
      message: 'name either an existing hospice or a planned location, not both or neither',
      code: 'plan.hospiceOrLocation',
    });
  }
  if (!isValidDate(change.effectiveOn)) {
    issues.push({
      field: `${at}.effectiveOn`,
      message: `not a valid calendar date: ${change.effectiveOn}`,
      code: 'plan.invalidDate',
    });
  }
  if (change.hospiceId !== null && !inRegion.has(change.hospiceId)) {
    issues.push({
      field: `${at}.hospiceId`,
      message: `not a hospice of this region: ${change.hospiceId}`,
      code: 'plan.hospiceNotInRegion',
    });
  }
  return issues;
}

function duplicateIssues<T>(items: readonly T[], keyOf: (t: T) => unknown, field: string): Issue[] {
  const seen = new Set<unknown>();
  return items.flatMap((item, i): Issue[] => {
    const key = keyOf(item);
    if (key === undefined) {
      return [];
    }
    if (seen.has(key)) {
      return [{ field: field.replace('#', String(i)), message: `appears twice: ${String(key)}` }];
    }
    seen.add(key);
    return [];
  });
}

/** Gives every change without an id the next free one (c1, c2, …), keeping the ids sent. */
function withIds(changes: readonly PlanChangeInput[]): PlanChange[] {
  const used = new Set(changes.flatMap((c) => (c.id === undefined ? [] : [c.id])));
  let next = 1;
  const fresh = () => {
    while (used.has(`c${next}`)) {
      next += 1;
    }
    used.add(`c${next}`);
    return `c${next}`;
  };
  return changes.map((c) => ({ ...c, id: c.id ?? fresh(), note: c.note.trim() }));
}

/**
 * Saves a new version of the region's plan on top of `baseVersion` (409 when another save came
 * first). Checks what the schema cannot: each year and change id once, a new location named, a
 * hospice of this region. Call inside a transaction with the audit entry.
 */
export async function saveRegionPlan(
  db: Kysely<Database>,
  regionCode: string,
  input: RegionPlanPut,
  ctx: WriteContext,
): Promise<StoredPlan> {
  const hospiceIds = [...new Set(input.changes.flatMap((c) => c.hospiceId ?? []))];
  const inRegion = await hospicesOfRegion(db, regionCode, hospiceIds);
  const issues = [
    ...duplicateIssues(input.targets, (t) => t.year, 'targets.#.year'),
    ...duplicateIssues(input.changes, (c) => c.id, 'changes.#.id'),
    ...input.changes.flatMap((c, i) => changeIssues(c, i, inRegion)),
  ];
  if (issues.length > 0) {
    throw new AppError('UNPROCESSABLE', 'the plan has problems; nothing was saved', issues);
  }
  const current = await currentRegionPlan(db, regionCode);
  const currentVersion = current?.version ?? 0;
  if (input.baseVersion !== currentVersion) {
    throw new AppError('CONFLICT', `the plan is at version ${currentVersion}`, [
      {
        field: 'baseVersion',
        message: `the plan was changed meanwhile: it is at version ${currentVersion}; reload and try again`,
        code: 'plan.versionMoved',
        params: { version: currentVersion },
      },
    ]);
  }
  const targets = [...input.targets].sort((a, b) => a.year - b.year);
  const row = await insertVersion(() =>
    db
      .insertInto('region_plan_version')
      .values({
        region_code: regionCode,
        version: currentVersion + 1,
        targets: JSON.stringify(targets),
        changes: JSON.stringify(withIds(input.changes)),
        change_note: (input.changeNote ?? '').trim(),
        saved_at: ctx.now.toISOString(),
        saved_by: ctx.actor,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow(),
  );
  return toPlan(row);
}
