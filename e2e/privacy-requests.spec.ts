import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_KEY, E2E_OWNER_PASSWORD } from '../playwright.config.ts';
import { startSmtpCatcher } from '../server/testing/smtp-catcher.ts';
import { expect, identifyAs, notice, ORGANIZATION, PROJECT, test } from './fixtures.ts';
import { privatePort, startServer } from './server-process.ts';

const SHOTS = process.env.ASSENT_SHOTS_DIR;
const OWNER = 'owner@demo.example';
const headers = { 'x-api-key': E2E_ADMIN_KEY };

// Signed out, the console asks who is signed in and gets a 401 (a console error in Chromium).
test.use({ expectedConsoleErrors: [/status of 401/] });

/** `npm run verify` (its arguments after `--`) against the stopped server's database. */
function verify(args: string[], dataDir: string, databaseUrl?: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/verify.ts', ...args], {
      env: { ...process.env, ASSENT_DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/**
 * Signs in as `email` (the site's login), then accepts all in the notice: the events carry the
 * email. Waits until the project holds it.
 */
async function visit(page: Page, base: string, path: string, email: string, project: string) {
  await page.goto(`${base}${path}`);
  await expect(notice(page)).toBeVisible();
  expect(await identifyAs(page, email)).toBe(true);
  await notice(page).getByRole('button', { name: 'Accept all' }).click();
  await expect
    .poll(async () => (await personExport(project, email)).events.length)
    .toBeGreaterThan(0);
}

async function personExport(project: string, email: string) {
  const response = await fetch(`${project}/people/export?email=${email}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    identifiers: { kind: string; value: string }[];
    concordIds: string[];
    profileLinks: unknown[];
    events: unknown[];
  };
}

for (const [backend, databaseUrl] of [
  ['PGlite', undefined],
  // CI's throwaway cluster (.ci/run); skipped where there is none.
  ['PostgreSQL', process.env.TEST_DATABASE_URL],
] as const) {
  test(`a visitor's erasure request, verified by mail and completed in the console, on ${backend}`, async ({
    page,
    browser,
    watchContext,
  }, info) => {
    test.skip(backend === 'PostgreSQL' && !databaseUrl, 'no TEST_DATABASE_URL');
    test.setTimeout(180_000);
    const run = Date.now().toString(36);
    const ann = `ann-${run}@example.com`;
    const bob = `bob-${run}@example.com`;
    const smtp = await startSmtpCatcher();
    const server = await startServer(privatePort(info.parallelIndex), undefined, databaseUrl, {
      ASSENT_SMTP_URL: smtp.url,
      ASSENT_ADMIN_PASSWORD: E2E_OWNER_PASSWORD,
    });
    const base = server.url;
    const project = `${base}/privacy-v1/organizations/${ORGANIZATION}/projects/${PROJECT}`;
    let stopped = false;
    try {
      // Another visitor, who must lose nothing.
      const other = await browser.newContext();
      watchContext(other);
      const bobPage = await other.newPage();
      await visit(bobPage, base, '/index.html', bob, project);

      // The visitor makes their choices, then asks for erasure on the privacy page.
      await visit(page, base, '/privacy.html', ann, project);
      const before = await personExport(project, ann);
      // The site's login linked the browser to the email (a profile link).
      expect(before.concordIds).toHaveLength(1);
      expect(JSON.stringify(before.profileLinks)).toContain(ann);

      const form = page.locator('assent-request');
      await form.getByRole('radio', { name: 'Delete my data' }).check();
      await form.getByLabel('Your email').fill(ann);
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        await form.screenshot({ path: `${SHOTS}/request-form-desktop.png` });
      }
      await form.getByRole('button', { name: 'Send the request' }).click();
      const mail = await smtp.next(ann, 20_000);
      const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
      await expect(form.getByRole('status')).toContainText('6-digit code');
      await form.getByLabel('Code').fill(code);
      await form.getByRole('button', { name: 'Confirm' }).click();
      await expect(form.getByRole('status')).toContainText('Your request is confirmed');

      // The owner completes it in the console.
      const consoleContext = await browser.newContext();
      watchContext(consoleContext);
      const admin = await consoleContext.newPage();
      await admin.goto(`${base}/admin/`);
      await admin.getByLabel('Email').fill(OWNER);
      await admin.getByLabel('Password').fill(E2E_OWNER_PASSWORD);
      await admin.getByLabel('Password').press('Enter');
      await admin.getByRole('link', { name: 'Requests' }).click();
      const row = admin.getByTestId('requests').locator('tr', { hasText: ann });
      await expect(row).toContainText('Verified');
      await row.getByRole('button', { name: /Open/ }).click();
      const detail = admin.getByTestId('request');
      await expect(detail).toContainText('Deletion');
      await admin.getByLabel('Note (kept in the history)').fill('Identity checked by mail');
      await detail.getByRole('button', { name: 'Mark in progress' }).click();
      await expect(detail).toContainText('In progress');
      await detail.getByRole('button', { name: 'Mark completed' }).click();
      await expect(detail.getByRole('status')).toContainText('identifiers are erased');
      await expect(detail).toContainText('Completed');
      await expect(detail.locator('ol li')).toHaveCount(5);
      await expect(detail).toContainText('Identity checked by mail');
      if (SHOTS) await admin.screenshot({ path: `${SHOTS}/console-requests.png`, fullPage: true });

      // Afterwards: nothing names the person; the other visitor is whole; the chain verifies.
      const after = await personExport(project, ann);
      expect(after.identifiers).toEqual([]);
      expect(after.concordIds).toEqual([]);
      expect(after.profileLinks).toEqual([]);
      expect(after.events).toEqual([]);
      expect(JSON.stringify(after)).not.toContain(ann);
      const bobExport = await personExport(project, bob);
      expect(JSON.stringify(bobExport.profileLinks)).toContain(bob);
      expect(bobExport.events.length).toBeGreaterThan(0);
      const ndjson = await (
        await fetch(`${project}/consent-events?concordId=${bobExport.concordIds[0]}&limit=1000`, {
          headers: { ...headers, accept: 'application/x-ndjson' },
        })
      ).text();
      expect(ndjson.trim().split('\n').length).toBeGreaterThan(1);
      const file = join(mkdtempSync(join(tmpdir(), 'assent-e2e-export-')), 'bob.ndjson');
      writeFileSync(file, ndjson);
      await server.stop();
      stopped = true;
      const rows = await verify(['--file', file, '--rows-only'], server.dataDir);
      expect(rows.output).toContain('The export is intact.');
      expect(rows.code).toBe(0);
      const chain = await verify([], server.dataDir, databaseUrl);
      expect(chain.code, chain.output).toBe(0);
      await other.close();
      await consoleContext.close();
    } finally {
      if (!stopped) await server.stop();
      await smtp.close();
    }
  });
}

