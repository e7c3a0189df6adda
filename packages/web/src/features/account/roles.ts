import type { RoleGrant } from '@palliamonitor/contracts';
import type { I18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';

const ROLE_KEYS: Readonly<Record<string, MessageKey>> = {
  'care-professional': 'role.care-professional',
  'hospice-editor': 'role.hospice-editor',
  regisseur: 'role.regisseur',
  'national-analyst': 'role.national-analyst',
  administrator: 'role.administrator',
  'hospice-token': 'role.hospice-token',
  public: 'role.public',
  system: 'role.system',
};

/** "Regisseur ZK23", "Beheerder", …; a hospice editor's scope (an id) is not worth showing. */
export function roleLabel(grant: RoleGrant | { role: string; scope: string | null }, t: I18n['t']) {
  const key = ROLE_KEYS[grant.role];
  const name = key === undefined ? grant.role : t(key);
  return grant.role === 'regisseur' && grant.scope !== null ? `${name} ${grant.scope}` : name;
}

export function rolesLabel(grants: readonly RoleGrant[], t: I18n['t']): string {
  return grants.map((g) => roleLabel(g, t)).join(', ');
}

/**
 * The role column of the audit log: "regisseur:ZK23,care-professional" → "Regisseur ZK23,
 * Zorgverlener".
 */
export function auditRoleLabel(value: string, t: I18n['t']): string {
  return value
    .split(',')
    .filter((part) => part !== '')
    .map((part) => {
      const i = part.indexOf(':');
      return roleLabel(
        i < 0 ? { role: part, scope: null } : { role: part.slice(0, i), scope: part.slice(i + 1) },
        t,
      );
    })
    .join(', ');
}
