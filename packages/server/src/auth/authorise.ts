import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { CodedMessage, MessageCode } from '@palliamonitor/contracts';
import {
  AppError,
  regionOfHospice,
  zorgkantoorregioOfGemeente,
  type Database,
  type StatisticsScope,
} from '@palliamonitor/data';
import type { AppContext } from '../context';
import { policyFor, type AccessRule } from './policy';
import { hasRole, regionsOf, type Principal } from './principal';

// Decides a request against its route's access rule (auth/policy.ts). Runs before the body is
// validated, so a refused caller learns nothing about how the body would have been judged.

/** The names of the access messages (`access.<name>` in the registry). */
type AccessCode = {
  [C in MessageCode]: C extends `access.${infer N}` ? N : never;
}[MessageCode];

function deny(why: string, code: AccessCode, params?: Record<string, string>): never {
  throw new AppError('FORBIDDEN', why, [], {
    code: `access.${code}`,
    ...(params === undefined ? {} : { params }),
  } as CodedMessage);
}

/**
 * Whether the principal may write for this hospice: its token, its editors, its regisseur, admins.
 * `db` is the store, or the transaction of the write that asks (a file with rows for several
 * hospices asks per row, inside its transaction).
 */
export async function mayActOnHospice(
  p: Principal,
  hospiceId: string,
  db: Kysely<Database> | Transaction<Database>,
): Promise<boolean> {
  if (p.kind === 'system' || hasRole(p, 'administrator')) {
    return true;
  }
  if (p.kind === 'token') {
    return p.hospiceId === hospiceId;
  }
  if (p.kind !== 'user') {
    return false;
  }
  if (hasRole(p, 'hospice-editor', hospiceId)) {
    return true;
  }
  // Asked before the path is validated: text that is no hospice id (a NUL the store refuses, say)
  // is no hospice of the caller's region, and never reaches a query.
  if (!/^[A-Za-z0-9-]{1,64}$/.test(hospiceId)) {
    return false;
  }
  const region = await regionOfHospice(db, hospiceId);
  return region !== null && regionsOf(p).includes(region);
}

const gemeenteOfBody = (request: FastifyRequest): unknown =>
  (request.body as { gemeenteCode?: unknown } | undefined)?.gemeenteCode;

/** A hospice's own staff, its regisseur or an administrator; a change may also move it. */
async function authorizeHospice(
  request: FastifyRequest,
  rule: Extract<AccessRule, { kind: 'hospice' | 'registry-change' }>,
  ctx: AppContext,
): Promise<void> {
  const p = request.principal;
  const hospiceId = (request.params as { id?: string }).id ?? '';
  if (p.kind === 'token' && (rule.kind === 'registry-change' || !rule.tokens)) {
    deny('a token may not do this; sign in', 'tokenNotAllowed');
  }
  if (!(await mayActOnHospice(p, hospiceId, ctx.store.db))) {
    if (p.kind === 'token') {
      deny('this token is not for this hospice', 'tokenOtherHospice');
    }
    deny(
      'only this hospice’s editors, its regisseur or an administrator may do this',
      'notThisHospice',
    );
  }
  if (rule.kind === 'hospice') {
    return;
  }
  // The caller may act on the hospice as it is; a move must leave it where they may act too.
  // An unknown gemeente moves it nowhere: the change itself is refused (422) for that.
  const to = await zorgkantoorregioOfGemeente(ctx.store.db, gemeenteOfBody(request));
  const from = await regionOfHospice(ctx.store.db, hospiceId);
  if (to !== null && to !== from && !regionsOf(p).includes(to)) {
    deny(
      'only the regisseur of both regions or an administrator moves a hospice to another region',
      'registryMove',
      { from: from ?? '', to },
    );
  }
}

/** Decides a request against its rule; throws 401 (not signed in) or 403 (wrong scope). */
export async function authorize(
  request: FastifyRequest,
  rule: AccessRule,
  ctx: AppContext,
): Promise<void> {
  const p = request.principal;
  if (p.kind === 'system' || rule.kind === 'public') {
    return;
  }
  if (p.kind === 'anonymous') {
    throw new AppError('UNAUTHORIZED', 'sign in or use an API token for this request');
  }
  if (hasRole(p, 'administrator')) {
    return;
  }
  switch (rule.kind) {
    case 'signed-in':
      if (p.kind !== 'user') {
        deny('this needs a signed-in person, not a token', 'personOnly');
      }
      return;
    case 'roles':
      if (!rule.roles.some((r) => hasRole(p, r))) {
        deny(`this needs the role ${rule.roles.join(' or ')}`, 'needsRole', {
          roles: rule.roles.join(', '),
        });
      }
      return;
    case 'registry-create': {
      const region = await zorgkantoorregioOfGemeente(ctx.store.db, gemeenteOfBody(request));
      if (region === null || !regionsOf(p).includes(region)) {
        deny(
          'only the regisseur of the region or an administrator registers a hospice',
          'registryCreate',
        );
      }
      return;
    }
    case 'hospice':
    case 'registry-change':
      return authorizeHospice(request, rule, ctx);
    case 'hospice-rows':
      if (!(p.kind === 'token' || hasRole(p, 'hospice-editor') || hasRole(p, 'regisseur'))) {
        deny('only hospice staff, regisseurs and administrators submit returns', 'returns');
      }
      return;
  }
}

/**
 * Whether the principal may read the registrations behind a scope's figures: of a hospice, as
 * its registrations' own reads (`mayActOnHospice`); of a zorgkantoorregio or a gemeente in it,
 * its regisseur. A province or the country: administrators only (they span regions).
 */
async function mayReadRegistrationsOf(
  p: Principal,
  scope: StatisticsScope,
  db: Kysely<Database>,
): Promise<boolean> {
  if (scope.kind === 'hospice') {
    return mayActOnHospice(p, scope.hospiceId, db);
  }
  if (p.kind === 'system' || hasRole(p, 'administrator')) {
    return true;
  }
  const regions = regionsOf(p);
  if (regions.length === 0) {
    return false;
  }
  if (regions.includes(scope.code)) {
    return true;
  }
  const region = await zorgkantoorregioOfGemeente(db, scope.code);
  return region !== null && regions.includes(region);
}

/**
 * Whether this request's answer shows the small counts of people of `scope` as they are: as its
 * route's policy says (`smallCounts`); otherwise they are suppressed.
 */
export async function seesSmallCounts(
  request: FastifyRequest,
  scope: StatisticsScope,
  ctx: AppContext,
): Promise<boolean> {
  const url = request.routeOptions.url;
  const policy = url === undefined ? undefined : policyFor(request.method, url);
  if (policy?.smallCounts !== 'registrations') {
    return false;
  }
  return mayReadRegistrationsOf(request.principal, scope, ctx.store.db);
}
