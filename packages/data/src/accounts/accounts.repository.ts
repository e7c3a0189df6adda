import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Role } from '../store/schema';
import { AppError, type Issue } from '../errors';
import { hasAnyRow } from '../store/has-any-row';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordCost, verifyPassword } from './passwords';
import { hashSecret, newSecret } from './secrets';
import { appendAudit, withAudit, type AuditContext } from './audit.repository';
import { NOT_A_NAME_FIELD, refusePersonalData } from '../free-text';
import { ROLES } from '@palliamonitor/contracts';

/** How an account appears as actor in the audit log. */
export function userActor(user: { email: string }): string {
  return `user:${user.email}`;
}

/** The roles of an account as the audit log's role column says them. */
export function userRole(user: { roles: RoleGrant[] }): string {
  return (
    user.roles.map((r) => (r.scope ? `${r.role}:${r.scope}` : r.role)).join(',') || 'signed-in'
  );
}

/**
 * The actor of a sign-in or reset attempt for an address that may not be an account: a hash of the
 * address as typed, so the log can tie attempts together without holding what people mistype
 * (sometimes their password).
 */
export function emailActor(email: string): string {
  return `email:${hashSecret(email.trim().toLowerCase()).slice(0, 16)}`;
}

/** The request side of an entry whose actor the repository knows only once it finds the account. */
export type AuditRequest = Omit<AuditContext, 'actor' | 'role'>;

export interface RoleGrant {
  role: Role;
  /** Hospice id (hospice-editor) or zorgkantoorregio code (regisseur). */
  scope: string | null;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  isDemo: boolean;
  roles: RoleGrant[];
}

export { ROLES };

/** The refusal of the scope of grant `i`, shown beside that grant's scope field. */
function scopeRefused(i: number, summary: string, issue: Issue): AppError {
  return new AppError('UNPROCESSABLE', summary, [{ ...issue, field: `roles.${i}.scope` }]);
}

async function checkGrants(db: Kysely<Database>, roles: RoleGrant[]): Promise<void> {
  for (const [i, grant] of roles.entries()) {
    const scoped = grant.role === 'hospice-editor' || grant.role === 'regisseur';
    if (scoped !== (grant.scope !== null)) {
      throw scopeRefused(i, 'invalid role assignment', {
        message: scoped ? `${grant.role} needs a scope` : `${grant.role} has no scope`,
        code: scoped ? 'account.scopeRequired' : 'account.scopeNotAllowed',
        params: { role: grant.role },
      });
    }
    if (
      grant.role === 'hospice-editor' &&
      !(await hasAnyRow(db.selectFrom('hospice').where('id', '=', grant.scope!)))
    ) {
      throw scopeRefused(i, 'unknown hospice', {
        message: `unknown hospice ${grant.scope}`,
        code: 'account.unknownHospice',
      });
    }
    if (
      grant.role === 'regisseur' &&
      !(await hasAnyRow(
        db
          .selectFrom('region')
          .where('code', '=', grant.scope!)
          .where('type', '=', 'zorgkantoorregio'),
      ))
    ) {
      throw scopeRefused(i, 'unknown zorgkantoorregio', {
        message: `unknown zorgkantoorregio ${grant.scope}`,
        code: 'account.unknownRegion',
        params: { region: grant.scope ?? '' },
      });
    }
  }
}

export async function createUser(
  db: Kysely<Database>,
  input: { email: string; name: string; password: string; roles: RoleGrant[]; isDemo?: boolean },
  now: Date,
  audit?: AuditContext,
): Promise<UserSummary> {
  // A staff member's own name is expected here; a guest's BSN or birth date is not.
  refusePersonalData([['name', input.name]], now, NOT_A_NAME_FIELD);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('UNPROCESSABLE', 'password too short', [
      {
        field: 'password',
        message: `must have at least ${MIN_PASSWORD_LENGTH} characters`,
        code: 'account.passwordTooShort',
        params: { limit: MIN_PASSWORD_LENGTH },
      },
    ]);
  }
  const existing = await findUserIdByEmail(db, input.email);
  if (existing) {
    throw new AppError('CONFLICT', 'an account with this e-mail address exists', [
      { field: 'email', message: 'already in use', code: 'account.emailInUse' },
    ]);
  }
  await checkGrants(db, input.roles);
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  return withAudit(db, audit, now, async (trx) => {
    await trx
      .insertInto('app_user')
      .values({
        id,
        email: input.email.trim(),
        name: input.name.trim(),
        password_hash: passwordHash,
        is_demo: input.isDemo ?? false,
        created_at: now.toISOString(),
      })
      .execute();
    if (input.roles.length > 0) {
      await trx
        .insertInto('role_assignment')
        .values(
          input.roles.map((r) => ({
            user_id: id,
            role: r.role,
            scope: r.scope,
            created_at: now.toISOString(),
          })),
        )
        .execute();
    }
    const user = (await getUser(trx, id))!;
    return { result: user, before: null, after: user };
  });
}

