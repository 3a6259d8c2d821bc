import type { MailMessage } from '../mail/mailer.ts';
import { escapeHtml } from './html.ts';
import { fill, linkTexts } from './link-texts.ts';

export interface LinkMailInput {
  to: string;
  organization: string;
  collectionPoint: string;
  link: string;
  expiresAt: Date;
  /** BCP 47. */
  language: string;
  /** The project's accent colour (`#1f5f8b`); a safe default otherwise. */
  accent?: string | undefined;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** `#1f5f8b`, or the default when the value is anything but a hex colour. */
function safeColour(value: string | undefined): string {
  return value && /^#[0-9a-f]{6}$/i.test(value) ? value : '#1f5f8b';
}

export function formatDate(date: Date, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }).format(date);
  } catch {
    return date.toISOString();
  }
}

/**
 * The consent link's mail: a plain-text part and an HTML part, both holding the link and its
 * expiry, in the person's language. The HTML is one centred table (what mail clients render
 * alike), styled inline (clients drop `<style>`), with real text on a contrasting button and no
 * images at all, so nothing tracks whether or when it was opened.
 */
export function linkMail(input: LinkMailInput): MailMessage {
  const texts = linkTexts(input.language);
  const primary = input.language.toLowerCase().split('-')[0]!;
  const dir = RTL.has(primary) ? 'rtl' : 'ltr';
  const date = formatDate(input.expiresAt, input.language);
  const values = { organization: input.organization, point: input.collectionPoint, date };
  const subject = fill(texts.subject, values);
  const intro = fill(texts.intro, values);
  const expires = fill(texts.expires, values);
  const text = [
    texts.greeting,
    '',
    intro,
    '',
    `${texts.button}: ${input.link}`,
    '',
    expires,
    '',
    texts.ignore,
    '',
    `— ${input.organization}`,
  ].join('\n');
  const accent = safeColour(input.accent);
  const e = escapeHtml;
  const align = dir === 'rtl' ? 'right' : 'left';
  const html = `<!doctype html>
<html lang="${e(input.language)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${e(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="background:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="max-width:560px;background:#ffffff;border-radius:8px;border-top:6px solid ${accent};">
<tr><td style="padding:28px 32px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2937;text-align:${align};">
<p style="margin:0 0 4px;font-size:14px;font-weight:600;color:${accent};">${e(input.organization)}</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#111827;">${e(subject)}</h1>
<p style="margin:0 0 12px;">${e(texts.greeting)}</p>
<p style="margin:0 0 24px;">${e(intro)}</p>
<p style="margin:0 0 24px;"><a href="${e(input.link)}" style="display:inline-block;padding:12px 24px;border-radius:6px;background:${accent};color:#ffffff;font-weight:600;text-decoration:none;">${e(texts.button)}</a></p>
<p style="margin:0 0 12px;font-size:14px;color:#374151;">${e(expires)}</p>
<p style="margin:0 0 12px;font-size:14px;color:#374151;word-break:break-all;"><a href="${e(input.link)}" style="color:${accent};">${e(input.link)}</a></p>
<p style="margin:24px 0 0;font-size:13px;color:#4b5563;">${e(texts.ignore)}</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
  return { to: input.to, subject, text, html, language: input.language };
}
