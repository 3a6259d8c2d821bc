import { E2E_ADMIN_KEY } from '../playwright.config.ts';
import { startSmtpCatcher } from '../server/testing/smtp-catcher.ts';
import { expect, test } from './fixtures.ts';
import { privatePort, startServer } from './server-process.ts';

const ORG = '00000000-0000-4000-8000-00000000000a';
const PROJECT = '00000000-0000-4000-8000-00000000000b';
const ANALYTICS = '00000000-0000-4000-8000-0000000000c2';
const MARKETING = '00000000-0000-4000-8000-0000000000c3';
const PHONE = '+919876543210';

// The expired link's 410 is the outcome asked for; Chromium logs any 4xx document as an error.
test.use({ expectedConsoleErrors: [/status of 410 \(Gone\)/] });

// Its own server and data (a collection point and consent events on the demo project would show
// in other tests' counts), with a real SMTP catcher on loopback as the mail server.
test('a mailed consent link opens the hosted page, records both choices and expires', async ({
  page,
}, info) => {
  // Two server starts (one past expiry) on a busy machine.
  test.setTimeout(300_000);
  const catcher = await startSmtpCatcher();
  const port = privatePort(info.parallelIndex);
  const env = { ASSENT_SMTP_URL: catcher.url, NODE_ENV: 'test' };
  let server = await startServer(port, undefined, undefined, env);
  const headers = { 'x-api-key': E2E_ADMIN_KEY, 'content-type': 'application/json' };
  try {
    const point = await fetch(
      `${server.url}/privacy-v1/organizations/${ORG}/projects/${PROJECT}/collection-points`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'Shop counter', consentTypes: [ANALYTICS, MARKETING] }),
      },
    );
    expect(point.status).toBe(201);
    const created = await fetch(`${server.url}/api/consent/consent-links`, {
      method: 'POST',
      headers: { 'X-API-Key': E2E_ADMIN_KEY, 'X-Org-Id': ORG, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        collection_point_id: 'CP001',
        asset_id: PROJECT,
        phone: PHONE,
        email: 'shopper@example.com',
        expiry_hours: 1,
      }),
    });
    expect(created.status).toBe(201);
    const answer = (await created.json()) as { consent_link: string; delivery_status: object };
    expect(answer.delivery_status).toEqual({ email: 'sent' });

    const mail = await catcher.next('shopper@example.com');
    const link = /https?:\/\/\S+\/demo-organization\/CP001\/[0-9a-f-]{36}/.exec(mail.text)![0];
    expect(link).toBe(answer.consent_link);

    await page.goto(link);
    await expect(page.getByText('Northwind Coffee Co.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Shop counter' })).toBeVisible();
    const center = page.locator('#assent-link-center');
    await center.getByRole('switch', { name: 'Analytics' }).check();
    await expect(center.getByRole('switch', { name: 'Marketing' })).not.toBeChecked();
    await center.getByRole('button', { name: 'Save choices' }).click();
    await expect(page.getByRole('status')).toHaveText('Your choices are saved.');
    // The page shows what is recorded: the switches follow the stored decisions.
    await expect(center.getByRole('switch', { name: 'Analytics' })).toBeChecked();
    await expect(center.getByText('Allowed', { exact: true })).toBeVisible();
    await expect(center.getByText('Not allowed', { exact: true })).toBeVisible();

    const listed = await fetch(
      `${server.url}/privacy-v1/organizations/${ORG}/projects/${PROJECT}/consent-events?phoneNumber=${encodeURIComponent(PHONE)}&view=full`,
      { headers },
    );
    const { items } = (await listed.json()) as {
      items: { label: string; consentState: string; surface: string; consentAction: string }[];
    };
    expect(
      items.map((item) => [item.label, item.consentState, item.surface, item.consentAction]).sort(),
    ).toEqual([
      ['analytics', 'accepted', 'link', 'user_click'],
      ['marketing', 'declined', 'link', 'user_click'],
    ]);

    // Past expiry_hours: the same server and data, its clock an hour and a minute ahead.
    await server.stop();
    server = await startServer(port, server.dataDir, undefined, {
      ...env,
      ASSENT_TEST_CLOCK_OFFSET_MS: String(61 * 60_000),
    });
    const expired = await page.goto(link);
    expect(expired!.status()).toBe(410);
    await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
  } finally {
    await server.stop();
    await catcher.close();
  }
});
