import type { Kysely } from 'kysely';
import { compareScenarios, parseScenario, SCENARIOS, type Scenario } from '@palliamonitor/model';
import type { Database } from '../store/schema';
import { AppError } from '../errors';
import type { WriteContext } from '../registry/hospices.repository';
import { withAudit, type AuditContext } from '../accounts/audit.repository';
import { findPersonalData, refusePersonalData, stringsIn } from '../free-text';

export interface ScenarioEntry {
  scenario: Scenario;
  builtIn: boolean;
  basedOn: string | null;
  createdAt: string | null;
}

const BUILT_IN = new Map<string, Scenario>(SCENARIOS.map((s) => [s.id, s]));

export async function listScenarios(db: Kysely<Database>): Promise<ScenarioEntry[]> {
  const saved = await db.selectFrom('scenario').selectAll().orderBy('created_at').execute();
  return [
    ...SCENARIOS.map((scenario) => ({ scenario, builtIn: true, basedOn: null, createdAt: null })),
    ...saved.map((row) => ({
      scenario: withoutPersonalData(row.definition as unknown as Scenario),
      builtIn: false,
      basedOn: row.based_on,
      createdAt: row.created_at,
    })),
  ];
}

export async function findScenario(
  db: Kysely<Database>,
  id: string,
): Promise<Scenario | undefined> {
  const builtIn = BUILT_IN.get(id);
  if (builtIn) {
    return builtIn;
  }
  const row = await db
    .selectFrom('scenario')
    .select('definition')
    .where('id', '=', id)
    .executeTakeFirst();
  return row && withoutPersonalData(row.definition as unknown as Scenario);
}

/** Shown where a saved text looks like personal data (see free-text.ts). */
export const WITHHELD_TEXT = '[afgeschermd: mogelijk persoonsgegevens]';

/**
 * A saved scenario as everyone may read it: scenarios saved before free text was screened may hold
 * personal data, so any such text is withheld on the way out (the stored row is left for an
 * administrator to judge).
 */
function withoutPersonalData(scenario: Scenario): Scenario {
  const mask = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return findPersonalData(value) ? WITHHELD_TEXT : value;
    }
    if (Array.isArray(value)) {
      return value.map(mask);
    }
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v)]));
    }
    return value;
  };
  return mask(scenario) as Scenario;
}

export async function getScenarioOrThrow(db: Kysely<Database>, id: string): Promise<Scenario> {
  const scenario = await findScenario(db, id);
  if (!scenario) {
    const known = (await listScenarios(db)).map((e) => e.scenario.id).join(', ');
    throw new AppError('NOT_FOUND', `unknown scenario ${id}; known: ${known}`, [
      {
        field: 'scenario',
        message: `unknown scenario ${id}`,
        code: 'scenario.unknown',
        params: { id },
      },
    ]);
  }
  return scenario;
}

/**
 * Saves a user's scenario after the model's own validation (every path named). Ids are unique
 * across built-in and saved scenarios; a saved scenario is never overwritten (save a new id).
 */
export async function saveScenario(
  db: Kysely<Database>,
  input: unknown,
  ctx: WriteContext,
  basedOn: string | null,
  audit?: AuditContext,
): Promise<ScenarioEntry> {
  // Every string of the definition is free text someone typed: a name, a description, notes.
  refusePersonalData(stringsIn(input), ctx.now);
  const parsed = parseScenario(input);
  if (!parsed.ok) {
    throw new AppError(
      'UNPROCESSABLE',
      'the scenario was not saved',
      parsed.issues.map((i) => ({ field: i.path || 'body', message: i.message })),
    );
  }
  const scenario = parsed.scenario;
  if (await findScenario(db, scenario.id)) {
    throw new AppError('CONFLICT', `a scenario with id ${scenario.id} exists already`, [
      {
        field: 'id',
        message: `${scenario.id} is taken; choose another id`,
        code: 'scenario.idTaken',
        params: { id: scenario.id },
      },
    ]);
  }
  if (basedOn !== null && !(await findScenario(db, basedOn))) {
    throw new AppError('UNPROCESSABLE', 'unknown basedOn scenario', [
      {
        field: 'basedOn',
        message: `unknown scenario ${basedOn}`,
        code: 'scenario.unknown',
        params: { id: basedOn },
      },
    ]);
  }
  return withAudit(db, audit, ctx.now, async (trx) => {
    await trx
      .insertInto('scenario')
      .values({
        id: scenario.id,
        name: scenario.name,
        version: scenario.version,
        definition: JSON.stringify(scenario),
        based_on: basedOn,
        created_at: ctx.now.toISOString(),
        created_by: ctx.actor,
      })
      .execute();
    const entry = { scenario, builtIn: false, basedOn, createdAt: ctx.now.toISOString() };
    return { result: entry, before: null, after: entry };
  });
}

/** Differences between two scenarios (built-in or saved), per parameter and year. */
export async function compareScenarioIds(db: Kysely<Database>, a: string, b: string) {
  return compareScenarios(await getScenarioOrThrow(db, a), await getScenarioOrThrow(db, b));
}
