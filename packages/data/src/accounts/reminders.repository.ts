import type { Kysely, Transaction } from 'kysely';
import type { ReminderSettings, ReminderSettingsUpdate } from '@palliamonitor/contracts';
import type { Database, ReminderSentTable } from '../store/schema';
import { dutchDate } from '../dates';
import { openOn, validOn } from '../store/valid-on';
import { isFresh } from '../collection/freshness';

// Reminders with care for the burden: who wants them (on unless switched off), which editors'
// facilities are behind, and the log that keeps each reminder at one per person per period.

type Db = Kysely<Database> | Transaction<Database>;
export type ReminderKind = ReminderSentTable['kind'];
export type ReminderLanguage = 'nl' | 'en';

export interface ReminderPreference {
  enabled: boolean;
  language: ReminderLanguage | null;
}

export async function getReminderPreference(db: Db, userId: string): Promise<ReminderPreference> {
  const row = await db
    .selectFrom('reminder_preference')
    .select(['reminders_enabled', 'language'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { enabled: row?.reminders_enabled ?? true, language: row?.language ?? null };
}

/** Stores the setting; answers the one before and after, for the audit entry. */
export async function setReminderPreference(
  trx: Transaction<Database>,
  userId: string,
  update: ReminderSettingsUpdate,
  now: Date,
): Promise<{ before: ReminderPreference; after: ReminderPreference }> {
  const before = await getReminderPreference(trx, userId);
  const after: ReminderPreference = {
    enabled: update.enabled,
    language: update.language ?? before.language,
  };
  await trx
    .insertInto('reminder_preference')
    .values({
      user_id: userId,
      reminders_enabled: after.enabled,
      language: after.language,
      updated_at: now.toISOString(),
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        reminders_enabled: after.enabled,
        language: after.language,
        updated_at: now.toISOString(),
      }),
    )
    .execute();
  return { before, after };
}

export interface StaleFacility {
  hospiceId: string;
  name: string;
  lastConfirmedAt: string | null;
}

export interface ReminderRecipient {
  userId: string;
  email: string;
  name: string;
  language: ReminderLanguage | null;
  enabled: boolean;
  /** The hospice ids (editors) or zorgkantoorregio codes (regisseurs) the person acts for. */
  scopes: string[];
}

/** Active people holding `role`, with their scopes and reminder setting. */
export async function reminderRecipients(
  db: Db,
  role: 'hospice-editor' | 'regisseur',
): Promise<ReminderRecipient[]> {
  const rows = await db
    .selectFrom('role_assignment as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .leftJoin('reminder_preference as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.name', 'r.scope', 'p.reminders_enabled', 'p.language'])
    .where('r.role', '=', role)
    .where('u.disabled_at', 'is', null)
    .where('u.is_demo', '=', false)
    .orderBy('u.id')
    .orderBy('r.scope')
    .execute();
  const byUser = new Map<string, ReminderRecipient>();
  for (const row of rows) {
    const recipient = byUser.get(row.id) ?? {
      userId: row.id,
      email: row.email,
      name: row.name,
      language: row.language ?? null,
      enabled: row.reminders_enabled ?? true,
      scopes: [],
    };
    if (row.scope !== null) {
      recipient.scopes.push(row.scope);
    }
    byUser.set(row.id, recipient);
  }
  return [...byUser.values()];
}

/** The facilities among `ids` open today whose bed status is older than the freshness limit. */
export async function staleFacilities(
  db: Db,
  ids: string[],
  now: Date,
  freshnessHours: number,
): Promise<StaleFacility[]> {
  if (ids.length === 0) {
    return [];
  }
  const today = dutchDate(now);
  const rows = await db
    .selectFrom('hospice_version as v')
    .leftJoin('bed_status_current as c', 'c.hospice_id', 'v.hospice_id')
    .select(['v.hospice_id', 'v.name', 'c.recorded_at'])
    .where('v.hospice_id', 'in', ids)
    .where(validOn('v', today))
    .where(openOn('v', today))
    .orderBy('v.name')
    .execute();
  return rows
    .filter((r) => !isFresh(r.recorded_at, now, freshnessHours))
    .map((r) => ({ hospiceId: r.hospice_id, name: r.name, lastConfirmedAt: r.recorded_at }));
}

/**
 * Claims the reminder of `kind` for `periodStart`: true when this call stored the claim, false
 * when one was already there (sent earlier, or by another instance at the same moment). Claim
 * before sending, so that at most one is sent.
 */
export async function claimReminder(
  db: Db,
  claim: {
    userId: string;
    kind: ReminderKind;
    periodStart: string;
    hospiceIds: string[];
    now: Date;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('reminder_sent')
    .values({
      user_id: claim.userId,
      kind: claim.kind,
      period_start: claim.periodStart,
      hospice_ids: claim.hospiceIds.join(','),
      sent_at: claim.now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'period_start']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Gives a claim back when its mail could not be sent, so the next run tries again. */
export async function releaseReminder(
  db: Db,
  claim: { userId: string; kind: ReminderKind; periodStart: string },
): Promise<void> {
  await db
    .deleteFrom('reminder_sent')
    .where('user_id', '=', claim.userId)
    .where('kind', '=', claim.kind)
    .where('period_start', '=', claim.periodStart)
    .execute();
}

/** What the app shows a signed-in person: the setting, stale facilities, the last reminder. */
export async function reminderSettings(
  db: Db,
  user: { id: string; roles: Array<{ role: string; scope: string | null }> },
  now: Date,
  freshnessHours: number,
): Promise<ReminderSettings> {
  const preference = await getReminderPreference(db, user.id);
  const edited = user.roles
    .filter((g) => g.role === 'hospice-editor' && g.scope !== null)
    .map((g) => g.scope!);
  const stale = await staleFacilities(db, edited, now, freshnessHours);
  const last = await db
    .selectFrom('reminder_sent')
    .select('sent_at')
    .where('user_id', '=', user.id)
    .where('kind', '=', 'stale-status')
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    ...preference,
    stale: stale.map((s) => ({ hospiceId: s.hospiceId, lastConfirmedAt: s.lastConfirmedAt })),
    lastReminderAt: last?.sent_at ?? null,
  };
}
