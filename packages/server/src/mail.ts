import type { Config } from './config';

// Mail leaves the server for one reason: a password-reset link. With SMTP_URL set it goes out over
// SMTP (nodemailer); without, development writes it to the server log.

/** Where password-reset links go. */
export interface MailTransport {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  /** Releases connections, when the transport keeps any. */
  close?(): void;
}

/** Development transport: the link goes to the server log, where the developer can open it. */
export function logMailTransport(log: (line: string) => void): MailTransport {
  return {
    async send(message) {
      log(`mail to ${message.to}: ${message.subject} — ${message.text}`);
    },
  };
}

/**
 * SMTP from a URL such as `smtp://user:password@mail.example.org:587` (STARTTLS when the server
 * offers it) or `smtps://…:465` (TLS from the start).
 */
export function smtpMailTransport(url: string, from: string): MailTransport {
  // nodemailer is loaded in the background when the transport is made, not as a module of every
  // start of the server (most starts send no mail). Should it fail, the first send fails with it;
  // until then the failure must not count as unhandled.
  const transporter = import('nodemailer').then(({ default: nodemailer }) =>
    nodemailer.createTransport(url),
  );
  transporter.catch(() => undefined);
  return {
    async send(message) {
      await (await transporter).sendMail({ from, ...message });
    },
    close() {
      void transporter.then(
        (t) => t.close(),
        () => undefined,
      );
    },
  };
}

/** The transport the configuration asks for: SMTP_URL and MAIL_FROM, or the log. */
export function mailTransportOf(
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  log: (line: string) => void,
): MailTransport {
  return config.smtpUrl === undefined
    ? logMailTransport(log)
    : smtpMailTransport(config.smtpUrl, config.mailFrom);
}
