import { Type, type TSchema } from '@sinclair/typebox';
import {
  CURVE_PARAMS,
  NORM_PARAMS,
  OCCUPANCY_PARAMS,
  SIMULATION_PARAMS,
  runErlangCurve,
  runNorm,
  runOccupancy,
  runSimulation,
  type ParamSpec,
  type ParamSpecs,
} from '@palliamonitor/data';
import {
  ErlangCurve,
  NormResult,
  OccupancyResult,
  SimulationResult,
} from '@palliamonitor/contracts';
import type { App } from '../context';
import { ProblemResponses } from './params';

// The planners' calculators: the occupancy norm, occupancy from guests, the Erlang curve and the
// what-if simulation. The parameters come from one description shared with the CLI
// (calculators.service.ts); the schemas here are built from it, so the OpenAPI document, the
// request validation and the command line agree.

/** The schema of one parameter; lists are comma separated in a query string, arrays in a body. */
function schemaOf(spec: ParamSpec, inBody: boolean): TSchema {
  const limits = {
    ...(spec.kind !== 'choice' && spec.minimum !== undefined ? { minimum: spec.minimum } : {}),
    ...(spec.kind !== 'choice' && spec.exclusiveMinimum !== undefined
      ? { exclusiveMinimum: spec.exclusiveMinimum }
      : {}),
  };
  switch (spec.kind) {
    case 'choice':
      return Type.Unsafe<string>({
        type: 'string',
        enum: [...spec.values],
        default: spec.default,
        description: spec.description,
      });
    case 'list':
      return inBody
        ? Type.Array(Type.Number(limits), {
            minItems: 1,
            maxItems: spec.maxItems,
            description: spec.description,
          })
        : Type.String({ description: `${spec.description}; kommagescheiden` });
    case 'number':
    case 'integer': {
      const options = {
        ...limits,
        ...(spec.maximum === undefined ? {} : { maximum: spec.maximum }),
        ...(spec.default === undefined ? {} : { default: spec.default }),
        description: spec.description,
      };
      return spec.kind === 'integer' ? Type.Integer(options) : Type.Number(options);
    }
  }
}

function paramsSchema(specs: ParamSpecs, inBody = false) {
  const properties = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => {
      const schema = schemaOf(spec, inBody);
      const required = spec.kind !== 'choice' && spec.kind !== 'list' && spec.required;
      return [name, required ? schema : Type.Optional(schema)];
    }),
  );
  return Type.Object(properties, { additionalProperties: false });
}

const simulationDescription =
  'Discrete-eventsimulatie van een verliessysteem (vol is geweigerd) met een niet-exponentiële verblijfsduur (lognormaal met variatiecoëfficiënt, of empirisch) of seizoensaanvragen, met startwaarde. Begrensd: (inloop + dagen) × replicaties × bedden en het aantal gesimuleerde aanvragen; een grotere vraag krijgt 400.';

export function calculatorRoutes(app: App): void {
  app.get(
    '/calculators/norm',
    {
      schema: {
        tags: ['rekenhulp'],
        summary: 'Bedden volgens de bezettingsnorm: opnames × verblijfsduur ÷ (365 × bezetting)',
        querystring: paramsSchema(NORM_PARAMS),
        response: { 200: NormResult, ...ProblemResponses },
      },
    },
    async (request) => runNorm(request.query),
  );

  app.get(
    '/calculators/occupancy',
    {
      schema: {
        tags: ['rekenhulp'],
        summary: 'Bezetting uit gasten × verblijfsduur ÷ (bedden × open dagen)',
        querystring: paramsSchema(OCCUPANCY_PARAMS),
        response: { 200: OccupancyResult, ...ProblemResponses },
      },
    },
    async (request) => runOccupancy(request.query),
  );

  app.get(
    '/calculators/erlang-curve',
    {
      schema: {
        tags: ['rekenhulp'],
        summary: 'Bedden tegen weigeringskans (Erlang B) en bezetting, met huidige bedden en doel',
        description:
          'Voor een aangeboden belasting (load) of opnameverzoeken per jaar met verblijfsduur (admissions, los).',
        querystring: paramsSchema(CURVE_PARAMS),
        response: { 200: ErlangCurve, ...ProblemResponses },
      },
    },
    async (request) => runErlangCurve(request.query),
  );

  const simulationResponse = { 200: SimulationResult, ...ProblemResponses };
  app.get(
    '/calculators/simulation',
    {
      schema: {
        tags: ['rekenhulp'],
        summary: 'Wat-als-simulatie met een andere verblijfsduurverdeling of seizoen',
        description: simulationDescription,
        querystring: paramsSchema(SIMULATION_PARAMS),
        response: simulationResponse,
      },
    },
    async (request) => runSimulation(request.query),
  );
  app.post(
    '/calculators/simulation',
    {
      schema: {
        tags: ['rekenhulp'],
        summary: 'Dezelfde simulatie met de parameters als JSON (stays en weights als lijsten)',
        description: simulationDescription,
        body: paramsSchema(SIMULATION_PARAMS, true),
        response: simulationResponse,
      },
    },
    async (request) => runSimulation(request.body as Record<string, unknown>),
  );
}
