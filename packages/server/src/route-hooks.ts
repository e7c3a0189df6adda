import type { FastifyInstance, HTTPMethods, RouteOptions } from 'fastify';

// Hooks that only some routes need are put on those routes as they are registered, not on every
// request: each global hook is a step every public GET pays, also when it has nothing to do.

type Hooked = Pick<
  RouteOptions,
  'preHandler' | 'onSend' | 'onResponse' | 'preValidation' | 'preSerialization'
>;

/** The route as `onRoute` sees it: its methods, its full url and the hooks it carries. */
export interface RouteSeen {
  readonly methods: readonly HTTPMethods[];
  readonly url: string;
  readonly config: unknown;
  add<K extends keyof Hooked>(name: K, hook: NonNullable<Hooked[K]>): void;
}

/** Calls `fn` for each route registered from now on, in this instance and those inside it. */
export function onEachRoute(app: FastifyInstance, fn: (route: RouteSeen) => void): void {
  app.addHook('onRoute', (route) => {
    const hooks = route as Hooked;
    fn({
      methods: (Array.isArray(route.method) ? route.method : [route.method]) as HTTPMethods[],
      url: route.url,
      config: route.config,
      add(name, hook) {
        const existing = hooks[name] as unknown;
        const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
        (hooks as Record<string, unknown>)[name] = [...(list as unknown[]), hook];
      },
    });
  });
}
