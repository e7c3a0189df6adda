// Who is signed in, for the whole app: a tiny store read with useSyncExternalStore. It holds the
// session's CSRF token, which every write must echo (the session cookie itself is HttpOnly and never
// readable here). Loaded from GET /auth/me when the app starts; set by sign-in and sign-out.
import { useSyncExternalStore } from 'react';
import {
  PERMISSIONS,
  type Me,
  type Permission,
  type Role,
  type User,
} from '@palliamonitor/contracts';

export type Session =
  | { kind: 'loading' }
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      user: User;
      csrfToken: string;
      /** What the server's access policy lets this person do (GET /auth/me, sign-in). */
      permissions: readonly Permission[];
    };

/** The permissions of a session answer that this interface knows (an older one may lack them). */
export function knownPermissions(value: unknown): Permission[] {
  return Array.isArray(value)
    ? value.filter((p): p is Permission => (PERMISSIONS as readonly unknown[]).includes(p))
    : [];
}

/** Whether the server's policy lets this session do it (for some hospice or region of theirs). */
export function mayDo(session: Session, permission: Permission): boolean {
  return session.kind === 'user' && session.permissions.includes(permission);
}

let current: Session = { kind: 'loading' };
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSession(): Session {
  return current;
}

export function setSession(next: Session): void {
  current = next;
  listeners.forEach((listener) => listener());
}

/** The session's CSRF token, for the X-CSRF-Token header of a write; null when not signed in. */
export function csrfToken(): string | null {
  return current.kind === 'user' ? current.csrfToken : null;
}

/** A write was refused with 401: the session has ended (expired, or signed out elsewhere). */
export function sessionExpired(): void {
  if (current.kind !== 'anonymous') {
    setSession({ kind: 'anonymous' });
  }
}

export function useSession(): Session {
  return useSyncExternalStore(subscribe, getSession);
}

export function hasRole(session: Session, role: Role, scope?: string): boolean {
  return (
    session.kind === 'user' &&
    session.user.roles.some((g) => g.role === role && (scope === undefined || g.scope === scope))
  );
}

/**
 * Whether this person may write for the hospice (the server's rule, mirrored to decide what to
 * show): its editors, the regisseur of its zorgkantoorregio, administrators.
 */
export function mayWriteForHospice(
  session: Session,
  hospiceId: string,
  regionCode: string | null,
): boolean {
  return (
    hasRole(session, 'administrator') ||
    hasRole(session, 'hospice-editor', hospiceId) ||
    (regionCode !== null && hasRole(session, 'regisseur', regionCode))
  );
}

/** Whether this person may read the audit log of the region (its regisseur, administrators). */
export function mayReadRegionAudit(session: Session, regionCode: string): boolean {
  return hasRole(session, 'administrator') || hasRole(session, 'regisseur', regionCode);
}

/** Reads GET /auth/me. A failure leaves the visitor anonymous: public pages still work. */
export async function loadSession(): Promise<void> {
  try {
    const response = await fetch('/api/v1/auth/me', {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    const me = response.ok ? ((await response.json()) as Me) : null;
    setSession(
      me?.kind === 'user'
        ? {
            kind: 'user',
            user: me.user,
            csrfToken: me.csrfToken,
            permissions: knownPermissions(me.permissions),
          }
        : { kind: 'anonymous' },
    );
  } catch {
    setSession({ kind: 'anonymous' });
  }
}
