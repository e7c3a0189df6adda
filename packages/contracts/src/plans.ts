import { Type, type Static } from '@sinclair/typebox';
import { IsoDate } from './common';

// A region's bed agreement and plan: target beds per year and the planned changes per facility or
// new location, each with a date from which it takes effect and a status. Every save is a new
// version of the whole plan (who, when, why), so a plan's history can be read back.

export const PLAN_FIRST_YEAR = 2024;
export const PLAN_LAST_YEAR = 2050;

export const PLAN_CHANGE_KINDS = ['open', 'expand', 'shrink', 'close'] as const;
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number];
export const PLAN_STATUSES = ['idea', 'planned', 'agreed', 'done'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const ZorgkantoorCode = Type.String({
  pattern: '^ZK\\d{2}$',
  description: 'Zorgkantoorregio (ZKxx)',
  examples: ['ZK23'],
});
/** A zorgkantoorregio in a path: the region a plan or transformation status is about. */
export const ZorgkantoorParams = Type.Object({ code: ZorgkantoorCode });

/** How a plan is set against the need: scenario, target refusal rate, pooling, draws, format. */
export const PlanNeedQuery = Type.Object(
  {
    scenario: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,64}$', default: 'baseline' })),
    target: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        exclusiveMaximum: 1,
        description: 'Doel-weigeringskans (Erlang B), bijv. 0.05',
      }),
    ),
    pooling: Type.Optional(
      Type.Union([Type.Literal('hospice'), Type.Literal('cluster'), Type.Literal('region')]),
    ),
    draws: Type.Optional(Type.Integer({ minimum: 2, maximum: 1000 })),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
  },
  { additionalProperties: false },
);
export type PlanNeedQuery = Static<typeof PlanNeedQuery>;

const PlanYearValue = Type.Integer({ minimum: PLAN_FIRST_YEAR, maximum: PLAN_LAST_YEAR });

export const PlanTarget = Type.Object(
  {
    year: PlanYearValue,
    beds: Type.Integer({ minimum: 0, maximum: 5000, description: 'Afgesproken aantal bedden' }),
  },
  { additionalProperties: false },
);
export type PlanTarget = Static<typeof PlanTarget>;

const changeFields = {
  kind: Type.Union(
    PLAN_CHANGE_KINDS.map((k) => Type.Literal(k)),
    { description: 'Openen (nieuwe locatie), uitbreiden, inkrimpen of sluiten' },
  ),
  hospiceId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], {
    description: 'De voorziening waar het om gaat; null bij een nieuwe locatie',
  }),
  locationName: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()], {
    description:
      'Naam of plaats van een geplande nieuwe locatie; null bij een bestaande voorziening',
  }),
  beds: Type.Integer({ minimum: 1, maximum: 200, description: 'Aantal bedden erbij of eraf' }),
  effectiveOn: IsoDate,
  status: Type.Union(
    PLAN_STATUSES.map((s) => Type.Literal(s)),
    { description: 'Idee, gepland, afgesproken of gerealiseerd' },
  ),
  note: Type.String({ maxLength: 500 }),
};

const ChangeId = Type.String({ pattern: '^[a-z0-9-]{1,40}$' });

export const PlanChangeInput = Type.Object(
  { id: Type.Optional(ChangeId), ...changeFields },
  { additionalProperties: false },
);
export type PlanChangeInput = Static<typeof PlanChangeInput>;

export const PlanChange = Type.Object({ id: ChangeId, ...changeFields });
export type PlanChange = Static<typeof PlanChange>;

/**
 * The version a save builds on, for both kinds of plan: a save on an older version than the
 * current one is refused, so two editors cannot overwrite each other unseen.
 */
export const BaseVersion = Type.Integer({
  minimum: 0,
  maximum: 1_000_000,
  description: 'De versie waarop de wijziging voortbouwt (0 voor de eerste versie)',
});

export const RegionPlanPut = Type.Object(
  {
    baseVersion: BaseVersion,
    changeNote: Type.Optional(Type.String({ maxLength: 500 })),
    targets: Type.Array(PlanTarget, { maxItems: PLAN_LAST_YEAR - PLAN_FIRST_YEAR + 1 }),
    changes: Type.Array(PlanChangeInput, { maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type RegionPlanPut = Static<typeof RegionPlanPut>;

export const PlanBand = Type.Object({ p10: Type.Number(), p50: Type.Number(), p90: Type.Number() });

export const PLAN_VERDICTS = ['short', 'within', 'over'] as const;
export type PlanVerdict = (typeof PLAN_VERDICTS)[number];

export const PlanYear = Type.Object({
  year: Type.Integer(),
  currentBeds: Type.Integer({ description: 'Bedden in het register vandaag' }),
  plannedBeds: Type.Integer({
    description:
      'Bedden na de geplande, afgesproken en gerealiseerde wijzigingen tot en met dit jaar',
  }),
  agreedBeds: Type.Integer({
    description: 'Idem, alleen afgesproken en gerealiseerde wijzigingen',
  }),
  targetBeds: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Afgesproken doel voor dit jaar (null: geen doel)',
  }),
  bedsNeeded: PlanBand,
  difference: Type.Number({ description: 'Geplande bedden min de mediane behoefte' }),
  verdict: Type.Union(
    PLAN_VERDICTS.map((v) => Type.Literal(v)),
    { description: 'Tekort (onder p10), binnen de band, of overschot (boven p90)' },
  ),
});
export type PlanYear = Static<typeof PlanYear>;

export const ServiceLevel = Type.Object({
  target: Type.Union([Type.Number(), Type.Null()], {
    description: 'Doel-weigeringskans (null: het pad van het scenario)',
  }),
  pooling: Type.Union([Type.String(), Type.Null()]),
  scenario: Type.String(),
  draws: Type.Integer(),
});

export const RegionPlan = Type.Object({
  region: Type.String(),
  name: Type.String(),
  asOf: IsoDate,
  version: Type.Integer({ description: '0: nog geen plan vastgelegd' }),
  savedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  serviceLevel: ServiceLevel,
  targets: Type.Array(PlanTarget),
  changes: Type.Array(PlanChange),
  years: Type.Array(PlanYear),
});
export type RegionPlan = Static<typeof RegionPlan>;

export const PlansOverview = Type.Object({
  asOf: IsoDate,
  serviceLevel: ServiceLevel,
  regions: Type.Array(RegionPlan),
});
export type PlansOverview = Static<typeof PlansOverview>;

export const PlanDifference = Type.Object({
  what: Type.Union([Type.Literal('target'), Type.Literal('change')]),
  key: Type.String({ description: 'Het jaar van een doel of het id van een wijziging' }),
  before: Type.Union([Type.Unknown(), Type.Null()]),
  after: Type.Union([Type.Unknown(), Type.Null()]),
});
export type PlanDifference = Static<typeof PlanDifference>;

export const PlanVersion = Type.Object({
  version: Type.Integer(),
  savedAt: Type.String({ format: 'date-time' }),
  savedBy: Type.String({ description: 'Naam van wie het plan opsloeg (geen e-mailadres)' }),
  changeNote: Type.String(),
  targets: Type.Array(PlanTarget),
  changes: Type.Array(PlanChange),
  differences: Type.Array(PlanDifference, { description: 'Wat anders is dan de vorige versie' }),
});
export type PlanVersion = Static<typeof PlanVersion>;

export const PlanVersions = Type.Object({ region: Type.String(), items: Type.Array(PlanVersion) });
export type PlanVersions = Static<typeof PlanVersions>;
