import { AppError, type Issue } from '../errors';

// Two requests that create the same thing at once (an account with one e-mail address, a scenario
// with one id) both pass the "does it exist yet?" check; the database's unique index then refuses
// the second insert. That is the answer the check would have given a moment later, so it becomes
// the same 409 with the same code, on both stores, instead of an unexpected error.

/** Per unique index: the field the caller chose and the message of the ordinary check. */
const CONFLICTS: Record<string, (value: string) => Issue> = {
  app_user_email: () => ({ field: 'email', message: 'already in use', code: 'account.emailInUse' }),
  scenario_pkey: (id) => ({
    field: 'id',
    message: `${id} is taken; choose another id`,
    code: 'scenario.idTaken',
    params: { id },
  }),
};

interface DatabaseError {
  code?: unknown;
  constraint?: unknown;
  detail?: unknown;
}

/** A unique violation (SQLSTATE 23505) as a 409 AppError; undefined for any other error. */
export function conflictOfUniqueViolation(error: unknown): AppError | undefined {
  const e = error as DatabaseError | null;
  if (e === null || typeof e !== 'object' || e.code !== '23505') {
    return undefined;
  }
  const constraint = typeof e.constraint === 'string' ? e.constraint : '';
  // "Key (id)=(zorg-2030) already exists."
  const value = /\)=\((.*)\) already exists/.exec(String(e.detail ?? ''))?.[1] ?? '';
  const issue = CONFLICTS[constraint]?.(value) ?? {
    message: 'conflicts with a record stored at the same time; reload and try again',
    code: 'store.conflict',
  };
  return new AppError('CONFLICT', 'the change conflicts with existing data', [issue]);
}