async function findUserIdByEmail(db: Kysely<Database>, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  return row?.id;
}

export async function getUser(
  db: Kysely<Database> | Transaction<Database>,
  id: string,
): Promise<UserSummary | undefined> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'email', 'name', 'is_demo'])
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) {
    return undefined;
  }
  const roles = await db
    .selectFrom('role_assignment')
    .select(['role', 'scope'])
    .where('user_id', '=', id)
    .orderBy('id')
    .execute();
  return { id: user.id, email: user.email, name: user.name, isDemo: user.is_demo, roles };
}

export async function listUsers(db: Kysely<Database>): Promise<UserSummary[]> {
  const ids = await db
    .selectFrom('app_user')
    .select('id')
    .where('disabled_at', 'is', null)
    .orderBy('email')
    .execute();
  const users = await Promise.all(ids.map((r) => getUser(db, r.id)));
  return users.filter((u): u is UserSummary => u !== undefined);
}

/** The user for these credentials, or undefined; the same answer for unknown e-mail and wrong password. */
export async function authenticate(
  db: Kysely<Database>,
  email: string,
  password: string,
): Promise<UserSummary | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  // Verify against a dummy hash when the user is unknown, so timing does not reveal accounts.
  const ok = await verifyPassword(password, row?.password_hash ?? dummyHash());
  return ok && row ? getUser(db, row.id) : undefined;
}

