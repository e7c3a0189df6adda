import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { addDays } from '../dates';
import { DEMO_ACTOR } from '../demo/demo-seed';

// What the bed finder tells beside the beds: who last confirmed a status (as a kind of role, never
// an e-mail address) and a recently reported waiting list.

/** How the last confirmation was made, as the finder shows it. */
export type ConfirmedBy =
  'hospice-editor' | 'regisseur' | 'administrator' | 'hospice-system' | 'demo' | 'other';

/** A waiting list older than this many days is not shown as the current one. */
export const WAITING_LIST_DAYS = 7;

/** The kind of each `recorded_by` actor: a user's role, an API token (the hospice's system). */
export async function confirmedByKinds(
  db: Kysely<Database>,
  actors: readonly string[],
): Promise<Map<string, ConfirmedBy>> {
  const kinds = new Map<string, ConfirmedBy>();
  const emails = new Set<string>();
  for (const actor of actors) {
    if (actor.startsWith('token:')) {
      kinds.set(actor, 'hospice-system');
    } else if (actor === DEMO_ACTOR) {
      kinds.set(actor, 'demo');
    } else if (actor.startsWith('user:')) {
      emails.add(actor.slice('user:'.length));
    }
  }
  if (emails.size > 0) {
    const rows = await db
      .selectFrom('app_user as u')
      .innerJoin('role_assignment as r', 'r.user_id', 'u.id')
      .select(['u.email', 'r.role'])
      .where('u.email', 'in', [...emails])
      .execute();
    // The role through which a person most likely confirmed: the hospice's own first.
    const order: ConfirmedBy[] = ['hospice-editor', 'regisseur', 'administrator'];
    for (const email of emails) {
      const roles = rows.filter((r) => r.email === email).map((r) => r.role as string);
      kinds.set(`user:${email}`, order.find((role) => roles.includes(role)) ?? 'other');
    }
  }
  return kinds;
}

/** The latest waiting list of each hospice, when reported within WAITING_LIST_DAYS of `today`. */
export async function recentWaitingLists(
  db: Kysely<Database>,
  hospiceIds: readonly string[],
  today: string,
): Promise<Map<string, number>> {
  if (hospiceIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('waiting_list_report')
    .distinctOn('hospice_id')
    .select(['hospice_id', 'size'])
    .where('hospice_id', 'in', [...hospiceIds])
    .where('reported_on', '>=', addDays(today, -WAITING_LIST_DAYS))
    .orderBy('hospice_id')
    .orderBy('reported_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.hospice_id, r.size]));
}
