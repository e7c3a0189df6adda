import { Type, type Static } from '@sinclair/typebox';

// The roles a person can hold (decision 0002). The database keeps the same list in a check
// constraint; the access policy, the account routes and the web app read it from here.

export const ROLES = [
  'care-professional',
  'hospice-editor',
  'regisseur',
  'national-analyst',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

/** A role held for a scope: a hospice id (hospice-editor) or zorgkantoorregio (regisseur). */
export const RoleGrant = Type.Object(
  {
    role: RoleSchema,
    scope: Type.Union([Type.String({ maxLength: 64 }), Type.Null()], {
      description: 'Hospice-id (hospice-editor) of zorgkantoorregio (regisseur); anders null',
    }),
  },
  { additionalProperties: false },
);
export type RoleGrant = Static<typeof RoleGrant>;
