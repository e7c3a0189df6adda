import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import {
  addDays,
  createUser,
  DEMO_PASSWORD,
  regionCompleteness,
  type Store,
} from '@palliamonitor/data';
import { createUtrechtHospice, openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { smtpMailTransport, type MailTransport } from '../src/mail';
import { runReminders } from '../src/reminders/reminder-job';
import { makeActors, type Actor } from './security-fixtures';
import { startSmtpServer } from './smtp-fixture';

// Reporting completeness on known data, and the reminder rules over real SMTP: a local SMTP server
// (smtp-server) receives what the rules send. The clock is passed to each run; nothing waits on
// a timer.

let received: ParsedMail[];
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mail: MailTransport;
let store: Store;
let app: App;
const clock = new Date('2026-03-10T09:00:00Z'); // a Tuesday, 10:00 in the Netherlands
let hospiceA: string;
let hospiceB: string;
let hospiceC: string;
let actors: Record<string, Actor>;
const options = { freshnessHours: 24, publicUrl: 'https://monitor.example.org' };
const registered = new Date('2026-01-02T10:00:00Z');

async function event(hospiceId: string, at: string): Promise<void> {
  await store.db
    .insertInto('bed_status_event')
    .values({
      hospice_id: hospiceId,
      kind: 'confirm',
      beds_open: 4,
      beds_occupied: 2,
      beds_closed: 0,
      closed_reason: null,
      admission_stop: false,
      recorded_at: at,
      recorded_by: 'test',
    })
    .execute();
}

async function user(email: string, role: 'hospice-editor' | 'regisseur', scope: string) {
  await createUser(
    store.db,
    { email, name: email.split('@')[0]!, password: DEMO_PASSWORD, roles: [{ role, scope }] },
    registered,
  );
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: DEMO_PASSWORD },
  });
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { cookie, 'x-csrf-token': res.json().csrfToken as string };
}

const mailsTo = (address: string) =>
  received.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '') === address);

beforeAll(async () => {
  smtp = await startSmtpServer();
  received = smtp.received;
  const port = smtp.port;
  mail = smtpMailTransport(`smtp://127.0.0.1:${port}`, 'Palliamonitor <noreply@example.org>');
  store = await openTestStore();
  app = await buildApp(store, { now: () => clock, freshnessHours: 24 });
  hospiceA = await createUtrechtHospice(store, 'Hospice Achterstand', 4, registered);
  hospiceB = await createUtrechtHospice(store, 'Hospice Vers', 4, registered);
  hospiceC = await createUtrechtHospice(store, 'Hospice Registratie', 4, registered);
  actors = await makeActors(app, store, hospiceA, registered);
  // A: every day from 10 February to 9 March but four, last on 9 March 08:00 UTC (25 h ago).
  const gaps = new Set(['2026-02-14', '2026-02-15', '2026-02-21', '2026-02-22']);
  for (let day = '2026-02-10'; day <= '2026-03-09'; day = addDays(day, 1)) {
    if (!gaps.has(day)) {
      await event(hospiceA, `${day}T08:00:00.000Z`);
    }
  }
  // B: confirmed an hour ago by its own system, never before.
  await event(hospiceB, '2026-03-10T08:00:00.000Z');
  // C: registers its admissions live since January (no monthly return needed).
  await store.db
    .insertInto('refusal')
    .values({
      hospice_id: hospiceC,
      refused_on: '2026-01-05',
      count: 1,
      recorded_at: '2026-01-05T10:00:00.000Z',
      recorded_by: 'test',
    })
    .execute();
  // A's February return came in by CSV on 5 March.
  await store.db
    .insertInto('monthly_return')
    .values({
      hospice_id: hospiceA,
      month: '2026-02-01',
      occupied_start: 2,
      admissions: 3,
      departures_died: 2,
      departures_discharged_home: 0,
      departures_transferred: 0,
      occupied_end: 3,
      bed_days: 70,
      refusals: 0,
      waiting_list_end: null,
      length_of_stay_days_total: null,
      source: 'csv',
      recorded_at: '2026-03-05T09:00:00.000Z',
      recorded_by: 'test',
      superseded_at: null,
      superseded_by: null,
    })
    .execute();
});
afterAll(async () => {
  await app.close();
  mail.close?.();
  await store.close();
  await smtp.close();
});

