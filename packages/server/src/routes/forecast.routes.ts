import { writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import {
  Capacity,
  CapacityQuery,
  Forecast,
  ForecastQuery,
  ForecastRegionParams,
  ModelInputs,
  Scenario,
  ScenarioCompareParams,
  ScenarioComparison,
  ScenarioCreate,
  ScenarioEntry,
  ScenarioList,
  ScenarioParams,
} from '@palliamonitor/contracts';
import {
  AppError,
  answerForecast,
  compareScenarioIds,
  factsFor,
  registryFacts,
  forecastToCsv,
  getScenarioOrThrow,
  listScenarios,
  cachedModelInputs,
  runCapacity,
  saveScenario,
} from '@palliamonitor/data';
import { FIRST_YEAR, LAST_YEAR } from '@palliamonitor/model';
import { today, type App, type AppContext } from '../context';
import { problems, ProblemResponses } from './params';
import { route, type Endpoint } from './endpoint';
import { inputsFor, scenarioFor } from './model-inputs';

/** The routes of this file as the API documents them; the handlers follow. */
const ENDPOINTS = {
  regionForecast: {
    method: 'GET',
    url: '/regions/:code/forecast',
    tags: ['prognose'],
    summary:
      'Vraag en benodigde bedden per jaar tot 2050 (Erlang B en bezettingsnorm naast elkaar)',
    description:
      'Eén rij per jaar. Met uncertainty=true is elke waarde {p10, p50, p90} uit een Monte Carlo-simulatie over de onzekere parameters. Met format=csv als CSV.',
    params: ForecastRegionParams,
    querystring: ForecastQuery,
    response: {
      200: Forecast,
      ...ProblemResponses,
    },
  },
  regionCapacity: {
    method: 'GET',
    url: '/regions/:code/capacity',
    tags: ['prognose'],
    summary:
      'Capaciteit in één jaar: bedden per poolingniveau naast de bezettingsnorm en de huidige bedden',
    params: ForecastRegionParams,
    querystring: CapacityQuery,
    response: { 200: Capacity, ...ProblemResponses },
  },
  modelInputs: {
    method: 'GET',
    url: '/model-inputs',
    tags: ['prognose'],
    summary: 'Invoer van het model per zorgkantoorregio (bevolking, sterfte, bedden per hospice)',
    description: 'Zodat de scenarioverkenner het model in de browser kan draaien.',
    response: { 200: ModelInputs },
  },
  listScenarios: {
    method: 'GET',
    url: '/scenarios',
    tags: ['scenario'],
    summary: 'Basisscenario, de drie RIVM-scenario’s 2050 en opgeslagen scenario’s',
    response: { 200: ScenarioList },
  },
  readScenario: {
    method: 'GET',
    url: '/scenarios/:id',
    tags: ['scenario'],
    summary: 'Eén scenario met al zijn parameters, elk met bron of als aanname gemarkeerd',
    params: ScenarioParams,
    response: { 200: Scenario, ...ProblemResponses },
  },
  compareScenarios: {
    method: 'GET',
    url: '/scenarios/:a/compare/:b',
    tags: ['scenario'],
    summary: 'Verschillen tussen twee scenario’s, per parameter en jaar',
    params: ScenarioCompareParams,
    response: { 200: ScenarioComparison, ...ProblemResponses },
  },
  createScenario: {
    method: 'POST',
    url: '/scenarios',
    auditedByHandler: true,
    tags: ['scenario'],
    summary:
      'Een eigen scenario opslaan (volledige definitie, zoals GET /scenarios/{id} die geeft)',
    body: ScenarioCreate,
    response: { 201: ScenarioEntry, ...problems(400, 404, 409, 422) },
  },
} satisfies Record<string, Endpoint>;

export function forecastRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.regionForecast, async (request, reply) => {
    const q = request.query;
    const from = q.from ?? FIRST_YEAR;
    const to = q.to ?? LAST_YEAR;
    if (to < from) {
      throw new AppError('VALIDATION_FAILED', 'to is before from', [
        { field: 'to', message: `must not be before from (${from})` },
      ]);
    }
    const scenario = await scenarioFor(ctx, q.scenario ?? 'baseline');
    const inputs = await inputsFor(ctx);
    const uncertainty = q.uncertainty ? { draws: q.draws ?? 1000, seed: q.seed ?? 1 } : undefined;
    const code = request.params.code;
    const asOf = today(ctx);
    const answer = answerForecast(
      inputs,
      code,
      scenario,
      {
        from,
        to,
        ...(q.target === undefined ? {} : { target: q.target }),
        ...(q.pooling === undefined ? {} : { pooling: q.pooling }),
        ...(uncertainty ? { uncertainty } : {}),
        ...(q.multipleRegistrationShare === undefined
          ? {}
          : { multipleRegistrationShare: q.multipleRegistrationShare }),
      },
      { facts: factsFor(await registryFacts(ctx.store.db, asOf), code), asOf },
    );
    if (q.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').send(forecastToCsv(answer.rows));
    }
    return {
      region: code,
      scenario: { id: scenario.id, name: scenario.name, version: scenario.version },
      uncertainty: uncertainty ?? null,
      ...answer,
    };
  });

  route(app, ENDPOINTS.regionCapacity, async (request) => {
    const q = request.query;
    const scenario = await scenarioFor(ctx, q.scenario ?? 'baseline');
    const inputs = await inputsFor(ctx);
    const year =
      q.year ?? Math.min(Math.max(Number(today(ctx).slice(0, 4)), FIRST_YEAR), LAST_YEAR);
    return runCapacity(inputs, request.params.code, scenario, {
      year,
      ...(q.target === undefined ? {} : { target: q.target }),
      ...(q.pooling === undefined ? {} : { pooling: q.pooling }),
    });
  });

  route(app, ENDPOINTS.modelInputs, async () => {
    const asOf = today(ctx);
    const [regions, facts] = await Promise.all([
      cachedModelInputs(ctx.store.db, asOf),
      registryFacts(ctx.store.db, asOf),
    ]);
    // How many facilities behind the inputs are synthetic demo data, so the explorer can say so
    // without a second request. The model's inputs are read-only; the answer is serialised.
    return {
      asOf,
      regions: regions as ModelInputs['regions'],
      syntheticFacilities: factsFor(facts, 'NL').syntheticFacilities,
    };
  });

  scenarioRoutes(app, ctx);
}

