import { Type, type Static } from '@sinclair/typebox';

// Reporting completeness and timeliness of a region's facilities (the share of days with a
// confirmed bed status, the age of the last confirmation, the monthly figures), and each
// person's reminder setting. What a facility already sends counts: every bed-status event (from
// the app or its own system's token), a monthly return by API or CSV, and live registration of
// admissions, which makes a monthly return unnecessary.

/** Days with at least one bed-status event (update, confirmation or movement) in a window. */
export const CompletenessShare = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  /** The window's days on which the facility was registered and open. */
  days: Type.Integer({ minimum: 0 }),
  daysConfirmed: Type.Integer({ minimum: 0 }),
  /** daysConfirmed / days; null when the window has no day to count. */
  share: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
});
export type CompletenessShare = Static<typeof CompletenessShare>;

export const MONTHLY_FIGURES_STATES = [
  'on-time',
  'late',
  'missing',
  'pending',
  'from-events',
] as const;
export type MonthlyFiguresState = (typeof MONTHLY_FIGURES_STATES)[number];

/** The last complete month's figures: a return, or live registration of admissions. */
export const MonthlyFiguresStatus = Type.Object({
  month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
  dueOn: Type.String({ format: 'date', description: 'Uiterste datum voor de maandcijfers' }),
  state: Type.Union(MONTHLY_FIGURES_STATES.map((s) => Type.Literal(s))),
  submittedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  source: Type.Union([
    Type.Literal('api'),
    Type.Literal('csv'),
    Type.Literal('events'),
    Type.Null(),
  ]),
});

export const HospiceCompleteness = Type.Object({
  hospiceId: Type.String(),
  name: Type.String(),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  last28Days: CompletenessShare,
  lastMonth: CompletenessShare,
  lastConfirmedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Hours since the last confirmation (one decimal); null when never confirmed. */
  lastConfirmationAgeHours: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  fresh: Type.Boolean(),
  monthlyFigures: MonthlyFiguresStatus,
  /** Not fresh, under the region's standard of days, or its monthly figures late or missing. */
  behind: Type.Boolean(),
});
export type HospiceCompleteness = Static<typeof HospiceCompleteness>;

export const RegionCompleteness = Type.Object({
  regionCode: Type.String(),
  asOf: Type.String({ format: 'date-time' }),
  freshnessHours: Type.Number(),
  /** The share of days under which a facility counts as behind. */
  minimumShare: Type.Number(),
  summary: Type.Object({
    hospices: Type.Integer(),
    fresh: Type.Integer(),
    behind: Type.Integer(),
    /** Confirmed days over counted days of all facilities together; null without days. */
    last28DaysShare: Type.Union([Type.Number(), Type.Null()]),
    lastMonthShare: Type.Union([Type.Number(), Type.Null()]),
    monthlyFiguresIn: Type.Integer({ description: 'Op tijd, te laat of uit registratie' }),
    monthlyFiguresOnTime: Type.Integer(),
  }),
  hospices: Type.Array(HospiceCompleteness),
});
export type RegionCompleteness = Static<typeof RegionCompleteness>;

/** A signed-in person's reminder setting, and the reminders they got recently. */
export const ReminderSettings = Type.Object({
  enabled: Type.Boolean(),
  language: Type.Union([Type.Literal('nl'), Type.Literal('en'), Type.Null()]),
  /** Facilities the person edits whose status is older than the freshness limit. */
  stale: Type.Array(
    Type.Object({
      hospiceId: Type.String(),
      lastConfirmedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    }),
  ),
  /** The last status reminder sent, if any. */
  lastReminderAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ReminderSettings = Static<typeof ReminderSettings>;

export const ReminderSettingsUpdate = Type.Object(
  {
    enabled: Type.Boolean(),
    language: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type ReminderSettingsUpdate = Static<typeof ReminderSettingsUpdate>;