describe(`reporting completeness (${storeName})`, () => {
  it('counts confirmed days, the age of the last confirmation and the monthly figures', async () => {
    const res = await app.inject({
      url: '/api/v1/regions/ZK23/completeness',
      headers: actors['regisseur']!.headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const byId = new Map(body.hospices.map((h: { hospiceId: string }) => [h.hospiceId, h]));
    expect(byId.get(hospiceA)).toMatchObject({
      last28Days: { from: '2026-02-10', to: '2026-03-09', days: 28, daysConfirmed: 24 },
      lastMonth: { from: '2026-02-01', to: '2026-02-28', days: 28, daysConfirmed: 15 },
      lastConfirmedAt: '2026-03-09T08:00:00.000Z',
      lastConfirmationAgeHours: 25,
      fresh: false,
      monthlyFigures: { month: '2026-02', dueOn: '2026-03-10', state: 'on-time', source: 'csv' },
      behind: true,
    });
    expect(byId.get(hospiceA)).toHaveProperty('last28Days.share', 0.857);
    expect(byId.get(hospiceB)).toMatchObject({
      last28Days: { days: 28, daysConfirmed: 0, share: 0 },
      fresh: true,
      lastConfirmationAgeHours: 1,
      monthlyFigures: { state: 'pending', source: null },
      behind: true,
    });
    expect(byId.get(hospiceC)).toMatchObject({
      lastConfirmedAt: null,
      monthlyFigures: { state: 'from-events', source: 'events' },
    });
    expect(body.summary).toMatchObject({
      hospices: 3,
      fresh: 1,
      behind: 3,
      last28DaysShare: Math.round((24 / 84) * 1000) / 1000,
      monthlyFiguresIn: 2,
      monthlyFiguresOnTime: 2,
    });
  });

  it('after the due date a missing return is missing', async () => {
    const next = await regionCompleteness(store.db, 'ZK23', new Date('2026-03-11T09:00:00Z'), 24);
    const b = next.hospices.find((h) => h.hospiceId === hospiceB);
    expect(b?.monthlyFigures.state).toBe('missing');
  });

  it('a regisseur reads the own region only; national readers also NL; others are refused', async () => {
    const get = (code: string, actor: string) =>
      app.inject({ url: `/api/v1/regions/${code}/completeness`, headers: actors[actor]!.headers });
    expect((await get('ZK23', 'national-analyst')).statusCode).toBe(200);
    const nation = await get('NL', 'national-analyst');
    expect(nation.statusCode).toBe(200);
    expect(nation.json().summary.hospices).toBe(3);
    expect((await get('NL', 'regisseur')).statusCode).toBe(403);
    expect((await get('ZK01', 'regisseur')).statusCode).toBe(403);
    expect((await get('ZK23', 'hospice-editor')).statusCode).toBe(403);
    expect((await get('ZK23', 'anonymous')).statusCode).toBe(401);
    expect((await get('XX99', 'national-analyst')).statusCode).toBe(400);
  });
});

describe(`reminders over SMTP (${storeName})`, () => {
  let optedOut: Record<string, string>;
  let english: Record<string, string>;

  beforeAll(async () => {
    await user('editor-a@hospice.example.org', 'hospice-editor', hospiceA);
    await user('editor-b@hospice.example.org', 'hospice-editor', hospiceB);
    optedOut = await user('editor-stil@hospice.example.org', 'hospice-editor', hospiceA);
    english = await user('editor-en@hospice.example.org', 'hospice-editor', hospiceA);
    await user('regie@regio.example.org', 'regisseur', 'ZK23');
  });

  it('the editor switches reminders off in the app: stored, audited, bad input changes nothing', async () => {
    const put = (headers: Record<string, string>, payload: Record<string, unknown>) =>
      app.inject({ method: 'PUT', url: '/api/v1/account/reminders', headers, payload });
    expect((await put(optedOut, { enabled: 'nee' })).statusCode).toBe(400);
    expect(
      (await app.inject({ url: '/api/v1/account/reminders', headers: optedOut })).json(),
    ).toMatchObject({ enabled: true, stale: [{ hospiceId: hospiceA }], lastReminderAt: null });
    const off = await put(optedOut, { enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false });
    expect((await put(english, { enabled: true, language: 'en' })).json().language).toBe('en');
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['path', 'after'])
      .where('path', '=', '/api/v1/account/reminders')
      .execute();
    expect(audit.map((a) => a.after)).toEqual(
      expect.arrayContaining([{ enabled: false, language: null }]),
    );
    expect((await put({}, { enabled: false })).statusCode).toBe(401);
  });

  it('a stale editor gets one mail, with a link to the page; a fresh one none; opted out none', async () => {
    // Two instances at the same moment: the claim lets only one of them send to each editor
    // (three editors of A: two here and the one of the fixtures).
    const runs = await Promise.all([
      runReminders(store, mail, options, clock),
      runReminders(store, mail, options, clock),
    ]);
    expect(runs.reduce((n, r) => n + r.statusReminders, 0)).toBe(3);
    expect(mailsTo('hospice-editor@test.palliamonitor.nl')).toHaveLength(1);
    const [first] = mailsTo('editor-a@hospice.example.org');
    expect(mailsTo('editor-a@hospice.example.org')).toHaveLength(1);
    expect(first!.subject).toBe('Palliamonitor: wilt u uw beddenstatus bevestigen?');
    expect(first!.text).toContain(`https://monitor.example.org/hospice/${hospiceA}`);
    expect(first!.text).toContain('Hospice Achterstand');
    expect(mailsTo('editor-en@hospice.example.org')[0]!.subject).toBe(
      'Palliamonitor: please confirm your bed status',
    );
    expect(mailsTo('editor-b@hospice.example.org')).toHaveLength(0);
    expect(mailsTo('editor-stil@hospice.example.org')).toHaveLength(0);
  });

  it('a second run the same day sends none; at night none; the next day again', async () => {
    expect(
      (await runReminders(store, mail, options, new Date('2026-03-10T15:00:00Z'))).statusReminders,
    ).toBe(0);
    expect(
      (await runReminders(store, mail, options, new Date('2026-03-11T03:00:00Z'))).statusReminders,
    ).toBe(0);
    expect(mailsTo('editor-a@hospice.example.org')).toHaveLength(1);
    await runReminders(store, mail, options, new Date('2026-03-11T09:00:00Z'));
    expect(mailsTo('editor-a@hospice.example.org')).toHaveLength(2);
    expect(mailsTo('editor-stil@hospice.example.org')).toHaveLength(0);
    const settings = await app.inject({ url: '/api/v1/account/reminders', headers: english });
    expect(settings.json().lastReminderAt).toBe('2026-03-11T09:00:00.000Z');
  });

  it('the regisseur gets one digest a week, naming who is behind', async () => {
    const digests = () => mailsTo('regie@regio.example.org');
    expect(digests()).toHaveLength(1);
    expect(digests()[0]!.subject).toBe('Palliamonitor: weekoverzicht van uw regio');
    expect(digests()[0]!.text).toContain('3 van 3 voorzieningen lopen achter met melden');
    expect(digests()[0]!.text).toContain('https://monitor.example.org/regio/ZK23');
    await runReminders(store, mail, options, new Date('2026-03-15T18:00:00Z'));
    expect(digests()).toHaveLength(1);
    await runReminders(store, mail, options, new Date('2026-03-16T09:00:00Z'));
    expect(digests()).toHaveLength(2);
    expect(received.every((m) => !(m.text ?? '').includes('@'))).toBe(true);
  });
});

describe(`completeness of a facility whose history came before its record (${storeName})`, () => {
  it('counts the days it reported before it was registered here', async () => {
    // Registered today, with the status reports of the eight days before (sent by its own system,
    // or the demo's history): those days are reported days, not days before it existed.
    const hospiceD = await createUtrechtHospice(store, 'Hospice Geschiedenis', 4, clock);
    for (let day = '2026-03-02'; day <= '2026-03-09'; day = addDays(day, 1)) {
      await event(hospiceD, `${day}T08:00:00.000Z`);
    }
    const { hospices } = await regionCompleteness(store.db, 'ZK23', clock, 24);
    expect(hospices.find((h) => h.hospiceId === hospiceD)).toMatchObject({
      last28Days: { from: '2026-02-10', to: '2026-03-09', days: 8, daysConfirmed: 8, share: 1 },
    });
  });
});