/** The scenarios the forecast runs under: list, read, compare and save. */
function scenarioRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.listScenarios, async () => {
    const entries = await listScenarios(ctx.store.db);
    return {
      items: entries.map((e) => ({
        ...e.scenario,
        builtIn: e.builtIn,
        basedOn: e.basedOn,
        createdAt: e.createdAt,
      })),
      total: entries.length,
    };
  });

  route(app, ENDPOINTS.readScenario, async (request) =>
    getScenarioOrThrow(ctx.store.db, request.params.id),
  );

  route(app, ENDPOINTS.compareScenarios, async (request) => ({
    a: request.params.a,
    b: request.params.b,
    differences: await compareScenarioIds(ctx.store.db, request.params.a, request.params.b),
  }));

  route(app, ENDPOINTS.createScenario, async (request, reply) => {
    const { basedOn, ...definition } = request.body;
    const entry = await saveScenario(
      ctx.store.db,
      definition,
      writeContextOf(ctx, request.principal),
      basedOn ?? null,
      await auditContextOf(ctx, request, 201),
    );
    reply.header('Location', `/api/v1/scenarios/${entry.scenario.id}`);
    return reply.code(201).send({
      ...entry.scenario,
      builtIn: false,
      basedOn: entry.basedOn,
      createdAt: entry.createdAt,
    });
  });
}
