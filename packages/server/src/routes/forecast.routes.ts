import { writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import { Type } from '@sinclair/typebox';
import {
  AppError,
  answerForecast,
  compareScenarioIds,
  factsFor,
  registryFacts,
  findScenario,
  forecastToCsv,
  getScenarioOrThrow,
  listScenarios,
  cachedModelInputs,
  runCapacity,
  saveScenario,
} from '@palliamonitor/data';
import { FIRST_YEAR, HISTORY_FIRST_YEAR, LAST_YEAR, type RegionInput } from '@palliamonitor/model';
import { today, type App, type AppContext } from '../context';
import { ProblemResponses } from './params';

const RegionCode = Type.String({
  pattern: '^(ZK\\d{2}|NL)$',
  description: 'Zorgkantoorregio (ZKxx) of NL',
});
const Year = Type.Integer({ minimum: HISTORY_FIRST_YEAR, maximum: LAST_YEAR });
const Target = Type.Number({
  exclusiveMinimum: 0,
  exclusiveMaximum: 1,
  description: 'Doel-weigeringskans (Erlang B), bijv. 0.05',
});
const Pooling = Type.Union(
  [Type.Literal('hospice'), Type.Literal('cluster'), Type.Literal('region')],
  {
    description: 'Poolingniveau: elk hospice apart, clusters, of de hele regio als één pool',
  },
);
const Value = Type.Union([
  Type.Number(),
  Type.Object({ p10: Type.Number(), p50: Type.Number(), p90: Type.Number() }),
]);
const ForecastRow = Type.Object({
  year: Type.Integer(),
  deaths: Value,
  expectedDeaths: Value,
  hospiceRequests: Value,
  offeredLoad: Value,
  bedsNeededErlang: Value,
  bedsNeededNorm: Value,
  currentBeds: Value,
  gap: Value,
  refusalShareCurrentBeds: Type.Optional(Value),
  refusalsPerYearCurrentBeds: Type.Optional(Value),
  occupancyCurrentBeds: Type.Optional(Value),
  occupancyAtNeeded: Type.Optional(Value),
  meanLengthOfStay: Type.Optional(Value),
  observed: Type.Boolean({ description: 'Waargenomen jaar: sterfte volgens CBS' }),
  observedDeaths: Type.Optional(Type.Number({ description: 'Waargenomen sterfte (CBS)' })),
});
const Input = Type.Object({
  name: Type.String(),
  value: Type.Union([Type.Number(), Type.String()]),
  provenance: Type.Union([
    Type.Literal('measured'),
    Type.Literal('imported'),
    Type.Literal('assumed'),
  ]),
  source: Type.String(),
});
const Registry = Type.Object({
  facilities: Type.Integer(),
  beds: Type.Integer(),
  syntheticFacilities: Type.Integer(),
  syntheticBeds: Type.Integer(),
  restsOnSyntheticFacilities: Type.Boolean({
    description: 'De uitkomst rust (deels) op synthetische voorzieningen',
  }),
});

/** Model inputs for today; an unknown region is answered 404 by runForecast/runCapacity. */
function inputsFor(ctx: AppContext): Promise<RegionInput[]> {
  return cachedModelInputs(ctx.store.db, today(ctx));
}

async function scenarioFor(ctx: AppContext, id: string) {
  const scenario = await findScenario(ctx.store.db, id);
  if (!scenario) {
    throw new AppError('VALIDATION_FAILED', `unknown scenario ${id}`, [
      { field: 'scenario', message: `unknown scenario ${id}; see /api/v1/scenarios` },
    ]);
  }
  return scenario;
}

export function forecastRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/regions/:code/forecast',
    {
      schema: {
        tags: ['prognose'],
        summary:
          'Vraag en benodigde bedden per jaar tot 2050 (Erlang B en bezettingsnorm naast elkaar)',
        description:
          'Eén rij per jaar. Met uncertainty=true is elke waarde {p10, p50, p90} uit een Monte Carlo-simulatie over de onzekere parameters. Met format=csv als CSV.',
        params: Type.Object({ code: RegionCode }),
        querystring: Type.Object(
          {
            scenario: Type.Optional(Type.String({ default: 'baseline' })),
            from: Type.Optional(Year),
            to: Type.Optional(Year),
            target: Type.Optional(Target),
            pooling: Type.Optional(Pooling),
            uncertainty: Type.Optional(Type.Boolean()),
            draws: Type.Optional(Type.Integer({ minimum: 2, maximum: 10_000, default: 1000 })),
            seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, default: 1 })),
            format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
            multipleRegistrationShare: Type.Optional(
              Type.Number({
                minimum: 0,
                maximum: 1,
                description: 'Aandeel geweigerden dat bij meerdere hospices staat ingeschreven',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            region: Type.String(),
            scenario: Type.Object({
              id: Type.String(),
              name: Type.String(),
              version: Type.Integer(),
            }),
            uncertainty: Type.Union([
              Type.Object({ draws: Type.Integer(), seed: Type.Integer() }),
              Type.Null(),
            ]),
            rows: Type.Array(ForecastRow),
            inputs: Type.Array(Input),
            registry: Registry,
          }),
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
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
    },
  );

  app.get(
    '/regions/:code/capacity',
    {
      schema: {
        tags: ['prognose'],
        summary:
          'Capaciteit in één jaar: bedden per poolingniveau naast de bezettingsnorm en de huidige bedden',
        params: Type.Object({ code: RegionCode }),
        querystring: Type.Object(
          {
            year: Type.Optional(Year),
            target: Type.Optional(Target),
            pooling: Type.Optional(Pooling),
            scenario: Type.Optional(Type.String({ default: 'baseline' })),
          },
          { additionalProperties: false },
        ),
        response: { ...ProblemResponses },
      },
    },
    async (request) => {
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
    },
  );

  app.get(
    '/model-inputs',
    {
      schema: {
        tags: ['prognose'],
        summary:
          'Invoer van het model per zorgkantoorregio (bevolking, sterfte, bedden per hospice)',
        description: 'Zodat de scenarioverkenner het model in de browser kan draaien.',
      },
    },
    async () => {
      const asOf = today(ctx);
      const [regions, facts] = await Promise.all([
        cachedModelInputs(ctx.store.db, asOf),
        registryFacts(ctx.store.db, asOf),
      ]);
      // How many facilities behind the inputs are synthetic demo data, so the explorer can say so
      // without a second request.
      return { asOf, regions, syntheticFacilities: factsFor(facts, 'NL').syntheticFacilities };
    },
  );

  app.get(
    '/scenarios',
    {
      schema: {
        tags: ['scenario'],
        summary: 'Basisscenario, de drie RIVM-scenario’s 2050 en opgeslagen scenario’s',
      },
    },
    async () => {
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
    },
  );

  app.get(
    '/scenarios/:id',
    {
      schema: {
        tags: ['scenario'],
        summary: 'Eén scenario met al zijn parameters, elk met bron of als aanname gemarkeerd',
        params: Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }) }),
        response: { ...ProblemResponses },
      },
    },
    async (request) => getScenarioOrThrow(ctx.store.db, request.params.id),
  );

  app.get(
    '/scenarios/:a/compare/:b',
    {
      schema: {
        tags: ['scenario'],
        summary: 'Verschillen tussen twee scenario’s, per parameter en jaar',
        params: Type.Object({
          a: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
          b: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
        }),
        response: { ...ProblemResponses },
      },
    },
    async (request) => ({
      a: request.params.a,
      b: request.params.b,
      differences: await compareScenarioIds(ctx.store.db, request.params.a, request.params.b),
    }),
  );

  app.post(
    '/scenarios',
    {
      config: { auditedByHandler: true },
      schema: {
        tags: ['scenario'],
        summary:
          'Een eigen scenario opslaan (volledige definitie, zoals GET /scenarios/{id} die geeft)',
        body: Type.Object(
          {
            id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            version: Type.Literal(1),
            description: Type.String({ maxLength: 2000 }),
            parameters: Type.Object({}, { additionalProperties: true }),
            uncertainty: Type.Object({}, { additionalProperties: true }),
            basedOn: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,64}$' })),
          },
          { additionalProperties: false },
        ),
        response: { ...ProblemResponses, 409: Type.Ref('Problem'), 422: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
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
    },
  );
}
