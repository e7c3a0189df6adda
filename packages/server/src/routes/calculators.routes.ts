import { Type, type TSchema } from '@sinclair/typebox';
import { CALCULATORS, type ParamSpec, type ParamSpecs } from '@palliamonitor/data';
import {
  ErlangCurve,
  NormResult,
  OccupancyResult,
  SimulationResult,
} from '@palliamonitor/contracts';
import type { App } from '../context';
import { ProblemResponses } from './params';

// The planners' calculators: the occupancy norm, occupancy from guests, the Erlang curve and the
// what-if simulation. The parameters come from one description shared with the CLI (CALCULATORS,
// data/src/calculators/calculators.ts); the schemas here are built from it, so the OpenAPI
// document, the request validation and the command line agree.

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
  const { norm, occupancy, erlangCurve, simulation } = CALCULATORS;
  app.get(
    '/calculators/norm',
    {
      schema: {
        tags: ['rekenhulp'],
        summary: 'Bedden volgens de bezettingsnorm: opnames × verblijfsduur ÷ (365 × bezetting)',
        querystring: paramsSchema(norm.params),
        response: { 200: NormResult, ...ProblemResponses },
      },
    },
    async (request) => norm.run(request.query),
  );

  app.get(
    '/calculators/occupancy',
    {
      schema: {
        tags: ['rekenhulp'],
        summary: 'Bezetting uit gasten × verblijfsduur ÷ (bedden × open dagen)',
        querystring: paramsSchema(occupancy.params),
        response: { 200: OccupancyResult, ...ProblemResponses },
      },
    },
    async (request) => occupancy.run(request.query),
  );

  app.get(
    '/calculators/erlang-curve',
    {
      schema: {
        tags: ['rekenhulp'],
        summary: 'Bedden tegen weigeringskans (Erlang B) en bezetting, met huidige bedden en doel',
        description:
          'Voor een aangeboden belasting (load) of opnameverzoeken per jaar met verblijfsduur (admissions, los).',
        querystring: paramsSchema(erlangCurve.params),
        response: { 200: ErlangCurve, ...ProblemResponses },
      },
    },
    async (request) => erlangCurve.run(request.query),
  );

  const simulationResponse = { 200: SimulationResult, ...ProblemResponses };
  app.get(
    '/calculators/simulation',
    {
      schema: {
        tags: ['rekenhulp'],
        summary: 'Wat-als-simulatie met een andere verblijfsduurverdeling of seizoen',
        description: simulationDescription,
        querystring: paramsSchema(simulation.params),
        response: simulationResponse,
      },
    },
    async (request) => simulation.run(request.query),
  );
  app.post(
    '/calculators/simulation',
    {
      schema: {
        tags: ['rekenhulp'],
        summary: 'Dezelfde simulatie met de parameters als JSON (stays en weights als lijsten)',
        description: simulationDescription,
        body: paramsSchema(simulation.params, true),
        response: simulationResponse,
      },
    },
    async (request) => simulation.run(request.body as Record<string, unknown>),
  );
}
