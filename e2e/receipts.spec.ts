import { spawnSync } from 'node:child_process';
import { E2E_ADMIN_KEY } from '../playwright.config.ts';
import { expect, test } from './fixtures.ts';
import { privatePort, startServer } from './server-process.ts';

const ORG = '00000000-0000-4000-8000-00000000000a';
const PROJECT = '00000000-0000-4000-8000-00000000000b';
const SHOTS = '/work/notes/shots/i17a';

interface Receipt {
  event: { id: string; consentState: string };
  notice?: { hash: string; content: { language: string; texts: Record<string, string> } };
  chain: { rowVerified: boolean };
}

// The texts change: on a server of its own, never the shared demo (common.md).
test('a receipt shows the French notice the visitor accepted, still after the texts change', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const password = 'receipts-owner-password';
  const server = await startServer(privatePort(info.parallelIndex), undefined, undefined, {
    ASSENT_ADMIN_PASSWORD: password,
  });
  const api = `${server.url}/privacy-v1/organizations/${ORG}/projects/${PROJECT}`;
  const headers = { 'x-api-key': E2E_ADMIN_KEY, 'content-type': 'application/json' };
  try {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/fixtures/widget.html?language=fr`);
    const notice = page.locator('#assent-notice');
    await expect(notice.getByRole('heading', { name: 'Votre vie privée compte' })).toBeVisible({
      timeout: 20_000,
    });
    await notice.getByRole('button', { name: 'Tout accepter' }).click();

    // What reached the server: the accepted analytics event, with its proof.
    let accepted: { id: string; concordId: string; proof?: Record<string, unknown> } | undefined;
    await expect(async () => {
      const response = await fetch(
        `${api}/consent-events?view=full&label=analytics&consentState=accepted`,
        { headers },
      );
      const { items } = (await response.json()) as {
        items: { id: string; concordId: string; proof?: Record<string, unknown> }[];
      };
      accepted = items[0];
      expect(accepted).toBeDefined();
    }).toPass({ timeout: 20_000 });
    expect(accepted!.proof).toMatchObject({
      surface: 'notice',
      language: 'fr',
      signals: { gpc: false },
    });

    const receiptOf = async () =>
      (await (
        await fetch(`${api}/consent-events/${accepted!.id}/receipt`, { headers })
      ).json()) as Receipt;
    const before = await receiptOf();
    expect(before.event.consentState).toBe('accepted');
    expect(before.notice?.content.language).toBe('fr');
    expect(before.notice?.content.texts.title).toBe('Votre vie privée compte');
    expect(before.notice?.content.texts.acceptAll).toBe('Tout accepter');
    expect(before.chain.rowVerified).toBe(true);

    // The printable page, as a browser opens it: the French text, under a strict CSP.
    const viewer = await browser.newContext({ extraHTTPHeaders: { 'x-api-key': E2E_ADMIN_KEY } });
    const receiptPage = await viewer.newPage();
    const response = await receiptPage.goto(
      `${api}/consent-events/${accepted!.id}/receipt?format=html`,
    );
    expect(response!.headers()['content-security-policy']).toContain("default-src 'none'");
    await expect(
      receiptPage.getByRole('heading', { name: 'Votre vie privée compte' }),
    ).toBeVisible();
    await receiptPage.screenshot({ path: `${SHOTS}/receipt-page.png`, fullPage: true });

    // The owner changes the French texts.
    const project = (await (await fetch(api, { headers })).json()) as {
      texts: Record<string, Record<string, string>>;
    };
    const patched = await fetch(api, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({
        texts: { ...project.texts, fr: { ...project.texts.fr, title: 'Vos données, vos choix' } },
      }),
    });
    expect(patched.status).toBe(200);
    // A new visitor sees the new text; the old receipt keeps the old one.
    const later = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await later.goto(`${server.url}/fixtures/widget.html?language=fr`);
    await expect(
      later.locator('#assent-notice').getByRole('heading', { name: 'Vos données, vos choix' }),
    ).toBeVisible();
    const after = await receiptOf();
    expect(after.notice?.content.texts.title).toBe('Votre vie privée compte');
    expect(after.notice?.hash).toBe(before.notice?.hash);
    await receiptPage.reload();
    await expect(
      receiptPage.getByRole('heading', { name: 'Votre vie privée compte' }),
    ).toBeVisible();
    await viewer.close();

    // The console's Records page renders the notice the person saw, in French.
    const concordId = accepted!.concordId;
    const admin = await (await browser.newContext()).newPage();
    await admin.goto(`${server.url}/admin/`);
    await admin.getByLabel('Email').fill('owner@demo.example');
    await admin.getByLabel('Password').fill(password);
    await admin.getByLabel('Password').press('Enter');
    await admin.getByRole('link', { name: 'Records' }).click();
    await admin.getByLabel('Person identifier').fill(concordId);
    await admin.getByLabel('Person identifier').press('Enter');
    await admin.getByRole('button', { name: 'Show notice' }).first().click();
    const shown = admin.getByTestId('notice-shown');
    await expect(shown.getByRole('heading', { name: 'Votre vie privée compte' })).toBeVisible();
    await expect(shown).toContainText('Tout accepter');
    await admin.screenshot({ path: `${SHOTS}/records-notice.png`, fullPage: true });
    await context.close();
  } finally {
    await server.stop();
  }
  // `npm run verify` on the server's data: the chain, proof included, verifies.
  const verify = spawnSync(process.execPath, ['--import', 'tsx', 'server/verify.ts'], {
    env: { ...process.env, ASSENT_DATA_DIR: server.dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  expect(verify.stderr).toBe('');
  expect(verify.status).toBe(0);
});
