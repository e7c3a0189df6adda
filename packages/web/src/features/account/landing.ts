import type { User } from '@palliamonitor/contracts';

/**
 * Where a person starts after signing in (when no page asked for the sign-in): a hospice editor at
 * the own hospice's status card (a chooser when there are several), a regisseur in the own region,
 * everyone else on the national overview.
 */
export function landingPath(user: Pick<User, 'roles'>): string {
  const hospices = [
    ...new Set(
      user.roles.flatMap((g) => (g.role === 'hospice-editor' && g.scope !== null ? [g.scope] : [])),
    ),
  ];
  const regions = [
    ...new Set(
      user.roles.flatMap((g) => (g.role === 'regisseur' && g.scope !== null ? [g.scope] : [])),
    ),
  ];
  if (user.roles.some((g) => g.role === 'administrator')) {
    return '/';
  }
  if (hospices.length === 1 && regions.length === 0) {
    return `/hospice/${encodeURIComponent(hospices[0]!)}`;
  }
  if (hospices.length > 1 && regions.length === 0) {
    return '/mijn-hospices';
  }
  if (regions.length === 1) {
    return `/regio/${encodeURIComponent(regions[0]!)}`;
  }
  return '/';
}