// Read-only on the shared demo server: opening the form files nothing.
test('the preference center links to the request form, which works by keyboard and passes axe', async ({
  page,
  traffic,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/privacy.html');
  await notice(page).getByRole('button', { name: 'Reject all' }).click();
  const center = page.locator('assent-preferences');
  // The form's bundle is downloaded once a page holds one (the privacy page does).
  await expect(page.locator('assent-request').getByLabel('Your email')).toBeVisible();
  expect(traffic.urls.some((url) => url.endsWith('/assent/request.js'))).toBe(true);
  const link = center.getByRole('button', { name: 'Your data rights' });
  await expect(link).toHaveAttribute('aria-expanded', 'false');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(link).toHaveAttribute('aria-expanded', 'true');
  const form = center.locator('assent-request');
  await expect(form.getByRole('heading', { name: 'Ask about your data' })).toBeVisible();
  // Keyboard only: into the kinds, to the email, a wrong address is announced where it is.
  await form.getByRole('radio', { name: 'See the data held about me' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(form.getByRole('radio', { name: 'Get a copy of my data' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Your email')).toBeFocused();
  await page.keyboard.type('not-an-address');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('Enter a valid email address.');
  await expect(form.getByLabel('Your email')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Your email')).toBeFocused();
  expect(traffic.urls.some((url) => url.includes('/privacy-requests'))).toBe(false);
  const violations = (
    await new AxeBuilder({ page })
      .include('assent-request')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze()
  ).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
  expect(violations).toEqual([]);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page
      .locator('.privacy-request assent-request')
      .screenshot({ path: `${SHOTS}/request-form-phone.png` });
    await form.screenshot({ path: `${SHOTS}/preferences-rights-form-phone.png` });
  }
});
