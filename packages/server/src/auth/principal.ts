import { userActor, userRole, type UserSummary, type WriteContext } from '@palliamonitor/data';
import { type Role, type RoleGrant } from '@palliamonitor/contracts';

/** Who makes a request: nobody, a signed-in person with role grants, or a hospice system token. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: UserSummary; csrfToken: string }
  | { kind: 'token'; tokenId: string; hospiceId: string }
  | { kind: 'system' };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

export function actorOf(principal: Principal): string {
  switch (principal.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'user':
      return userActor(principal.user);
    case 'token':
      return `token:${principal.tokenId}`;
    case 'system':
      return 'system';
  }
}

/** Who writes, and when: the write context of a request by `principal`. */
export function writeContextOf(ctx: { now(): Date }, principal: Principal): WriteContext {
  return { actor: actorOf(principal), now: ctx.now() };
}

/** The role that best describes the principal, for the audit log. */
export function roleOf(principal: Principal): string {
  switch (principal.kind) {
    case 'anonymous':
      return 'public';
    case 'token':
      return 'hospice-token';
    case 'system':
      return 'system';
    case 'user':
      return userRole(principal.user);
  }
}

export function hasRole(principal: Principal, role: Role, scope?: string): boolean {
  return (
    principal.kind === 'user' &&
    principal.user.roles.some(
      (g: RoleGrant) => g.role === role && (scope === undefined || g.scope === scope),
    )
  );
}

export function regionsOf(principal: Principal): string[] {
  return principal.kind === 'user'
    ? principal.user.roles.filter((g) => g.role === 'regisseur').map((g) => g.scope!)
    : [];
}
