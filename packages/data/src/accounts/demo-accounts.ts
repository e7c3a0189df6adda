import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { hasAnyRow } from '../store/has-any-row';
import { createUser, type RoleGrant } from './accounts.repository';
import type { AuditContext } from './audit.repository';

/** Shared password of the demo accounts. For demonstration only; never in production. */
export const DEMO_PASSWORD = 'palliamonitor-demo';

/**
 * One demo account per role (marked is_demo). The hospice editor edits the first demo facility of
 * Utrecht; the regisseur coordinates Utrecht (ZK23). Returns the accounts made (none if present).
 */
export async function seedDemoAccounts(
  db: Kysely<Database>,
  now: Date,
  audit?: AuditContext,
): Promise<string[]> {
  if (await hasAnyRow(db.selectFrom('app_user').where('is_demo', '=', true))) {
    return [];
  }
  const hospice = await db
    .selectFrom('hospice_version as v')
    .innerJoin('region_membership as m', 'm.gemeente_code', 'v.gemeente_code')
    .select('v.hospice_id')
    .where('m.parent_code', '=', 'ZK23')
    .where('v.valid_to', 'is', null)
    .orderBy('v.name')
    .limit(1)
    .executeTakeFirst();
  const accounts: Array<{ email: string; name: string; roles: RoleGrant[] }> = [
    {
      email: 'beheerder@demo.palliamonitor.nl',
      name: 'Demo beheerder',
      roles: [{ role: 'administrator', scope: null }],
    },
    {
      email: 'regisseur@demo.palliamonitor.nl',
      name: 'Demo regisseur Utrecht',
      roles: [{ role: 'regisseur', scope: 'ZK23' }],
    },
    {
      email: 'analist@demo.palliamonitor.nl',
      name: 'Demo analist',
      roles: [{ role: 'national-analyst', scope: null }],
    },
    {
      email: 'zorgverlener@demo.palliamonitor.nl',
      name: 'Demo transferverpleegkundige',
      roles: [{ role: 'care-professional', scope: null }],
    },
    ...(hospice
      ? [
          {
            email: 'hospice@demo.palliamonitor.nl',
            name: 'Demo hospicecoördinator',
            roles: [{ role: 'hospice-editor' as const, scope: hospice.hospice_id }],
          },
        ]
      : []),
  ];
  for (const account of accounts) {
    // Each account with its own entry, in the transaction that creates it (the password is not
    // in it: createUser's entry holds the account as summarised, never a secret).
    await createUser(db, { ...account, password: DEMO_PASSWORD, isDemo: true }, now, audit);
  }
  return accounts.map((a) => a.email);
}
