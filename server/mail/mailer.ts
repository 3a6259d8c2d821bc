/**
 * Outbound mail: one `Mailer` for the whole server (consent links, privacy-request verification).
 * SMTP through `nodemailer`, configured by `ASSENT_SMTP_URL` (`smtp://user:pass@host:port`,
 * `smtps://…` for implicit TLS) and `ASSENT_MAIL_FROM`. Sending never throws: the answer says
 * `sent` or `failed` with the reason, which callers keep in their audit trail.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export interface MailMessage {
  to: string;
  subject: string;
  /** The plain-text part: every mail has one. */
  text: string;
  html: string;
  /** BCP 47 language of the content, sent as `Content-Language`. */
  language?: string;
}

export type MailResult =
  { status: 'sent'; messageId: string } | { status: 'failed'; reason: string };

export interface Mailer {
  /** Whether an SMTP server is configured at all. */
  readonly configured: boolean;
  send(message: MailMessage): Promise<MailResult>;
  close(): void;
}

export interface MailerOptions {
  /** `smtp://…` or `smtps://…`; absent: every send fails with "no SMTP server configured". */
  smtpUrl?: string | undefined;
  from?: string | undefined;
  /** Connection, greeting and socket timeouts, so a hanging server cannot hold a request. */
  timeoutMs?: number;
}

const DEFAULT_FROM = 'Assent <no-reply@assent.invalid>';

export function createMailer(options: MailerOptions = {}): Mailer {
  const { smtpUrl, from = DEFAULT_FROM, timeoutMs = 10_000 } = options;
  if (!smtpUrl) {
    return {
      configured: false,
      send: () =>
        Promise.resolve({
          status: 'failed',
          reason: 'no SMTP server configured (ASSENT_SMTP_URL)',
        }),
      close: () => {},
    };
  }
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Loopback test servers and the demo's catcher speak plain SMTP; real ones upgrade.
    ignoreTLS:
      new URL(smtpUrl).hostname === '127.0.0.1' || new URL(smtpUrl).hostname === 'localhost',
  } as SMTPTransport.Options);
  return {
    configured: true,
    async send(message) {
      try {
        const info = (await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(message.language && { headers: { 'Content-Language': message.language } }),
        })) as { messageId: string };
        return { status: 'sent', messageId: info.messageId };
      } catch (error) {
        return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
    },
    close: () => transport.close(),
  };
}

/** The mailer `main.ts` builds from the environment. */
export function mailerFromEnv(env: NodeJS.ProcessEnv): Mailer {
  return createMailer({
    smtpUrl: env.ASSENT_SMTP_URL || undefined,
    from: env.ASSENT_MAIL_FROM || undefined,
  });
}
