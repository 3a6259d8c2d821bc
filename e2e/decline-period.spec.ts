import { E2E_ADMIN_KEY } from '../playwright.config.ts';
import { expect, test } from './fixtures.ts';
import { privatePort, startServer } from './server-process.ts';

const ORG = '00000000-0000-4000-8000-00000000000a';
const PROJECT = '00000000-0000-4000-8000-00000000000b';
const MONTH_MS = 30 * 24 * 3600 * 1000;

interface StoredEvent {
  label: string;
  consentState: string;
  consentDate: string;
  expirationDate: string;
}

// Project settings and types change: on a server of its own, never the shared demo (common.md).
test('after reject all the notice stays away for the project decline period, until a new type is added', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const server = await startServer(privatePort(info.parallelIndex));
  const api = `${server.url}/privacy-v1/organizations/${ORG}/projects/${PROJECT}`;
  const headers = { 'x-api-key': E2E_ADMIN_KEY, 'content-type': 'application/json' };
  const declined = async () => {
    const response = await fetch(`${api}/consent-events?consentState=declined&limit=1000`, {
      headers,
    });
    return ((await response.json()) as { items: StoredEvent[] }).items;
  };
  try {
    // The owner sets a year; site-client sends it.
    const patched = await fetch(api, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ declineDuration: 'P1Y' }),
    });
    expect(patched.status).toBe(200);
    const client = await (await fetch(`${server.url}/site-v1/${PROJECT}/site-client`)).json();
    expect(client).toMatchObject({ declineDuration: 'P1Y' });

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/fixture.html`);
    const notice = page.locator('#assent-notice');
    await notice.getByRole('button', { name: 'Reject all' }).click({ timeout: 20_000 });
    await expect(notice).toHaveCount(0);

    // Every refusal lasts the year the project set, whatever its type's own duration.
    let items: StoredEvent[] = [];
    await expect(async () => {
      items = await declined();
      expect(items.length).toBeGreaterThan(0);
    }).toPass({ timeout: 20_000 });
    for (const item of items) {
      const lasts = Date.parse(item.expirationDate) - Date.parse(item.consentDate);
      expect(lasts, item.label).toBeGreaterThan(11.5 * MONTH_MS);
    }

    // Reloaded: no notice.
    await page.reload();
    await page.waitForFunction(
      () => (window as unknown as { assent?: { ready?: unknown } }).assent?.ready,
    );
    await page.evaluate(
      () => (window as unknown as { assent: { ready: Promise<unknown> } }).assent.ready,
    );
    await page.waitForTimeout(500);
    await expect(notice).toHaveCount(0);

    // The site's consent types change: a new one is asked about, within the period.
    const created = await fetch(`${api}/consent-types`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        category: 'privacy_setting',
        label: 'personalization',
        name: 'Personalization',
        description: 'Remembers what you like to suggest coffees.',
      }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ status: 'active' });
    await expect(async () => {
      await page.reload();
      await expect(notice).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    // It asks about the new type only: the refusals stand.
    const asked = await page.evaluate(() => {
      const assent = (window as unknown as { assent: { get(label: string): string | undefined } })
        .assent;
      return { personalization: assent.get('personalization'), analytics: assent.get('analytics') };
    });
    expect(asked).toEqual({ personalization: undefined, analytics: 'declined' });
    await context.close();
  } finally {
    await server.stop();
  }
});
