import { useCallback, useEffect, useRef, useState } from 'react';
import { navigate } from '../router';
import type { Problem } from '@palliamonitor/contracts';
import { csrfToken, loadSession, sessionExpired } from './session';

export const API = '/api/v1';

/**
 * A problem as the client holds it: the server's problem document, or as much of one as a failed
 * request gave (a network error, a proxy's HTML page), hence every field optional.
 */
export type ReceivedProblem = Partial<Problem>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ReceivedProblem,
    /** Seconds from a Retry-After header (429), or null. */
    readonly retryAfter: number | null = null,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /**
   * True when the route itself does not exist (yet): the server's fallback 404 says
   * "no resource at ...". Pages show "nog niet beschikbaar" then, never invented numbers.
   */
  get isMissingEndpoint(): boolean {
    return (
      (this.status === 404 && (this.problem.detail ?? '').startsWith('no resource at')) ||
      this.status === 501
    );
  }
}

async function problemOf(response: Response): Promise<ReceivedProblem> {
  try {
    return (await response.json()) as ReceivedProblem;
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const retry = Number(response.headers.get('Retry-After'));
  return new ApiError(
    response.status,
    await problemOf(response),
    Number.isFinite(retry) && retry > 0 ? Math.ceil(retry) : null,
  );
}

/** The sign-in page with a way back to where the user is now (or `to`). */
export function signInHref(to?: string): string {
  const back = to ?? window.location.pathname + window.location.search;
  return back === '/' || back.startsWith('/aanmelden')
    ? '/aanmelden'
    : `/aanmelden?terug=${encodeURIComponent(back)}`;
}

/**
 * Where to go after signing in: a path on this site only (never `//elsewhere` or a full URL, so the
 * return parameter cannot send anyone off-site).
 */
export function safeReturnPath(value: string | null): string {
  return value !== null &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/\\') &&
    !value.startsWith('/aanmelden')
    ? value
    : '/';
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await getWithEtag<T>(path, signal)).data;
}

/** GET with the ETag, for a later conditional write. */
export async function getWithEtag<T>(
  path: string,
  signal?: AbortSignal,
): Promise<{ data: T; etag: string | null }> {
  const response = await fetch(`${API}${path}`, {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
    ...(signal === undefined ? {} : { signal }),
  });
  if (!response.ok) {
    throw await errorOf(response);
  }
  return { data: (await response.json()) as T, etag: response.headers.get('ETag') };
}

export interface SendOptions {
  /** Sent as If-Match, for a conditional write. */
  etag?: string | null;
  /**
   * What a 401 means. 'sign-in' (the default): the session is gone, so the user is sent to the
   * sign-in page with a way back. 'throw': the caller handles it (the sign-in form itself).
   */
  onUnauthorized?: 'sign-in' | 'throw';
}

/**
 * A write (POST, PUT, PATCH, DELETE). Sends the session cookie and the session's CSRF token, which the
 * server requires on every write made with a cookie. A 401 sends the user to sign in (the write is
 * not retried: the user sees the page again after signing in and taps again).
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: SendOptions = {},
  isRetry = false,
): Promise<{ data: T; etag: string | null }> {
  const { etag, onUnauthorized = 'sign-in' } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (etag !== undefined && etag !== null) {
    headers['If-Match'] = etag;
  }
  const csrf = csrfToken();
  if (csrf !== null) {
    headers['X-CSRF-Token'] = csrf;
  }
  const response = await fetch(`${API}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) {
    const error = await errorOf(response);
    // A stale CSRF token (the user signed in again in another tab): fetch the session's current
    // token and try once more.
    if (
      response.status === 403 &&
      !isRetry &&
      csrf !== null &&
      (error.problem.detail ?? '').includes('X-CSRF-Token')
    ) {
      await loadSession();
      const fresh = csrfToken();
      if (fresh !== null && fresh !== csrf) {
        return sendJson<T>(method, path, body, options, true);
      }
    }
    if (response.status === 401 && onUnauthorized === 'sign-in') {
      sessionExpired();
      navigate(signInHref());
    }
    throw error;
  }
  const text = await response.text();
  return {
    data: (text === '' ? null : JSON.parse(text)) as T,
    etag: response.headers.get('ETag'),
  };
}

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ok'; data: T }
  | { state: 'unavailable' }
  | { state: 'error'; error: ApiError | Error };

/**
 * Loads a GET path (null = nothing to load) and reloads when it changes or on reload(). Keeps the
 * previous data while reloading, so live updates do not flash a loading state.
 */
export function useApi<T>(path: string | null): Loadable<T> & { reload: () => void } {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  const lastPath = useRef<string | null>(null);
  useEffect(() => {
    if (path === null) {
      return undefined;
    }
    const controller = new AbortController();
    if (lastPath.current !== path) {
      setResult({ state: 'loading' });
      lastPath.current = path;
    }
    getJson<T>(path, controller.signal).then(
      (data) => setResult({ state: 'ok', data }),
      (error: unknown) => {
        if (controller.signal.aborted) {
          return;
        }
        if (error instanceof ApiError && error.isMissingEndpoint) {
          setResult({ state: 'unavailable' });
        } else {
          setResult({
            state: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          });
        }
      },
    );
    return () => controller.abort();
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...result, reload };
}
