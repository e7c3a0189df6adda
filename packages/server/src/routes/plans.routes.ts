import {
  AppError,
  appendAudit,
  currentRegionPlan,
  currentRegionPlans,
  getRegionOrThrow,
  listRegionPlanVersions,
  planVersusNeed,
  plansToCsv,
  plansVersusNeed,
  saveRegionPlan,
  type PlanNeedOptions,
} from '@palliamonitor/data';
import {
  PlansOverview,
  PlanVersions,
  RegionPlan,
  RegionPlanPut,
  PlanNeedQuery,
  ZorgkantoorParams,
} from '@palliamonitor/contracts';
import type { RegionInput, Scenario } from '@palliamonitor/model';
import { writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import { today, type App, type AppContext } from '../context';
import { regionInScope } from './alerts.routes';
import { problems, ProblemResponses } from './params';
import { route, type Endpoint } from './endpoint';
import { inputsFor, scenarioFor } from './model-inputs';

// Regional bed agreements and plans against the need: read by everyone (aggregated figures and
// the region's public agreement), saved by the region's regisseur, every save a version.

const Params = ZorgkantoorParams;

type NeedQuery = Omit<PlanNeedQuery, 'format'>;

async function needContext(
  ctx: AppContext,
  q: NeedQuery,
): Promise<{ scenario: Scenario; inputs: RegionInput[]; options: PlanNeedOptions }> {
  return {
    scenario: await scenarioFor(ctx, q.scenario ?? 'baseline'),
    inputs: await inputsFor(ctx),
    options: { target: q.target, pooling: q.pooling, draws: q.draws },
  };
}

function inputOf(inputs: readonly RegionInput[], code: string): RegionInput {
  const input = inputs.find((r) => r.code === code);
  if (!input) {
    throw new AppError('NOT_FOUND', `unknown region ${code}`, [
      { field: 'code', message: `unknown zorgkantoorregio ${code}` },
    ]);
  }
  return input;
}

/** The routes of this file as the API documents them; the handlers follow. */
const ENDPOINTS = {
  listPlans: {
    method: 'GET',
    url: '/plans',
    tags: ['plan'],
    summary: 'De bedden­plannen van alle zorgkantoorregio’s tegen de behoefte, per jaar tot 2050',
    description: 'Met format=csv als CSV: één rij per regio en jaar.',
    querystring: PlanNeedQuery,
    response: { 200: PlansOverview, ...ProblemResponses },
  },
  readPlan: {
    method: 'GET',
    url: '/regions/:code/plan',
    tags: ['plan'],
    summary:
      'Het beddenplan van een regio: doelen, geplande wijzigingen, en per jaar tot 2050 de huidige, geplande en benodigde bedden',
    description:
      'Benodigde bedden: Erlang B bij het gekozen serviceniveau, met band (p10–p90). Met format=csv als CSV.',
    params: Params,
    querystring: PlanNeedQuery,
    response: { 200: RegionPlan, ...ProblemResponses },
  },
  planVersions: {
    method: 'GET',
    url: '/regions/:code/plan/versions',
    tags: ['plan'],
    summary: 'Alle versies van het beddenplan van een regio: wie, wanneer, wat er veranderde',
    params: Params,
    response: { 200: PlanVersions, ...ProblemResponses },
  },
  putPlan: {
    method: 'PUT',
    url: '/regions/:code/plan',
    auditedByHandler: true,
    tags: ['plan'],
    summary: 'Een nieuwe versie van het beddenplan van de regio opslaan (doelen en wijzigingen)',
    params: Params,
    body: RegionPlanPut,
    response: { 200: PlanVersions.properties.items.items, ...problems(400, 404, 409, 422) },
  },
} satisfies Record<string, Endpoint>;

export function planRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.listPlans, async (request, reply) => {
    const { scenario, inputs, options } = await needContext(ctx, request.query);
    const answer = plansVersusNeed(
      inputs,
      await currentRegionPlans(ctx.store.db),
      scenario,
      options,
      today(ctx),
    );
    if (request.query.format === 'csv') {
      reply.header('Content-Disposition', `attachment; filename="plannen-${answer.asOf}.csv"`);
      return reply.type('text/csv; charset=utf-8').send(plansToCsv(answer.regions));
    }
    return answer;
  });

  route(app, ENDPOINTS.readPlan, async (request, reply) => {
    const code = request.params.code;
    await getRegionOrThrow(ctx.store.db, code, today(ctx));
    const { scenario, inputs, options } = await needContext(ctx, request.query);
    const plan = planVersusNeed(
      inputOf(inputs, code),
      inputs,
      await currentRegionPlan(ctx.store.db, code),
      scenario,
      options,
      today(ctx),
    );
    if (request.query.format === 'csv') {
      reply.header('Content-Disposition', `attachment; filename="plan-${code}.csv"`);
      return reply.type('text/csv; charset=utf-8').send(plansToCsv([plan]));
    }
    return plan;
  });

  route(app, ENDPOINTS.planVersions, async (request, reply) => {
    const code = request.params.code;
    await regionInScope(ctx, request.principal, code, false);
    reply.header('Cache-Control', 'no-store');
    return { region: code, items: await listRegionPlanVersions(ctx.store.db, code) };
  });

  planWriteRoutes(app, ctx);
}

/** Saving a new version of a region's plan: the regisseur of the region, audited with it. */
function planWriteRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.putPlan, async (request) => {
    const code = request.params.code;
    await regionInScope(ctx, request.principal, code, true);
    const audit = await auditContextOf(ctx, request, 200);
    await ctx.store.db.transaction().execute(async (trx) => {
      const before = await currentRegionPlan(trx, code);
      const saved = await saveRegionPlan(
        trx,
        code,
        request.body,
        writeContextOf(ctx, request.principal),
      );
      await appendAudit(trx, {
        ...audit,
        regionCode: code,
        at: ctx.now().toISOString(),
        before: before ?? null,
        after: saved,
      });
    });
    const [latest] = await listRegionPlanVersions(ctx.store.db, code);
    return latest!;
  });
}
