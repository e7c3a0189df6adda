import { userInfo } from 'node:os';
import { regionOfHospice, type AuditContext, type Store } from '@palliamonitor/data';

/** The operating-system account running the command: who made the change, for the audit log. */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * The audit context of a command-line change: the same log as the API's, with method `CLI`, the
 * command as path and status 0 (no HTTP answer), filed under the hospice and its region if any.
 */
export async function cliAudit(
  store: Store,
  command: string,
  hospiceId: string | null = null,
): Promise<AuditContext> {
  return {
    actor: `cli:${osUser()}`,
    role: 'cli',
    method: 'CLI',
    path: command,
    status: 0,
    hospiceId,
    regionCode: hospiceId === null ? null : await regionOfHospice(store.db, hospiceId),
  };
}
