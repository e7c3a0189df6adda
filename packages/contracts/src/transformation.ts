import { Type, type Static } from '@sinclair/typebox';
import { IsoDate } from './common';
import { BaseVersion, ZorgkantoorCode } from './plans';

// The status of a region's palliative-care transformation plan, with its dates and a link to the
// plan itself. Every save is a version (who, when), like the bed plan.

export const TRANSFORMATION_STATUSES = [
  'not-started',
  'in-preparation',
  'submitted',
  'approved',
  'in-progress',
] as const;
export type TransformationStatus = (typeof TRANSFORMATION_STATUSES)[number];

const Status = Type.Union(
  TRANSFORMATION_STATUSES.map((s) => Type.Literal(s)),
  { description: 'Niet gestart, in voorbereiding, ingediend, goedgekeurd, in uitvoering' },
);
const OptionalDate = (description: string) => Type.Union([IsoDate, Type.Null()], { description });
const fields = {
  status: Status,
  startedOn: OptionalDate('Begonnen met de voorbereiding'),
  submittedOn: OptionalDate('Ingediend'),
  approvedOn: OptionalDate('Goedgekeurd'),
  link: Type.String({
    minLength: 9,
    maxLength: 500,
    pattern: '^https://[^\\s]+$',
    format: 'uri',
    description: 'Het plan zelf (alleen https)',
  }),
  note: Type.String({ maxLength: 500 }),
};

export const TransformationPlanPut = Type.Object(
  {
    baseVersion: BaseVersion,
    status: fields.status,
    startedOn: fields.startedOn,
    submittedOn: fields.submittedOn,
    approvedOn: fields.approvedOn,
    link: Type.Union([fields.link, Type.Null()]),
    note: fields.note,
  },
  { additionalProperties: false },
);
export type TransformationPlanPut = Static<typeof TransformationPlanPut>;

export const TransformationPlan = Type.Object({
  region: ZorgkantoorCode,
  name: Type.String(),
  version: Type.Integer({ description: '0: nog nooit vastgelegd (status niet gestart)' }),
  status: fields.status,
  startedOn: fields.startedOn,
  submittedOn: fields.submittedOn,
  approvedOn: fields.approvedOn,
  link: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
  savedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type TransformationPlan = Static<typeof TransformationPlan>;

export const TransformationPlans = Type.Object({
  items: Type.Array(TransformationPlan, { description: 'Alle zorgkantoorregio’s' }),
});
export type TransformationPlans = Static<typeof TransformationPlans>;

export const TransformationVersions = Type.Object({
  region: ZorgkantoorCode,
  items: Type.Array(
    Type.Composite([
      Type.Omit(TransformationPlan, ['name']),
      Type.Object({ savedBy: Type.String({ description: 'Naam van wie opsloeg' }) }),
    ]),
    { description: 'Nieuwste eerst' },
  ),
});
export type TransformationVersions = Static<typeof TransformationVersions>;
