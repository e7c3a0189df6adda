import { DEFAULT_FRESHNESS_HOURS, storeConfigFromEnv, type StoreConfig } from '@palliamonitor/data';

// Every environment variable the server and the command line read, read here once and checked at
// start: a bad value stops the start with one line that names the variable (the CLI exits with
// code 2), rather than surfacing later as a strange answer. README.md lists them all.

export interface Config {
  /** PORT: the HTTP port `serve` listens on. */
  port: number;
  /** HOST: the interface `serve` listens on. */
  host: string;
  /** DATABASE_URL (PostgreSQL) or DATA_DIR (the embedded store). */
  store: StoreConfig;
  /** LOG_LEVEL: the server log's level. */
  logLevel: LogLevel;
  /** FRESHNESS_HOURS: after this many hours an unconfirmed bed status counts as unknown. */
  freshnessHours: number;
  /** TRUST_PROXY: how many proxies in front of the server add to X-Forwarded-For (0: none). */
  trustProxyHops: number;
  /** TOKEN_RATE_PER_MINUTE: requests per minute one API token may make. */
  tokenRatePerMinute: number;
  /** SMTP_URL: the mail server for password-reset links; none sends them to the log. */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the sender of those mails. */
  mailFrom: string;
  /** PUBLIC_URL: the address users reach the app at, for links in mails. */
  publicUrl: string | undefined;
  /** REMINDER_INTERVAL_MINUTES: how often `serve` runs the reminder rules (0: never). */
  reminderIntervalMinutes: number;
  /** WEB_DIST: the built web app served beside the API. */
  webDist: string | undefined;
  /** PALLIAMONITOR_PASSWORD: the password `user create` gives a new account. */
  newUserPassword: string | undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A bad environment variable: its message is the one line a person reads. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = text(env, name);
  if (value === undefined) {
    return fallback;
  }
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new ConfigError(`invalid ${name}: ${value} (a whole number ${min}–${max})`);
  }
  return n;
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const value = text(env, name);
  if (value === undefined) {
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`invalid ${name}: not a URL (${protocols.join(' or ')})`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`invalid ${name}: use ${protocols.join(' or ')}, not ${parsed.protocol}`);
  }
  return value;
}

function freshnessHours(env: Env): number {
  const value = text(env, 'FRESHNESS_HOURS');
  const hours = value === undefined ? DEFAULT_FRESHNESS_HOURS : Number(value);
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new ConfigError(`invalid FRESHNESS_HOURS: ${value} (a number of hours above 0)`);
  }
  return hours;
}

function trustProxyHops(env: Env): number {
  const value = text(env, 'TRUST_PROXY');
  if (value === undefined || value === 'false') {
    return 0;
  }
  // `true` is the usual one TLS-terminating proxy; a number is that many proxies in a row.
  return value === 'true' ? 1 : integer(env, 'TRUST_PROXY', 0, 0, 10);
}

function logLevel(env: Env): LogLevel {
  const value = text(env, 'LOG_LEVEL') ?? 'warn';
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(`invalid LOG_LEVEL: ${value} (one of ${LOG_LEVELS.join(', ')})`);
  }
  return value as LogLevel;
}

function storeConfig(env: Env): StoreConfig {
  // Never echo the value: a connection string may hold a password.
  url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  return storeConfigFromEnv(env);
}

/** The configuration from the environment; throws ConfigError naming the first bad variable. */
export function readConfig(env: Env = process.env): Config {
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: text(env, 'HOST') ?? '0.0.0.0',
    store: storeConfig(env),
    logLevel: logLevel(env),
    freshnessHours: freshnessHours(env),
    trustProxyHops: trustProxyHops(env),
    tokenRatePerMinute: integer(env, 'TOKEN_RATE_PER_MINUTE', 600, 1, 1_000_000),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: text(env, 'MAIL_FROM') ?? 'Palliamonitor <noreply@localhost>',
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:'])?.replace(/\/$/, ''),
    reminderIntervalMinutes: integer(env, 'REMINDER_INTERVAL_MINUTES', 60, 0, 24 * 60),
    webDist: text(env, 'WEB_DIST'),
    newUserPassword: env['PALLIAMONITOR_PASSWORD'],
  };
}
