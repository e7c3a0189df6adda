import { Type, type Static } from '@sinclair/typebox';
import { HOSPICE_ID_PATTERN, List, Page, Pagination, REGION_CODE_PATTERNS } from './common';
import { RoleGrant } from './roles';
import { PERMISSIONS } from './permissions';

// Accounts, sessions, API tokens and the audit log: what the account and administration routes
// take and answer.

export const Email = Type.String({ format: 'email', maxLength: 254 });

export const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  isDemo: Type.Boolean({ description: 'Demo-account (gedeeld demowachtwoord)' }),
  roles: Type.Array(RoleGrant),
});
export type User = Static<typeof User>;

/** What the caller may do, as the access policy names it. */
export const PermissionList = Type.Array(Type.Union(PERMISSIONS.map((p) => Type.Literal(p))));

export const SignInBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const SignInAnswer = Type.Object({
  user: User,
  csrfToken: Type.String({ description: 'Meesturen als X-CSRF-Token bij elke wijziging' }),
  expiresAt: Type.String({ format: 'date-time' }),
  permissions: PermissionList,
});
export type SignInAnswer = Static<typeof SignInAnswer>;

/** Who is calling: a person (with the session's CSRF token), a hospice system's token, or nobody. */
export const Me = Type.Union([
  Type.Object({
    kind: Type.Literal('user'),
    user: User,
    csrfToken: Type.String(),
    permissions: PermissionList,
  }),
  Type.Object({
    kind: Type.Literal('token'),
    hospiceId: Type.String(),
    permissions: PermissionList,
  }),
  Type.Object({ kind: Type.Literal('anonymous'), permissions: PermissionList }),
]);
export type Me = Static<typeof Me>;

export const PasswordResetBody = Type.Object({ email: Email }, { additionalProperties: false });
export const PasswordResetAccepted = Type.Object({ status: Type.Literal('accepted') });
export const PasswordResetConfirmBody = Type.Object(
  {
    token: Type.String({ minLength: 10, maxLength: 200 }),
    password: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const UserCreate = Type.Object(
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ maxLength: 200 }),
    roles: Type.Array(RoleGrant, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export const UserList = List(User);

export const TokenParams = Type.Object({ id: Type.String({ pattern: HOSPICE_ID_PATTERN }) });
export const TokenRevokeParams = Type.Object({
  id: Type.String({ pattern: HOSPICE_ID_PATTERN }),
  tokenId: Type.String({ pattern: '^[0-9a-f]{12}$' }),
});
export const TokenCreate = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
/** An API token as listed: never its secret. */
export const TokenSummary = Type.Object({
  id: Type.String(),
  hospiceId: Type.String(),
  label: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type TokenSummary = Static<typeof TokenSummary>;
export const TokenList = List(TokenSummary);
export type TokenList = Static<typeof TokenList>;
/** A new token: the secret, shown this once. */
export const TokenCreated = Type.Composite([
  TokenSummary,
  Type.Object({ token: Type.String({ description: 'pm_<id>_<geheim>; één keer getoond' }) }),
]);
export type TokenCreated = Static<typeof TokenCreated>;

/** One change in the audit log: who, in which role, through which request, before and after. */
export const AuditEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  role: Type.String(),
  method: Type.String(),
  path: Type.String(),
  status: Type.Integer({
    description: 'HTTP-status van het antwoord; 0 bij een wijziging buiten de API (seeden, CLI)',
  }),
  hospiceId: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditPage = Page(Type.Composite([Type.Object({ id: Type.Integer() }), AuditEntry]));
export type AuditPage = Static<typeof AuditPage>;
export const AuditQuery = Type.Object(
  {
    ...Pagination,
    region: Type.Optional(
      Type.String({
        pattern: REGION_CODE_PATTERNS.zorgkantoorregio,
        description: 'Alleen deze zorgkantoorregio',
      }),
    ),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
  },
  { additionalProperties: false },
);
