import {
  addDays,
  claimReminder,
  dutchDate,
  findRegion,
  regionBedStatus,
  regionCompleteness,
  releaseReminder,
  reminderRecipients,
  staleFacilities,
  type ReminderKind,
  type ReminderRecipient,
  type Store,
} from '@palliamonitor/data';
import type { MailTransport } from '../mail';
import {
  staleStatusMail,
  weeklyDigestMail,
  type DigestRegion,
  type MailText,
} from './reminder-mail';

// The reminder rules, run periodically by the server (and on demand by tests, with their own
// clock). Care for the burden: an editor gets at most one status reminder a day, for all their
// facilities together, only in the daytime and only when switched on; a regisseur one digest a
// week. Each mail is claimed in reminder_sent before it is sent (insert, nothing on conflict), so
// two instances on one database never both send it; a mail that fails gives its claim back.

export interface ReminderOptions {
  freshnessHours: number;
  /** Where links in mails point: PUBLIC_URL. */
  publicUrl: string;
}

export interface ReminderRun {
  statusReminders: number;
  digests: number;
  failures: number;
}

/** Status reminders go out between these Dutch hours: nobody is woken at night. */
const DAY_STARTS = 8;
const DAY_ENDS = 20;

const DUTCH_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The Monday of the Dutch week of `date` (YYYY-MM-DD). */
export function weekStart(date: string): string {
  const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

interface Composed {
  message: MailText;
  kind: ReminderKind;
  periodStart: string;
  hospiceIds: string[];
}

/**
 * Sends each recipient who wants reminders what `compose` makes for them (nothing when it makes
 * nothing), each under its claim: claimed first, and given back when the mail fails.
 */
async function remindEach(
  store: Store,
  mail: MailTransport,
  recipients: ReminderRecipient[],
  compose: (recipient: ReminderRecipient) => Promise<Composed | undefined>,
  now: Date,
): Promise<{ sent: number; failures: number }> {
  const result = { sent: 0, failures: 0 };
  for (const recipient of recipients) {
    const composed = recipient.enabled ? await compose(recipient) : undefined;
    if (composed === undefined) {
      continue;
    }
    const { message, ...key } = composed;
    const claim = { userId: recipient.userId, ...key };
    if (!(await claimReminder(store.db, { ...claim, now }))) {
      continue;
    }
    try {
      await mail.send({ to: recipient.email, ...message });
      result.sent += 1;
    } catch {
      await releaseReminder(store.db, claim);
      result.failures += 1;
    }
  }
  return result;
}

/** An editor's status reminder: all their facilities behind, or nothing. */
function statusReminder(store: Store, options: ReminderOptions, now: Date) {
  const today = dutchDate(now);
  return async (editor: ReminderRecipient): Promise<Composed | undefined> => {
    const stale = await staleFacilities(store.db, editor.scopes, now, options.freshnessHours);
    if (stale.length === 0) {
      return undefined;
    }
    const language = editor.language ?? 'nl';
    return {
      message: staleStatusMail(
        language,
        editor.name,
        stale,
        options.publicUrl,
        options.freshnessHours,
      ),
      kind: 'stale-status',
      periodStart: today,
      hospiceIds: stale.map((s) => s.hospiceId),
    };
  };
}

async function digestRegions(
  store: Store,
  regisseur: ReminderRecipient,
  options: ReminderOptions,
  now: Date,
): Promise<DigestRegion[]> {
  const today = dutchDate(now);
  const regions: DigestRegion[] = [];
  for (const code of regisseur.scopes) {
    const region = await findRegion(store.db, code, today);
    if (region === undefined) {
      continue;
    }
    const completeness = await regionCompleteness(store.db, code, now, options.freshnessHours);
    const names = new Map(completeness.hospices.map((h) => [h.hospiceId, h.name]));
    const stops = (await regionBedStatus(store.db, code, now, options.freshnessHours))
      .filter((s) => s.admissionStop === true && s.freshness === 'fresh')
      .map((s) => names.get(s.hospiceId) ?? s.hospiceId);
    regions.push({
      code,
      name: region.name,
      hospices: completeness.hospices.length,
      behind: completeness.hospices.filter((h) => h.behind),
      admissionStops: stops,
    });
  }
  return regions;
}

/** A regisseur's digest of the week: their regions' admission stops and who is behind. */
function weeklyDigest(store: Store, options: ReminderOptions, now: Date) {
  const week = weekStart(dutchDate(now));
  return async (regisseur: ReminderRecipient): Promise<Composed | undefined> => {
    const regions = await digestRegions(store, regisseur, options, now);
    if (regions.length === 0) {
      return undefined;
    }
    const language = regisseur.language ?? 'nl';
    return {
      message: weeklyDigestMail(language, regisseur.name, regions, options.publicUrl),
      kind: 'weekly-digest',
      periodStart: week,
      hospiceIds: regions.flatMap((r) => r.behind.map((h) => h.hospiceId)),
    };
  };
}

/** One run of the rules at `now`: what it sent. */
export async function runReminders(
  store: Store,
  mail: MailTransport,
  options: ReminderOptions,
  now: Date,
): Promise<ReminderRun> {
  // Status reminders only in the daytime; the digest whenever its week has none yet.
  const hour = Number(DUTCH_HOUR.format(now));
  const daytime = hour >= DAY_STARTS && hour < DAY_ENDS;
  const editors = daytime ? await reminderRecipients(store.db, 'hospice-editor') : [];
  const status = await remindEach(store, mail, editors, statusReminder(store, options, now), now);
  const regisseurs = await reminderRecipients(store.db, 'regisseur');
  const digests = await remindEach(store, mail, regisseurs, weeklyDigest(store, options, now), now);
  return {
    statusReminders: status.sent,
    digests: digests.sent,
    failures: status.failures + digests.failures,
  };
}

/**
 * Runs the rules every `intervalMinutes` until stopped. The first run waits one interval, so a
 * server that restarts often does not run them at every start; the claims keep them at one.
 */
export function startReminderJob(
  run: () => Promise<unknown>,
  intervalMinutes: number,
  onError: (error: unknown) => void,
): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(run).catch(onError);
  }, intervalMinutes * 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
