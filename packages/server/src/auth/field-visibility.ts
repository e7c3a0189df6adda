import type { App } from '../context';
import { onEachRoute } from '../route-hooks';
import { audienceOf, FIELD_RULES, policyFor, type Audience } from './policy';

// Cuts every filtered answer to what its caller may see. What that is, is decided in the policy
// (auth/policy.ts: each route's view, each audience, the field rules; see
// docs/decisions/0003-field-visibility.md); this applies it, and the field-visibility test walks
// the policy for every role.

const RANK: Record<Audience, number> = { public: 0, professional: 1, identity: 2 };

/**
 * `value` as `audience` may see it. Copies only the objects that change, so a large answer without
 * such fields costs one walk.
 */
export function visibleTo<T>(audience: Audience, value: T): T {
  if (audience === 'identity') {
    return value;
  }
  return hide(value, RANK[audience]) as T;
}

function hide(value: unknown, rank: number): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const item = value[i] as unknown;
      if (item === null || typeof item !== 'object') {
        continue;
      }
      const next = hide(item, rank);
      if (next !== item) {
        copy ??= value.slice();
        copy[i] = next;
      }
    }
    return copy ?? value;
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const rule = FIELD_RULES[key];
    const next =
      rule !== undefined && RANK[rule.seenBy] > rank
        ? rule.otherwise(item)
        : item !== null && typeof item === 'object'
          ? hide(item, rank)
          : item;
    if (next !== item) {
      copy ??= { ...(value as Record<string, unknown>) };
      copy[key] = next;
    }
  }
  return copy ?? value;
}

/** The form of a value for everyone (the live feed sends one frame to all its subscribers). */
export function publicForm<T>(value: T): T {
  return visibleTo('public', value);
}

/**
 * Cuts every filtered answer to what its caller may see before it is serialised. Only routes with
 * a filtered method carry the hook (a write's answer is for those who may see all of it), and it
 * answers at once, without a promise.
 */
export function registerFieldVisibility(app: App): void {
  onEachRoute(app, (route) => {
    if (!route.methods.some((m) => policyFor(m, route.url)?.view === 'filtered')) {
      return;
    }
    route.add('preSerialization', (request, _reply, payload, done) => {
      const url = request.routeOptions.url;
      if (url === undefined || policyFor(request.method, url)?.view !== 'filtered') {
        done(null, payload);
        return;
      }
      done(null, visibleTo(audienceOf(request.principal), payload));
    });
  });
}
