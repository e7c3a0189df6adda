import type { FastifyRequest } from 'fastify';
import { AppError } from '@palliamonitor/data';

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Writes that start or recover a session: no session to protect yet, so no CSRF token. */
const NO_CSRF = new Set([
  '/api/v1/auth/sign-in',
  '/api/v1/auth/password-reset',
  '/api/v1/auth/password-reset/confirm',
]);

/**
 * Cookies are sent by the browser on its own; a write made with one must prove it comes from our
 * pages by echoing the session's CSRF token (tokens and anonymous requests carry none).
 */
export function checkCsrf(request: FastifyRequest, url: string): void {
  const p = request.principal;
  if (
    p.kind === 'user' &&
    WRITE_METHODS.has(request.method) &&
    request.headers['x-csrf-token'] !== p.csrfToken &&
    !NO_CSRF.has(url)
  ) {
    throw new AppError(
      'FORBIDDEN',
      'missing or wrong X-CSRF-Token header for a signed-in write',
      [],
      { code: 'access.csrf' },
    );
  }
}
