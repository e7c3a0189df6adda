import type { Kysely } from 'kysely';
import {
  isValidDate,
  type TransformationPlan,
  type TransformationPlanPut,
  type TransformationStatus,
  type TransformationVersions,
} from '@palliamonitor/contracts';
import type { Database } from '../store/schema';
import { AppError, type Issue } from '../errors';
import type { WriteContext } from '../registry/hospices.repository';
import { namesOfActors } from './actor-names';
import { insertVersion, newestOfRegion, newestPerRegion } from './versions';

// The status of each region's transformation plan (table of migration 0009): every save appends
// a version on top of the one it names, so two regisseurs cannot silently undo each other.

type Row = Database['transformation_plan_version'];
const COLUMNS = [
  'region_code',
  'version',
  'status',
  'started_on',
  'submitted_on',
  'approved_on',
  'link',
  'note',
  'saved_at',
  'saved_by',
] as const satisfies readonly (keyof Row)[];

export type StoredTransformationPlan = Omit<TransformationPlan, 'name'> & { savedBy: string };

const day = (value: unknown) => (value === null ? null : String(value).slice(0, 10));

function toPlan(row: Pick<Row, (typeof COLUMNS)[number]>): StoredTransformationPlan {
  return {
    region: row.region_code,
    version: Number(row.version),
    status: row.status as TransformationStatus,
    startedOn: day(row.started_on),
    submittedOn: day(row.submitted_on),
    approvedOn: day(row.approved_on),
    link: row.link,
    note: row.note,
    savedAt: new Date(row.saved_at).toISOString(),
    savedBy: row.saved_by,
  };
}

/** What a region without a saved plan shows: not started, version 0. */
export function noTransformationPlan(region: string): StoredTransformationPlan {
  return {
    region,
    version: 0,
    status: 'not-started',
    startedOn: null,
    submittedOn: null,
    approvedOn: null,
    link: null,
    note: '',
    savedAt: null,
    savedBy: '',
  };
}

/** The current status of every region that has saved one, by region code. */
export async function currentTransformationPlans(
  db: Kysely<Database>,
): Promise<Map<string, StoredTransformationPlan>> {
  const rows = await newestPerRegion(db, 'transformation_plan_version').select(COLUMNS).execute();
  return new Map(rows.map((r) => [r.region_code, toPlan(r)]));
}

export async function currentTransformationPlan(
  db: Kysely<Database>,
  region: string,
): Promise<StoredTransformationPlan> {
  const row = await newestOfRegion(db, 'transformation_plan_version', region)
    .select(COLUMNS)
    .executeTakeFirst();
  return row === undefined ? noTransformationPlan(region) : toPlan(row);
}

/** Every version, newest first, with the name (never the e-mail) of who saved it. */
export async function listTransformationVersions(
  db: Kysely<Database>,
  region: string,
): Promise<TransformationVersions['items']> {
  const query = db.selectFrom('transformation_plan_version').select(COLUMNS);
  const versions = (
    await query.where('region_code', '=', region).orderBy('version', 'desc').execute()
  ).map(toPlan);
  const names = await namesOfActors(db, [...new Set(versions.map((v) => v.savedBy))]);
  return versions.map((v) => ({ ...v, savedBy: names.get(v.savedBy) ?? '' }));
}

const DATES = ['startedOn', 'submittedOn', 'approvedOn'] as const;

/** What the schema cannot check: real dates, in order, not in the future, and a real https link. */
function transformationIssues(input: TransformationPlanPut, today: string): Issue[] {
  const issues: Issue[] = [];
  for (const field of DATES) {
    const value = input[field];
    if (value !== null && !isValidDate(value)) {
      issues.push({
        field,
        message: `not a valid calendar date: ${value}`,
        code: 'plan.invalidDate',
      });
    } else if (value !== null && value > today) {
      issues.push({
        field,
        message: `must not be after today (${today})`,
        code: 'transformation.dateInFuture',
      });
    }
  }
  const [started, submitted, approved] = DATES.map((f) => input[f]);
  if (started && submitted && submitted < started) {
    issues.push({
      field: 'submittedOn',
      message: 'submitted before it was started',
      code: 'transformation.datesOutOfOrder',
    });
  }
  if (submitted && approved && approved < submitted) {
    issues.push({
      field: 'approvedOn',
      message: 'approved before it was submitted',
      code: 'transformation.datesOutOfOrder',
    });
  }
  if (input.link !== null) {
    const url = URL.canParse(input.link) ? new URL(input.link) : null;
    if (url === null || url.protocol !== 'https:' || url.hostname === '' || url.username !== '') {
      issues.push({
        field: 'link',
        message: 'give an https address of the plan',
        code: 'transformation.linkNotHttps',
      });
    }
  }
  return issues;
}

/**
 * Saves a new version of the region's transformation plan on top of `baseVersion` (409 when
 * another save came first). Call inside a transaction with the audit entry.
 */
export async function saveTransformationPlan(
  db: Kysely<Database>,
  region: string,
  input: TransformationPlanPut,
  ctx: WriteContext & { today: string },
): Promise<StoredTransformationPlan> {
  const issues = transformationIssues(input, ctx.today);
  if (issues.length > 0) {
    throw new AppError('UNPROCESSABLE', 'the plan status has problems; nothing was saved', issues);
  }
  const current = await currentTransformationPlan(db, region);
  if (input.baseVersion !== current.version) {
    throw new AppError('CONFLICT', `the plan status is at version ${current.version}`, [
      {
        field: 'baseVersion',
        message: `changed meanwhile: it is at version ${current.version}; reload and try again`,
        code: 'plan.versionMoved',
        params: { version: current.version },
      },
    ]);
  }
  const row = await insertVersion(() =>
    db
      .insertInto('transformation_plan_version')
      .values({
        region_code: region,
        version: current.version + 1,
        status: input.status,
        started_on: input.startedOn,
        submitted_on: input.submittedOn,
        approved_on: input.approvedOn,
        link: input.link,
        note: input.note.trim(),
        saved_at: ctx.now.toISOString(),
        saved_by: ctx.actor,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow(),
  );
  return toPlan(row);
}