/** A hash no password matches, at the cost real hashes are made with, so it takes as long. */
export function dummyHash(): string {
  const { N, r, p } = passwordCost();
  return `scrypt$${N}$${r}$${p}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
}

/**
 * A session ends after this many hours without use (idle timeout) and at the latest this many
 * days after sign-in (absolute timeout), as OWASP's session guidance asks: a volunteer who updates
 * the status every day stays signed in for the week, a forgotten session on a shared computer ends.
 */
export const SESSION_IDLE_HOURS = 12;
export const SESSION_MAX_DAYS = 7;
/** A session's end moves only when it is this much closer than a fresh idle window (fewer writes). */
const SESSION_SLIDE_MINUTES = 15;

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  audit?: AuditContext,
): Promise<{ sessionId: string; csrfToken: string; expiresAt: string }> {
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_HOURS * 3_600_000).toISOString();
  return withAudit(db, audit, now, async (trx) => {
    await trx
      .insertInto('user_session')
      .values({
        id_hash: hashSecret(sessionId),
        user_id: userId,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    // Neither the session id nor its CSRF token goes to the log: only that it began, and its end.
    return {
      result: { sessionId, csrfToken, expiresAt },
      before: null,
      after: { signedIn: true, expiresAt },
    };
  });
}

export async function findSession(
  db: Kysely<Database>,
  sessionId: string,
  now: Date,
): Promise<{ user: UserSummary; csrfToken: string } | undefined> {
  const idHash = hashSecret(sessionId);
  const row = await db
    .selectFrom('user_session')
    .select(['user_id', 'csrf_token', 'created_at', 'expires_at'])
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) {
    return undefined;
  }
  // Using the session moves its idle end, never past the absolute end.
  const absoluteEnd = Date.parse(row.created_at) + SESSION_MAX_DAYS * 86_400_000;
  const idleEnd = Math.min(now.getTime() + SESSION_IDLE_HOURS * 3_600_000, absoluteEnd);
  if (idleEnd - Date.parse(row.expires_at) >= SESSION_SLIDE_MINUTES * 60_000) {
    await db
      .updateTable('user_session')
      .set({ expires_at: new Date(idleEnd).toISOString() })
      .where('id_hash', '=', idHash)
      .execute();
  }
  const user = await getUser(db, row.user_id);
  return user && { user, csrfToken: row.csrf_token };
}

/** Ends a session (sign-out); with an audit context the entry is written with it. */
export async function deleteSession(
  db: Kysely<Database>,
  sessionId: string,
  audit?: AuditContext,
  now: Date = new Date(),
): Promise<void> {
  await withAudit(db, audit, now, async (trx) => {
    const ended = await trx
      .deleteFrom('user_session')
      .where('id_hash', '=', hashSecret(sessionId))
      .returning('expires_at')
      .executeTakeFirst();
    return {
      result: undefined,
      before: ended ? { signedIn: true, expiresAt: ended.expires_at } : null,
      after: ended ? { signedIn: false } : undefined,
    };
  });
}

export const RESET_MINUTES = 30;

/**
 * A one-time reset link token, or undefined for an unknown address (the caller answers the same).
 * A new link voids every earlier unused one of the account: only the latest mail works. With an
 * audit context the request is logged either way (for an unknown address under its hash).
 */
export async function createPasswordReset(
  db: Kysely<Database>,
  email: string,
  now: Date,
  audit?: AuditRequest,
): Promise<{ token: string; user: UserSummary } | undefined> {
  const id = await findUserIdByEmail(db, email);
  const user = id ? await getUser(db, id) : undefined;
  if (!user) {
    if (audit) {
      await appendAudit(db, {
        ...audit,
        actor: emailActor(email),
        role: 'public',
        at: now.toISOString(),
        before: null,
        after: { resetLink: 'none: no such account' },
      });
    }
    return undefined;
  }
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString();
  const audited = audit && { ...audit, actor: userActor(user), role: userRole(user) };
  await withAudit(db, audited, now, async (trx) => {
    // One request at a time per account: two at once would each miss the other's link.
    await trx.selectFrom('app_user').select('id').where('id', '=', user.id).forUpdate().execute();
    const voided = await trx
      .updateTable('password_reset')
      .set({ used_at: now.toISOString() })
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    await trx
      .insertInto('password_reset')
      .values({
        token_hash: hashSecret(token),
        user_id: user.id,
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
    return {
      result: undefined,
      before: null,
      after: { resetLink: 'sent', expiresAt, earlierLinksVoided: Number(voided.numUpdatedRows) },
    };
  });
  return { token, user };
}

export async function resetPassword(
  db: Kysely<Database>,
  token: string,
  password: string,
  now: Date,
  audit?: AuditRequest,
): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('UNPROCESSABLE', 'password too short', [
      {
        field: 'password',
        message: `must have at least ${MIN_PASSWORD_LENGTH} characters`,
        code: 'account.passwordTooShort',
        params: { limit: MIN_PASSWORD_LENGTH },
      },
    ]);
  }
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('password_reset')
      .selectAll()
      .where('token_hash', '=', hashSecret(token))
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.used_at !== null || row.expires_at <= now.toISOString()) {
      throw new AppError('UNPROCESSABLE', 'this reset link is invalid, used or expired', [
        { field: 'token', message: 'invalid, used or expired', code: 'account.resetLinkInvalid' },
      ]);
    }
    await trx
      .updateTable('password_reset')
      .set({ used_at: now.toISOString() })
      .where('token_hash', '=', row.token_hash)
      .execute();
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash })
      .where('id', '=', row.user_id)
      .execute();
    // A new password ends every existing session of that account.
    const ended = await trx
      .deleteFrom('user_session')
      .where('user_id', '=', row.user_id)
      .executeTakeFirst();
    const user = await getUser(trx, row.user_id);
    if (audit && user) {
      await appendAudit(trx, {
        ...audit,
        actor: userActor(user),
        role: userRole(user),
        at: now.toISOString(),
        before: null,
        after: { passwordChanged: true, sessionsEnded: Number(ended.numDeletedRows) },
      });
    }
  });
}
