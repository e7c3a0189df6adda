// Signing in and out, and loading the session when the app starts (see session.ts).
import { ApiError, sendJson } from './client';
import type { SignInAnswer, User } from '@palliamonitor/contracts';
import { knownPermissions, setSession } from './session';

export { loadSession } from './session';

/** Signs in; throws the ApiError (401 wrong address or password, 429 too many attempts). */
export async function signIn(email: string, password: string): Promise<User> {
  // An older server may send no permissions; knownPermissions reads whatever came.
  const { data } = await sendJson<Omit<SignInAnswer, 'permissions'> & { permissions?: unknown }>(
    'POST',
    '/auth/sign-in',
    { email, password },
    { onUnauthorized: 'throw' },
  );
  setSession({
    kind: 'user',
    user: data.user,
    csrfToken: data.csrfToken,
    permissions: knownPermissions(data.permissions),
  });
  return data.user;
}

export async function signOut(): Promise<void> {
  try {
    await sendJson('POST', '/auth/sign-out', undefined, { onUnauthorized: 'throw' });
  } catch (error) {
    // Already signed out on the server (expired session): the result is the same.
    if (!(error instanceof ApiError && error.status === 401)) {
      throw error;
    }
  }
  setSession({ kind: 'anonymous' });
}
