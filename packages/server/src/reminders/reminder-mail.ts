import type { HospiceCompleteness } from '@palliamonitor/contracts';
import type { ReminderLanguage, StaleFacility } from '@palliamonitor/data';

// The texts of the reminder mails, in Dutch unless the person chose English in the app. They name
// facilities and figures of reporting only: never a patient, never anyone's e-mail address.

export interface MailText {
  subject: string;
  text: string;
}

const DATE_TIME = {
  nl: new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }),
};

function confirmedText(language: ReminderLanguage, at: string | null): string {
  if (at === null) {
    return language === 'en' ? 'never confirmed' : 'nog nooit bevestigd';
  }
  const when = DATE_TIME[language].format(new Date(at));
  return language === 'en' ? `last confirmed ${when}` : `laatst bevestigd ${when}`;
}

/** One reminder for all of an editor's facilities whose status is older than the limit. */
export function staleStatusMail(
  language: ReminderLanguage,
  name: string,
  facilities: StaleFacility[],
  base: string,
  freshnessHours: number,
): MailText {
  const lines = facilities.map(
    (f) =>
      `- ${f.name} (${confirmedText(language, f.lastConfirmedAt)}): ${base}/hospice/${f.hospiceId}`,
  );
  if (language === 'en') {
    return {
      subject: 'Palliamonitor: please confirm your bed status',
      text: [
        `Dear ${name},`,
        '',
        `The bed status of the facilities below is older than ${freshnessHours} hours, so the monitor shows it as unknown. One click on "No change" on the facility's page is enough.`,
        '',
        ...lines,
        '',
        'You get at most one reminder a day. You can switch reminders off on the facility’s page.',
      ].join('\n'),
    };
  }
  return {
    subject: 'Palliamonitor: wilt u uw beddenstatus bevestigen?',
    text: [
      `Beste ${name},`,
      '',
      `De beddenstatus van de voorzieningen hieronder is ouder dan ${freshnessHours} uur; de monitor toont die daarom als onbekend. Eén klik op "Niets veranderd" op de pagina van de voorziening is genoeg.`,
      '',
      ...lines,
      '',
      'U krijgt hoogstens één herinnering per dag. U kunt herinneringen uitzetten op de pagina van de voorziening.',
    ].join('\n'),
  };
}

export interface DigestRegion {
  code: string;
  name: string;
  behind: HospiceCompleteness[];
  admissionStops: string[];
  hospices: number;
}

function behindReasons(language: ReminderLanguage, h: HospiceCompleteness): string {
  const en = language === 'en';
  const reasons: string[] = [];
  if (!h.fresh) {
    reasons.push(confirmedText(language, h.lastConfirmedAt));
  }
  if (h.last28Days.share !== null) {
    const pct = Math.round(h.last28Days.share * 100);
    reasons.push(
      en ? `${pct}% of the last 28 days confirmed` : `${pct}% van de laatste 28 dagen bevestigd`,
    );
  }
  if (h.monthlyFigures.state === 'missing') {
    reasons.push(
      en
        ? `figures of ${h.monthlyFigures.month} missing`
        : `maandcijfers ${h.monthlyFigures.month} ontbreken`,
    );
  } else if (h.monthlyFigures.state === 'late') {
    reasons.push(
      en
        ? `figures of ${h.monthlyFigures.month} late`
        : `maandcijfers ${h.monthlyFigures.month} te laat`,
    );
  }
  return reasons.join('; ');
}

/** The weekly digest of a regisseur: per region the admission stops and who is behind. */
export function weeklyDigestMail(
  language: ReminderLanguage,
  name: string,
  regions: DigestRegion[],
  base: string,
): MailText {
  const en = language === 'en';
  const body = regions.flatMap((r) => [
    `${r.name} (${r.code}) — ${base}/regio/${r.code}`,
    en
      ? `${r.behind.length} of ${r.hospices} facilities behind with reporting`
      : `${r.behind.length} van ${r.hospices} voorzieningen lopen achter met melden`,
    ...r.behind.map((h) => `- ${h.name}: ${behindReasons(language, h)}`),
    ...(r.admissionStops.length === 0
      ? []
      : [(en ? 'Admission stop: ' : 'Opnamestop: ') + r.admissionStops.join(', ')]),
    '',
  ]);
  return en
    ? {
        subject: 'Palliamonitor: weekly summary of your region',
        text: [`Dear ${name},`, '', 'Alerts and gaps in reporting this week:', '', ...body].join(
          '\n',
        ),
      }
    : {
        subject: 'Palliamonitor: weekoverzicht van uw regio',
        text: [
          `Beste ${name},`,
          '',
          'Signalen en gaten in het melden deze week:',
          '',
          ...body,
        ].join('\n'),
      };
}
