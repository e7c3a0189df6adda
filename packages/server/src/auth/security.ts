import type { App, AppContext } from '../context';
import { registerAudit } from './audit';
import { resolvePrincipal } from './authenticate';
import { authorize } from './authorise';
import { checkCsrf } from './csrf';
import { setSecurityHeaders } from './headers';
import { policyFor } from './policy';
import type { Principal } from './principal';
import { createSecurityState, type SecurityState } from './security-state';

// Puts the security jobs on every route, in the order a request meets them: who is asking
// (authenticate.ts), may they (authorise.ts against policy.ts), does a signed-in write come from
// our pages (csrf.ts), the headers of every answer (headers.ts) and the audit log (audit.ts).

const states = new WeakMap<object, SecurityState>();

/**
 * Installs authentication, authorization, CSRF checks, security headers and the audit log on every
 * route. A route without a policy entry stops the server from starting.
 */
export function registerSecurity(
  app: App,
  ctx: AppContext,
  options: { tokenRatePerMinute: number },
): SecurityState {
  const state = createSecurityState(ctx, options.tokenRatePerMinute);
  // Each request's principal lives in a WeakMap; the decoration gives it a typed accessor.
  const principals = new WeakMap<object, Principal>();
  app.decorateRequest('principal', {
    getter(): Principal {
      return principals.get(this) ?? { kind: 'anonymous' };
    },
    setter(value: Principal) {
      principals.set(this, value);
    },
  });

  app.addHook('onClose', async () => {
    await Promise.allSettled([...state.deferred]);
  });

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') {
        continue;
      }
      if (!policyFor(method, route.url)) {
        throw new Error(`no policy entry for ${method} ${route.url}; add it to auth/policy.ts`);
      }
      state.routes.push({ method, url: route.url });
    }
  });

  // A public GET served from the kept answers (live/public-reads.ts) passes these hooks on every
  // request: where nothing needs waiting for, they answer at once instead of through a promise.
  app.addHook('onRequest', (request, reply, done) => {
    const { headers } = request;
    if (
      headers.authorization === undefined &&
      headers.cookie === undefined &&
      headers['x-internal-audit'] === undefined
    ) {
      done(); // no credentials of any kind: anonymous, the accessor's default
      return;
    }
    resolvePrincipal(request, ctx, state).then(
      (principal) => {
        request.principal = principal;
        done();
      },
      (error: unknown) => {
        const retryAfter = (error as { retryAfter?: number }).retryAfter;
        if (retryAfter) {
          reply.header('Retry-After', String(retryAfter));
        }
        done(error as Error);
      },
    );
  });

  // Authorization runs before body validation, so an anonymous or out-of-scope write is refused
  // (401/403) without revealing how its body would have been judged.
  app.addHook('preValidation', (request, _reply, done) => {
    const url = request.routeOptions.url;
    if (url === undefined) {
      done(); // not found: the 404 handler answers
      return;
    }
    const rule = policyFor(request.method, url)!.access;
    if (rule.kind === 'public') {
      checkCsrf(request, url); // a throw here is Fastify's to answer, as a rejection would be
      done();
      return;
    }
    authorize(request, rule, ctx)
      .then(() => checkCsrf(request, url))
      .then(() => done(), done);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    setSecurityHeaders(request, reply);
    done(null, payload);
  });
  registerAudit(app, ctx, state);

  states.set(app, state);
  return state;
}

/** The security state of a built app (its route list, limits), for tests and diagnostics. */
export function securityOf(app: object): SecurityState {
  const state = states.get(app);
  if (!state) {
    throw new Error('this app was built without security');
  }
  return state;
}
