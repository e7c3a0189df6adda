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

  app.addHook('onRequest', async (request, reply) => {
    try {
      request.principal = await resolvePrincipal(request, ctx, state);
    } catch (error) {
      const retryAfter = (error as { retryAfter?: number }).retryAfter;
      if (retryAfter) {
        reply.header('Retry-After', String(retryAfter));
      }
      throw error;
    }
  });

  // Authorization runs before body validation, so an anonymous or out-of-scope write is refused
  // (401/403) without revealing how its body would have been judged.
  app.addHook('preValidation', async (request) => {
    const url = request.routeOptions.url;
    if (url === undefined) {
      return; // not found: the 404 handler answers
    }
    await authorize(request, policyFor(request.method, url)!.access, ctx);
    checkCsrf(request, url);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    setSecurityHeaders(request, reply);
    return payload;
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
