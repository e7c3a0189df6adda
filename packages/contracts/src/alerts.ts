import { Type, type Static } from '@sinclair/typebox';

// Acknowledgements of a region cockpit's alerts: a note and a follow-up date, for the region's
// other users to see.

/** An acknowledged alert: who handled it (by name, never an e-mail address), with a note. */
export const AlertAcknowledgement = Type.Object({
  id: Type.Integer(),
  regionCode: Type.String(),
  alertKey: Type.String(),
  hospiceId: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
  followUpOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  acknowledgedAt: Type.String({ format: 'date-time' }),
  acknowledgedBy: Type.String({ description: 'Naam van wie het afhandelde (geen e-mailadres)' }),
});
export type AlertAcknowledgement = Static<typeof AlertAcknowledgement>;
export const AlertAcknowledgementList = Type.Object({ items: Type.Array(AlertAcknowledgement) });

export const AlertAcknowledgementCreate = Type.Object(
  {
    alertKey: Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '^[a-z]+:[A-Za-z0-9-]+$',
      description: 'Soort signaal en voorziening, bijvoorbeeld stale:<hospice-id>',
    }),
    hospiceId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    note: Type.String({ minLength: 1, maxLength: 500 }),
    followUpOn: Type.Optional(
      Type.Union([Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);
