import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

describe('readConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'warn',
      freshnessHours: 24,
      trustProxyHops: 0,
      tokenRatePerMinute: 600,
      smtpUrl: undefined,
      mailFrom: 'Palliamonitor <noreply@localhost>',
      publicUrl: undefined,
      reminderIntervalMinutes: 60,
      webDist: undefined,
    });
    expect(config.store.dataDir).toMatch(/data$/);
  });

  it('reads every variable it documents', () => {
    const config = readConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://u@db:5432/pm',
      LOG_LEVEL: 'info',
      FRESHNESS_HOURS: '12.5',
      TRUST_PROXY: '2',
      TOKEN_RATE_PER_MINUTE: '60',
      SMTP_URL: 'smtps://mail.example.org:465',
      MAIL_FROM: 'Regio <regio@example.org>',
      PUBLIC_URL: 'https://monitor.example.org/',
      REMINDER_INTERVAL_MINUTES: '0',
      WEB_DIST: '/srv/web',
      PALLIAMONITOR_PASSWORD: 'lang-genoeg-wachtwoord',
    });
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      store: { databaseUrl: 'postgres://u@db:5432/pm' },
      logLevel: 'info',
      freshnessHours: 12.5,
      trustProxyHops: 2,
      tokenRatePerMinute: 60,
      smtpUrl: 'smtps://mail.example.org:465',
      mailFrom: 'Regio <regio@example.org>',
      publicUrl: 'https://monitor.example.org',
      reminderIntervalMinutes: 0,
      webDist: '/srv/web',
      newUserPassword: 'lang-genoeg-wachtwoord',
    });
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxyHops).toBe(1);
    expect(readConfig({ TRUST_PROXY: 'false' }).trustProxyHops).toBe(0);
  });

  it.each([
    ['PORT', 'http', 'invalid PORT: http (a whole number 0–65535)'],
    ['PORT', '70000', 'invalid PORT: 70000 (a whole number 0–65535)'],
    ['FRESHNESS_HOURS', '0', 'invalid FRESHNESS_HOURS: 0 (a number of hours above 0)'],
    ['TRUST_PROXY', 'yes', 'invalid TRUST_PROXY: yes (a whole number 0–10)'],
    ['TOKEN_RATE_PER_MINUTE', '-5', 'invalid TOKEN_RATE_PER_MINUTE: -5 (a whole number 1–1000000)'],
    [
      'LOG_LEVEL',
      'loud',
      'invalid LOG_LEVEL: loud (one of fatal, error, warn, info, debug, trace, silent)',
    ],
    ['SMTP_URL', 'mail.example.org', 'invalid SMTP_URL: not a URL (smtp: or smtps:)'],
    ['PUBLIC_URL', 'ftp://x.example.org', 'invalid PUBLIC_URL: use http: or https:, not ftp:'],
  ])('refuses %s=%s with one line naming the variable', (name, value, message) => {
    expect(() => readConfig({ [name]: value })).toThrow(new ConfigError(message));
  });

  it('names a bad DATABASE_URL without echoing it (it may hold a password)', () => {
    let error: unknown;
    try {
      readConfig({ DATABASE_URL: 'mysql://admin:geheim@db/pm' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      'invalid DATABASE_URL: use postgres: or postgresql:, not mysql:',
    );
    expect((error as Error).message).not.toContain('geheim');
  });
});
