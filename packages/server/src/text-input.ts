import { AppError, textIssue, type Issue } from '@palliamonitor/data';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './context';
import { onEachRoute } from './route-hooks';

// Text that PostgreSQL cannot hold: a NUL character (text columns refuse it, and JSON with \u0000
// cannot be cast to jsonb, so the audit entry failed after the change) and half of a UTF-16
// surrogate pair (valid in a JS string, invalid in UTF-8 and in jsonb). One check for every JSON
// body, before any route sees it; CSV cells are checked where the file is read (importers/csv.ts).

/** Every string (and object key) in a JSON value that PostgreSQL cannot store, by dotted path. */
export function unstorableText(value: unknown, path = ''): Issue[] {
  if (typeof value === 'string') {
    const issue = textIssue(value, path || 'body');
    return issue ? [issue] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => unstorableText(item, path ? `${path}.${i}` : String(i)));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const field = path ? `${path}.${key}` : key;
      return [...unstorableText(key, field), ...unstorableText(item, field)];
    });
  }
  return [];
}

/**
 * Refuses a JSON body with unstorable text (400, naming each field). Runs in preValidation after
 * the security hooks, so a caller who may not write learns nothing about how the body is judged.
 */
export function registerTextScreening(app: App): void {
  onEachRoute(app, (route) => {
    if (route.methods.every((m) => m === 'GET' || m === 'HEAD')) {
      return; // no body
    }
    route.add('preValidation', screen);
  });
}

/** Answers at once, without a promise: every write passes here. */
function screen(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (error?: Error) => void,
): void {
  // Files (CSV as text or bytes) are checked cell by cell where they are read.
  if (typeof request.body !== 'object' || request.body === null || Buffer.isBuffer(request.body)) {
    done();
    return;
  }
  const issues = unstorableText(request.body);
  if (issues.length > 0) {
    done(
      new AppError(
        'VALIDATION_FAILED',
        'the request body holds text that cannot be stored',
        issues,
      ),
    );
    return;
  }
  done();
}
