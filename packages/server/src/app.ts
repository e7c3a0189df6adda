import Fastify, { type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { dutchDate, findHospice, findRegion } from '@palliamonitor/data';
import { HOSPICE_ID_PATTERN, Problem } from '@palliamonitor/contracts';
import { API_VERSION, type App, type AppContext } from './context';
import { registerErrorHandling } from './errors';
import { serializersOnFirstUse, strictBodies } from './schema-compilers';
import { healthRoutes } from './routes/health.routes';
import { regionRoutes } from './routes/regions.routes';
import { hospiceRoutes } from './routes/hospices.routes';
import { overviewRoutes } from './routes/overview.routes';
import { forecastRoutes } from './routes/forecast.routes';
import { openCollectionContext } from './live/collection-context';
import { bedStatusRoutes } from './routes/bed-status.routes';
import { movementRoutes } from './routes/movements.routes';
import { statisticsRoutes } from './routes/statistics.routes';
import { indicatorRoutes } from './routes/indicators.routes';
import { returnRoutes } from './routes/returns.routes';
import { bedFinderRoutes } from './routes/beds.routes';
import { alertRoutes } from './routes/alerts.routes';
import { registerWeb } from './web';
import { API_PREFIX, openApiOptions } from './openapi';
import { registerSecurity } from './auth/security';
import { trustedProxyHops } from './auth/authenticate';
import { readConfig, type Config } from './config';
import { registerTextScreening } from './text-input';
import { registerFieldVisibility } from './auth/field-visibility';
import { registerPublicReads } from './live/public-reads';
import { authRoutes } from './routes/auth.routes';
import { mailTransportOf, type MailTransport } from './mail';
import { calculatorRoutes } from './routes/calculators.routes';
import { costRoutes } from './routes/cost.routes';
import { planRoutes } from './routes/plans.routes';
import { firstViewRoutes } from './routes/first-views.routes';
import { reportRoutes } from './routes/reports.routes';
import { makeMonthlyReports, scheduleMonthlyReports } from './reports/monthly-reports';
import { completenessRoutes } from './routes/completeness.routes';
import { openDataRoutes } from './routes/open-data.routes';
import { transformationRoutes } from './routes/transformation.routes';
import { organisationRoutes } from './routes/organisation.routes';

export { API_VERSION };

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  /** Hours after which an unconfirmed bed status counts as unknown; default FRESHNESS_HOURS or 24. */
  freshnessHours?: number;
  /** Where password-reset links go; default: SMTP_URL, else the server log (development). */
  mail?: MailTransport;
  /** The configuration; default: read from the environment (config.ts). */
  config?: Config;
  /** Make and keep the monthly reports on a timer (the served app; tests trigger runs instead). */
  scheduleReports?: boolean;
}

/**
 * Builds the application without listening, so tests call it with `app.inject()`. The schemas on
 * the routes validate requests and are also the OpenAPI document at /api/v1/openapi.json.
 */
export async function buildApp(
  store: AppContext['store'],
  options: BuildOptions = {},
): Promise<App> {
  const config = options.config ?? readConfig();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // /regio/ZK23/ is the same page as /regio/ZK23 (bookmarks and hand-typed links).
    routerOptions: { ignoreTrailingSlash: true },
    // Behind a TLS-terminating proxy, X-Forwarded-Proto tells us the request was https, and the
    // client's address is the one that proxy saw (the rightmost hop), not one the client wrote.
    trustProxy: trustedProxyHops(config.trustProxyHops),
    ajv: {
      // Reject unknown fields instead of silently dropping them, and report every failing field.
      customOptions: { removeAdditional: false, allErrors: true },
    },
    schemaController: {
      compilersFactory: {
        buildValidator: strictBodies(),
        buildSerializer: serializersOnFirstUse(),
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const ctx: AppContext = { store, now: options.now ?? (() => new Date()), config };

  registerErrorHandling(app);
  // Before any route: authentication, the policy entry of every route, CSRF, headers, audit log.
  const security = registerSecurity(app as unknown as App, ctx, {
    tokenRatePerMinute: config.tokenRatePerMinute,
  });
  registerTextScreening(app as unknown as App);
  // What each caller sees of an answer, as the policy says: contact details, who recorded what.
  registerFieldVisibility(app as unknown as App);
  const mail = options.mail ?? mailTransportOf(config, (line) => app.log.warn(line));
  app.addHook('onClose', async () => mail.close?.());
  app.addSchema(Problem);
  await app.register(swagger, openApiOptions);
  app.addHook('onSend', (_request, reply, payload, done) => {
    // API-57: every response states the version of the API.
    reply.header('API-Version', API_VERSION);
    done(null, payload);
  });

  const collection = await openCollectionContext(app, ctx, {
    freshnessHours: options.freshnessHours,
  });
  // ETags, 304 and a few seconds' memory of public answers (live/public-reads.ts).
  registerPublicReads(app, ctx).followLiveFeed(collection.hub);
  await app.register(
    async (api) => {
      const typed = api as unknown as App;
      healthRoutes(typed, ctx);
      regionRoutes(typed, ctx);
      hospiceRoutes(typed, ctx);
      overviewRoutes(typed, ctx);
      forecastRoutes(typed, ctx);
      bedStatusRoutes(typed, ctx, collection);
      movementRoutes(typed, ctx, collection);
      statisticsRoutes(typed, ctx, collection);
      indicatorRoutes(typed, ctx, collection);
      returnRoutes(typed, ctx);
      bedFinderRoutes(typed, ctx, collection);
      alertRoutes(typed, ctx);
      authRoutes(typed, ctx, security, mail);
      calculatorRoutes(typed);
      costRoutes(typed, ctx, collection);
      planRoutes(typed, ctx);
      firstViewRoutes(typed, ctx, collection);
      reportRoutes(typed, ctx, collection);
      completenessRoutes(typed, ctx, collection.freshnessHours);
      openDataRoutes(typed, ctx, collection);
      transformationRoutes(typed, ctx);
      organisationRoutes(typed, ctx, collection);
      // API-51: the document itself is part of the API, at the root of the version.
      typed.get(
        '/openapi.json',
        {
          schema: {
            tags: ['status'],
            summary: 'Dit OpenAPI-document (OpenAPI 3.1)',
            response: { 200: Type.Object({}, { additionalProperties: true }) },
          },
        },
        async () => app.swagger(),
      );
    },
    { prefix: API_PREFIX },
  );
  // The web application (packages/web/dist) on the same port; see web.ts.
  await registerWeb(app, {
    ...(config.webDist === undefined ? {} : { root: config.webDist }),
    pageExists: async (kind, key) => {
      const today = dutchDate(ctx.now());
      return kind === 'region'
        ? (await findRegion(ctx.store.db, key.toUpperCase(), today))?.type === 'zorgkantoorregio'
        : new RegExp(HOSPICE_ID_PATTERN).test(key) &&
            (await findHospice(ctx.store.db, key, today)) !== undefined;
    },
  });
  if (options.scheduleReports === true) {
    const schedule = scheduleMonthlyReports(
      () => makeMonthlyReports(ctx, collection.freshnessHours),
      (line) => app.log.info(line),
    );
    app.addHook('onClose', async () => schedule.stop());
  }
  await app.ready();
  return app as unknown as App;
}
