import {
  appendAudit,
  currentTransformationPlan,
  currentTransformationPlans,
  getRegionOrThrow,
  listRegions,
  listTransformationVersions,
  noTransformationPlan,
  saveTransformationPlan,
} from '@palliamonitor/data';
import {
  TransformationPlan,
  TransformationPlanPut,
  TransformationPlans,
  TransformationVersions,
  ZorgkantoorParams,
} from '@palliamonitor/contracts';
import { writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import { today, type App, type AppContext } from '../context';
import { regionInScope } from './alerts.routes';
import { problems, ProblemResponses } from './params';
import { route, type Endpoint } from './endpoint';

// The status of each region's palliative-care transformation plan: public (the national map
// reads all regions in one request), set by the region's regisseur, every save a version.

const Params = ZorgkantoorParams;

/** A stored status as the public reads it: without who saved it. */
function publicView(
  plan: ReturnType<typeof noTransformationPlan>,
  name: string,
): TransformationPlan {
  const { savedBy: _savedBy, ...rest } = plan;
  return { ...rest, name };
}

/** The routes of this file as the API documents them; the handlers follow. */
const ENDPOINTS = {
  listPlans: {
    method: 'GET',
    url: '/transformation-plans',
    tags: ['plan'],
    summary: 'De status van het transformatieplan van alle zorgkantoorregio’s',
    response: { 200: TransformationPlans, ...ProblemResponses },
  },
  readPlan: {
    method: 'GET',
    url: '/regions/:code/transformation-plan',
    tags: ['plan'],
    summary: 'De status van het transformatieplan van een regio, met datums en link',
    params: Params,
    response: { 200: TransformationPlan, ...ProblemResponses },
  },
  planVersions: {
    method: 'GET',
    url: '/regions/:code/transformation-plan/versions',
    tags: ['plan'],
    summary: 'Alle versies van de status van het transformatieplan: wie, wanneer, wat',
    params: Params,
    response: { 200: TransformationVersions, ...ProblemResponses },
  },
  putPlan: {
    method: 'PUT',
    url: '/regions/:code/transformation-plan',
    auditedByHandler: true,
    tags: ['plan'],
    summary: 'Een nieuwe versie van de status van het transformatieplan van de regio opslaan',
    description: 'De link moet een https-adres zijn; datums niet na vandaag en in volgorde.',
    params: Params,
    body: TransformationPlanPut,
    response: { 200: TransformationPlan, ...problems(400, 404, 409, 422) },
  },
} satisfies Record<string, Endpoint>;

export function transformationRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.listPlans, async () => {
    const asOf = today(ctx);
    const [regions, plans] = await Promise.all([
      listRegions(ctx.store.db, { type: 'zorgkantoorregio', asOf, limit: 1000, offset: 0 }),
      currentTransformationPlans(ctx.store.db),
    ]);
    return {
      items: regions.items.map((r) =>
        publicView(plans.get(r.code) ?? noTransformationPlan(r.code), r.name),
      ),
    };
  });

  route(app, ENDPOINTS.readPlan, async (request) => {
    const code = request.params.code;
    const region = await getRegionOrThrow(ctx.store.db, code, today(ctx));
    return publicView(await currentTransformationPlan(ctx.store.db, code), region.name);
  });

  route(app, ENDPOINTS.planVersions, async (request, reply) => {
    const code = request.params.code;
    await regionInScope(ctx, request.principal, code, false);
    reply.header('Cache-Control', 'no-store');
    return { region: code, items: await listTransformationVersions(ctx.store.db, code) };
  });

  route(app, ENDPOINTS.putPlan, async (request) => {
    const code = request.params.code;
    const region = await regionInScope(ctx, request.principal, code, true);
    const audit = await auditContextOf(ctx, request, 200);
    const saved = await ctx.store.db.transaction().execute(async (trx) => {
      const before = await currentTransformationPlan(trx, code);
      const after = await saveTransformationPlan(trx, code, request.body, {
        ...writeContextOf(ctx, request.principal),
        today: today(ctx),
      });
      await appendAudit(trx, {
        ...audit,
        regionCode: code,
        at: ctx.now().toISOString(),
        before: before.version === 0 ? null : before,
        after,
      });
      return after;
    });
    return publicView(saved, region.name);
  });
}
