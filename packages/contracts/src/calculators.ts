import { Type, type Static } from '@sinclair/typebox';

// The planners' calculators' answers. Their parameters are described once beside the calculators
// (shared with the command line), so only the answers live here.

export const NormResult = Type.Object({
  beds: Type.Integer({ description: 'Hele bedden, naar boven afgerond' }),
  exact: Type.Number({ description: 'Niet afgerond' }),
});
export type NormResult = Static<typeof NormResult>;

export const OccupancyResult = Type.Object({
  occupancy: Type.Number(),
  bedDaysUsed: Type.Number(),
  bedDaysAvailable: Type.Number(),
});
export type OccupancyResult = Static<typeof OccupancyResult>;

export const ErlangPoint = Type.Object({
  beds: Type.Integer(),
  blocking: Type.Number({ description: 'Erlang B: aandeel aanvragen geweigerd' }),
  occupancy: Type.Number({ description: 'Gemiddelde bezetting a(1 − B)/c' }),
});
export type ErlangPoint = Static<typeof ErlangPoint>;

export const ErlangCurve = Type.Object({
  offeredLoad: Type.Number(),
  points: Type.Array(ErlangPoint),
  currentBeds: Type.Optional(ErlangPoint),
  target: Type.Optional(Type.Composite([ErlangPoint, Type.Object({ target: Type.Number() })])),
});
export type ErlangCurve = Static<typeof ErlangCurve>;

/** A simulated figure: the mean over the replications with its 95% interval. */
export const SimulationEstimate = Type.Object({
  mean: Type.Number(),
  ci95: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
});

export const SimulationResult = Type.Object({
  inputs: Type.Object({
    beds: Type.Integer(),
    offeredLoad: Type.Number(),
    arrivalsPerDay: Type.Number(),
    stay: Type.Object({
      distribution: Type.String(),
      meanDays: Type.Number(),
      medianDays: Type.Optional(Type.Number()),
      cv: Type.Optional(Type.Number()),
      values: Type.Optional(Type.Integer({ description: 'Aantal opgegeven verblijfsduren' })),
    }),
    seasonality: Type.Object({
      kind: Type.String(),
      monthly: Type.Union([Type.Array(Type.Number()), Type.Null()], {
        description: 'Twaalf maandfactoren van de aanvragen, januari eerst',
      }),
      amplitude: Type.Optional(Type.Number()),
      peakWeek: Type.Optional(Type.Integer()),
      source: Type.Optional(Type.String()),
    }),
    days: Type.Integer(),
    warmupDays: Type.Integer(),
    replications: Type.Integer(),
    seed: Type.Integer(),
  }),
  blocking: SimulationEstimate,
  timeCongestion: SimulationEstimate,
  occupancy: SimulationEstimate,
  arrivals: Type.Integer(),
  events: Type.Integer(),
  erlangB: Type.Object(
    { blocking: Type.Number(), occupancy: Type.Number() },
    { description: 'Erlang B bij dezelfde gemiddelde belasting, ter vergelijking' },
  ),
});
export type SimulationResult = Static<typeof SimulationResult>;
