import { Type, type Static } from '@sinclair/typebox';
import { DerivedFigure, PersonCount, SuppressedFields } from './collection';

// Facilities, beds, occupancy and cost side by side per care model, funding form and umbrella,
// for a zorgkantoorregio or the nation (NL), with the regional mix for the nation.

/** A zorgkantoorregio or the nation in a path. */
export const OrganisationParams = Type.Object({
  code: Type.String({ pattern: '^(ZK\\d{2}|NL)$', description: 'ZKxx of NL' }),
});

export const ORGANISATION_DIMENSIONS = ['careModel', 'funding', 'umbrella'] as const;
export type OrganisationDimension = (typeof ORGANISATION_DIMENSIONS)[number];

/**
 * The figures of a group that can be suppressed: its bed-days (nights of guests, so a count of
 * people: one facility's group of a quiet year could point at a guest), and what gives them back.
 */
export const ORGANISATION_SUPPRESSIBLE = ['bedDays', 'occupancy', 'cost'] as const;
export type OrganisationSuppressible = (typeof ORGANISATION_SUPPRESSIBLE)[number];

export const OrganisationGroup = Type.Object({
  key: Type.String({
    description: 'Het zorgmodel, de financieringsvorm of koepel; unknown: niet opgegeven',
  }),
  facilities: Type.Integer(),
  beds: Type.Integer({ description: 'Vergunde bedden' }),
  bedShare: Type.Number({ description: 'Aandeel van de vergunde bedden in het gebied (0–1)' }),
  bedDays: PersonCount('Ligdagen in de periode'),
  occupancy: DerivedFigure(
    'Bezettingsgraad 0–1',
    'zonder gegevens of als de ligdagen onderdrukt zijn',
  ),
  cost: DerivedFigure('Ligdagen × kosten per ligdag (euro)', 'als de ligdagen onderdrukt zijn'),
  suppressed: SuppressedFields(ORGANISATION_SUPPRESSIBLE),
});
export type OrganisationGroup = Static<typeof OrganisationGroup>;

const Groups = Type.Object({
  careModel: Type.Array(OrganisationGroup),
  funding: Type.Array(OrganisationGroup, {
    description: 'Een voorziening met meer financieringsvormen telt bij elk ervan mee',
  }),
  umbrella: Type.Array(OrganisationGroup, {
    description: 'Een voorziening bij meer koepels telt bij elk ervan mee',
  }),
});

export const Organisation = Type.Object({
  region: Type.String(),
  name: Type.String(),
  asOf: Type.String({ description: 'Peildatum van het register (JJJJ-MM-DD)' }),
  from: Type.String({ description: 'Eerste maand van de cijfers (JJJJ-MM)' }),
  to: Type.String({ description: 'Laatste maand van de cijfers (JJJJ-MM)' }),
  costPerBedDay: Type.Object({
    value: Type.Number(),
    unit: Type.String(),
    provenance: Type.String(),
    source: Type.String(),
  }),
  facilities: Type.Integer(),
  beds: Type.Integer(),
  groups: Groups,
  mix: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), beds: Type.Integer(), groups: Groups }),
    { description: 'Alleen voor NL: dezelfde indeling per zorgkantoorregio' },
  ),
  isSynthetic: Type.Boolean(),
});
export type Organisation = Static<typeof Organisation>;
