import { randomBytes } from 'node:crypto';
import { createUser, DEMO_PASSWORD, type Store } from '@palliamonitor/data';
import type { App } from '../src/context';
import { runCommand } from '../bench/server-process';

/** Creates an administrator account and signs it in; the headers authorize any write. */
export async function adminHeaders(app: App, store: Store): Promise<Record<string, string>> {
  const email = `beheer-${randomBytes(4).toString('hex')}@test.palliamonitor.nl`;
  await createUser(
    store.db,
    {
      email,
      name: 'Test beheerder',
      password: DEMO_PASSWORD,
      roles: [{ role: 'administrator', scope: null }],
    },
    new Date(),
  );
  return signIn(app, email);
}

/** Creates an account with one role (and its scope) and signs it in. */
export async function roleHeaders(
  app: App,
  store: Store,
  role: string,
  scope: string | null,
): Promise<Record<string, string>> {
  const email = `${role}-${String(scope)}-${randomBytes(4).toString('hex')}@test.palliamonitor.nl`;
  await createUser(
    store.db,
    { email, name: 'Test', password: DEMO_PASSWORD, roles: [{ role: role as never, scope }] },
    new Date(),
  );
  return signIn(app, email);
}

async function signIn(app: App, email: string): Promise<Record<string, string>> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) {
    throw new Error(`sign-in failed: ${res.body}`);
  }
  return {
    cookie: String(res.headers['set-cookie']).split(';')[0]!,
    'x-csrf-token': res.json().csrfToken,
  };
}

/**
 * The app as an administrator sees it: every inject carries the administrator's session (a test's
 * own headers win). Suites that move their clock past the session's lifetime get a fresh sign-in.
 * For behaviour behind authorization; the authorization matrix tests access itself.
 */
export async function asAdmin(app: App, store: Store): Promise<App> {
  let headers = await adminHeaders(app, store);
  const email = (await app.inject({ url: '/api/v1/auth/me', headers })).json().user.email as string;
  return new Proxy(app, {
    get(target, property, receiver) {
      if (property !== 'inject') {
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      }
      return async (options: string | { url?: string; headers?: Record<string, string> }) => {
        const normalised: { url?: string; headers?: Record<string, string> } =
          typeof options === 'string' ? { url: options } : options;
        const send = () =>
          target.inject({
            ...normalised,
            headers: { ...headers, ...(normalised.headers ?? {}) },
          } as never);
        const res = await send();
        if (res.statusCode !== 401) {
          return res;
        }
        headers = await signIn(target, email);
        return send();
      };
    },
  });
}

/** Creates an administrator with the CLI (as an operator would) and signs in over HTTP. */
export async function createAdminWithCli(
  env: NodeJS.ProcessEnv,
): Promise<{ email: string; password: string }> {
  const email = `beheer-${randomBytes(4).toString('hex')}@test.palliamonitor.nl`;
  const password = DEMO_PASSWORD;
  const result = await runCommand(
    ['user', 'create', '--email', email, '--name', 'Beheerder', '--role', 'administrator'],
    { ...env, PALLIAMONITOR_PASSWORD: password },
  );
  if (result.code !== 0) {
    throw new Error(`user create failed: ${result.err}`);
  }
  return { email, password };
}

export async function signInOverHttp(
  base: string,
  credentials: { email: string; password: string },
): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (res.status !== 200) {
    throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  }
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': body.csrfToken };
}
