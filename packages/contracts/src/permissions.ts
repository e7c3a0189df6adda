// What a signed-in person or a token may do, as the access policy names it (server
// auth/policy.ts). The session answer (GET /api/v1/auth/me) lists the caller's permissions, so the
// web app shows what a role may do without mirroring the server's rules. Reading public facts needs
// no permission and is not listed.

export const PERMISSIONS = [
  /** The phone numbers of hospices (the direct line for referrals): the care professional's privilege. */
  'contact.see',
  'registry.register',
  'registry.change',
  'bedStatus.report',
  'collection.readStaff',
  'returns.submit',
  'scenario.save',
  'tokens.manage',
  'accounts.manage',
  'audit.read',
  'alerts.read',
  'alerts.acknowledge',
  /** Saving the region's bed agreement and plan. */
  'plans.edit',
  /** Reading who changed a region's plan, and when. */
  'plans.readHistory',
  /** Reading the kept monthly reports of a region (the regisseur's own, the analyst's all). */
  'reports.readKept',
  /** Reading which facilities of a region are behind with their reports. */
  'completeness.read',
  /** Setting the status of the region's transformation plan. */
  'transformation.edit',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
