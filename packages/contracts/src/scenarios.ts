import { Type, type Static } from '@sinclair/typebox';
import { SCENARIO_ID_PATTERN } from './common';

// Scenarios: the built-in ones and those saved by planners. Parameters and uncertainty are the
// model's own structure; the model checks them when a scenario is saved.

const ScenarioId = Type.String({ pattern: SCENARIO_ID_PATTERN });

export const ScenarioParams = Type.Object({ id: ScenarioId });
export const ScenarioCompareParams = Type.Object({ a: ScenarioId, b: ScenarioId });

const definition = {
  id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  version: Type.Literal(1),
  description: Type.String({ maxLength: 2000 }),
  parameters: Type.Object({}, { additionalProperties: true }),
  uncertainty: Type.Object({}, { additionalProperties: true }),
};

/** One scenario with all its parameters, each with a source or marked as an assumption. */
export const Scenario = Type.Object(definition);
export type Scenario = Static<typeof Scenario>;

export const ScenarioCreate = Type.Object(
  { ...definition, basedOn: Type.Optional(ScenarioId) },
  { additionalProperties: false },
);

/** A scenario as listed: whether it is built in, what it was based on, when it was saved. */
export const ScenarioEntry = Type.Composite([
  Type.Object(definition),
  Type.Object({
    builtIn: Type.Boolean(),
    basedOn: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  }),
]);
export type ScenarioEntry = Static<typeof ScenarioEntry>;
export const ScenarioList = Type.Object({
  items: Type.Array(ScenarioEntry),
  total: Type.Integer(),
});
export type ScenarioList = Static<typeof ScenarioList>;

export const ScenarioComparison = Type.Object({
  a: Type.String(),
  b: Type.String(),
  differences: Type.Array(
    Type.Object({
      parameter: Type.String({ description: 'id, name, een parameter of uncertainty.<naam>' }),
      year: Type.Union([Type.Integer(), Type.Null()]),
      a: Type.Union([Type.Number(), Type.String()]),
      b: Type.Union([Type.Number(), Type.String()]),
    }),
  ),
});
