import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from './mailer.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../testing/smtp-catcher.ts';

describe('the mailer', () => {
  let catcher: SmtpCatcher | undefined;
  afterEach(async () => {
    await catcher?.close();
    catcher = undefined;
  });

  it('delivers a mail with its text and HTML parts to a real SMTP server', async () => {
    catcher = await startSmtpCatcher();
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'Shop <privacy@shop.example>' });
    const result = await mailer.send({
      to: 'person@example.com',
      subject: 'Your consent link',
      text: 'Open https://example.com/x',
      html: '<p>Open <a href="https://example.com/x">the link</a></p>',
      language: 'fr',
    });
    mailer.close();
    expect(result.status).toBe('sent');
    const mail = await catcher.next('person@example.com');
    expect(mail.subject).toBe('Your consent link');
    expect(mail.text).toContain('https://example.com/x');
    expect(mail.html).toContain('<a href="https://example.com/x">');
    expect(mail.headers['content-language']).toBe('fr');
    expect(mail.from).toBe('privacy@shop.example');
  });

  it('answers failed with the reason when the server refuses the recipient', async () => {
    catcher = await startSmtpCatcher({ refuse: true });
    const mailer = createMailer({ smtpUrl: catcher.url });
    const result = await mailer.send({
      to: 'person@example.com',
      subject: 's',
      text: 't',
      html: '<p>t</p>',
    });
    mailer.close();
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.reason).toMatch(/550|relay/i);
    expect(catcher.mails).toHaveLength(0);
  });

  it('answers failed when nothing listens, and when no server is configured', async () => {
    catcher = await startSmtpCatcher();
    const url = catcher.url;
    await catcher.close();
    catcher = undefined;
    const closed = createMailer({ smtpUrl: url, timeoutMs: 2000 });
    const down = await closed.send({ to: 'a@example.com', subject: 's', text: 't', html: 't' });
    closed.close();
    expect(down.status).toBe('failed');
    const none = await createMailer().send({
      to: 'a@example.com',
      subject: 's',
      text: 't',
      html: 't',
    });
    expect(none).toEqual({
      status: 'failed',
      reason: 'no SMTP server configured (ASSENT_SMTP_URL)',
    });
  });
});
