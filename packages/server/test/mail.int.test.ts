import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { createUser, type Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { readConfig } from '../src/config';
import { mailTransportOf, smtpMailTransport } from '../src/mail';
import { startSmtpServer } from './smtp-fixture';

// Password-reset mail over real SMTP: a local SMTP server (smtp-server) receives what the app
// sends through nodemailer, and the link in it resets the password.

let received: ParsedMail[];
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let smtpPort: number;
let store: Store;
let app: App;

beforeAll(async () => {
  smtp = await startSmtpServer();
  received = smtp.received;
  smtpPort = smtp.port;
  store = await openTestStore({ reference: false });
  await createUser(
    store.db,
    {
      email: 'coordinator@hospice.example.org',
      name: 'Coördinator',
      password: 'het-oude-wachtwoord',
      roles: [],
    },
    new Date(),
  );
  app = await buildApp(store, {
    mail: smtpMailTransport(`smtp://127.0.0.1:${smtpPort}`, 'Palliamonitor <noreply@example.org>'),
  });
});
afterAll(async () => {
  await app.close();
  await store.close();
  await smtp.close();
});

async function until<T>(find: () => T | undefined, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) {
      return found;
    }
    if (Date.now() > end) {
      throw new Error('not received in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`password-reset mail over SMTP (${storeName})`, () => {
  it('sends the link to the account’s address; the link sets a new password', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'Coordinator@Hospice.example.org' },
      headers: { host: 'palliamonitor.example.org' },
    });
    expect(res.statusCode).toBe(202);
    const mail = await until(() => received.find((m) => m.subject?.includes('wachtwoord')));
    expect(mail.from?.value).toEqual([{ name: 'Palliamonitor', address: 'noreply@example.org' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe(
      'coordinator@hospice.example.org',
    );
    const link = /http:\/\/palliamonitor\.example\.org\/wachtwoord-herstellen\?token=([\w-]+)/.exec(
      mail.text ?? '',
    );
    expect(link).not.toBeNull();
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: link![1], password: 'een-nieuw-lang-wachtwoord' },
    });
    expect(confirm.statusCode).toBe(204);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'coordinator@hospice.example.org', password: 'een-nieuw-lang-wachtwoord' },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('answers 202 even when the mail server cannot be reached', async () => {
    const closed = await buildApp(store, {
      mail: smtpMailTransport('smtp://127.0.0.1:1', 'Palliamonitor <noreply@example.org>'),
    });
    try {
      const res = await closed.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email: 'coordinator@hospice.example.org' },
      });
      expect(res.statusCode).toBe(202);
    } finally {
      await closed.close();
    }
  });
});

describe('mail transport from the environment', () => {
  it('uses SMTP when SMTP_URL is set, else the log', async () => {
    const lines: string[] = [];
    const log = mailTransportOf(readConfig({}), (line) => lines.push(line));
    await log.send({ to: 'a@example.org', subject: 'Onderwerp', text: 'de link' });
    expect(lines).toEqual(['mail to a@example.org: Onderwerp — de link']);
    const before = received.length;
    const smtpFromEnv = mailTransportOf(
      readConfig({
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'Regio <regio@example.org>',
      }),
      (line) => lines.push(line),
    );
    await smtpFromEnv.send({ to: 'b@example.org', subject: 'Via SMTP', text: 'tekst' });
    smtpFromEnv.close?.();
    const mail = await until(() => received.slice(before).find((m) => m.subject === 'Via SMTP'));
    expect(mail.from?.value).toEqual([{ name: 'Regio', address: 'regio@example.org' }]);
    expect(lines).toHaveLength(1);
  });
});
