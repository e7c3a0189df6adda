import { useCallback, useEffect, useRef, useState } from 'react';

export const API = '/api/v1';

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  invalidParams?: { name?: string; reason: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
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

async function problemOf(response: Response): Promise<Problem> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`${API}${path}`, {
    headers: { Accept: 'application/json' },
    ...(signal === undefined ? {} : { signal }),
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return (await response.json()) as T;
}

/** GET with the ETag, for a later conditional write. */
export async function getWithEtag<T>(
  path: string,
  signal?: AbortSignal,
): Promise<{ data: T; etag: string | null }> {
  const response = await fetch(`${API}${path}`, {
    headers: { Accept: 'application/json' },
    ...(signal === undefined ? {} : { signal }),
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return { data: (await response.json()) as T, etag: response.headers.get('ETag') };
}

export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH',
  path: string,
  body: unknown,
  etag?: string | null,
): Promise<{ data: T; etag: string | null }> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/json',
  };
  if (etag !== undefined && etag !== null) {
    headers['If-Match'] = etag;
  }
  const response = await fetch(`${API}${path}`, { method, headers, body: JSON.stringify(body) });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
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
