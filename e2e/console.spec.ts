import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { E2E_OWNER_PASSWORD } from '../playwright.config.ts';
import { expect, notice, ORGANIZATION, PROJECT, test, visitorOf } from './fixtures.ts';

const SHOTS = process.env.ASSENT_SHOTS_DIR ?? 'test-results/console-shots';
const OWNER = 'owner@demo.example';
const PAGES = [
  'overview',
  'records',
  'requests',
  'types',
  'notice',
  'settings',
  'snippet',
] as const;
const project = `/privacy-v1/organizations/${ORGANIZATION}/projects/${PROJECT}`;

// Signed out, the console asks who is signed in and gets a 401; a viewer's refused write is a
// 403. Chromium logs each failed request as a console error.
test.use({ expectedConsoleErrors: [/status of 40[13]/] });

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/admin/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
}

async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

test.describe('the console', () => {
  test.describe.configure({ timeout: 120_000 });

  test('drives the console as a new owner: overview, records, types, keys, logout', async ({
    page,
    traffic,
    request,
    context,
  }) => {
    // A real visit first: the notice, accept all.
    await page.goto('/fixture.html');
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    const concordId = await visitorOf(traffic);

    const admin = await context.newPage();
    await logIn(admin, OWNER, E2E_OWNER_PASSWORD);
    // The overview counts the visit (other suites may add theirs: at least one).
    await expect
      .poll(async () => {
        await admin.reload();
        return Number(await admin.getByTestId('notices-shown').textContent());
      })
      .toBeGreaterThan(0);
    await expect(admin.getByRole('table', { name: 'By day' })).toBeVisible();
    await expect(admin.getByRole('table', { name: 'By geography' })).toBeVisible();

    // Records: the visitor by the concordId the widget made, with the keyboard.
    await admin.getByRole('link', { name: 'Records' }).click();
    await admin.getByLabel('Person identifier').fill(concordId);
    await admin.getByLabel('Person identifier').press('Enter');
    const history = admin.getByTestId('history');
    await expect(history).toContainText('analytics');
    await expect(history).toContainText('accepted');
    await expect(history.locator('tbody tr')).toHaveCount(7);

    // Consent types: create one, edit it, and site-client sends the new version.
    await admin.getByRole('link', { name: 'Consent types' }).click();
    const label = `e2e_${Date.now().toString(36)}`;
    const create = admin.getByRole('region', { name: 'Create a consent type' });
    await create.getByLabel('Label').fill(label);
    await create.getByLabel('Name').fill('Console test');
    await create.getByLabel('Description').fill('Made by the console e2e test.');
    await create.getByRole('button', { name: 'Create a consent type' }).click();
    const row = admin.locator(`tr[data-label="${label}"]`);
    await expect(row.getByTestId('version')).toHaveText('1');
    await row.getByRole('button', { name: `Edit ${label}` }).click();
    const edit = admin.getByRole('region', { name: 'Edit' });
    await edit.getByLabel('Name').fill('Console test, renamed');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByTestId('version')).toHaveText('2');
    await expect
      .poll(async () => {
        const client = (await (await request.get(`/site-v1/${PROJECT}/site-client`)).json()) as {
          consentTypes: { label: string; version: number; name: string }[];
        };
        return client.consentTypes.find((type) => type.label === label);
      })
      .toMatchObject({ version: 2, name: 'Console test, renamed' });

    // Settings: a consent-scoped key, shown once, that works on the Privacy API.
    await admin.getByRole('link', { name: 'Settings' }).click();
    await admin.getByLabel('Name', { exact: true }).fill(`e2e-${label}`);
    await admin.getByLabel('Scope').selectOption('consent');
    await admin.getByRole('button', { name: 'Create key' }).click();
    const key = (await admin.getByTestId('new-key').textContent())!;
    const read = await request.get(`${project}/consent-events?concordId=${concordId}`, {
      headers: { 'x-api-key': key },
    });
    expect(read.status()).toBe(200);
    const write = await request.patch(project, {
      headers: { 'x-api-key': key },
      data: { name: 'not with a consent key' },
    });
    expect(write.status()).toBe(403);

    // The snippet names this project.
    await admin.getByRole('link', { name: 'Snippet' }).click();
    await expect(admin.getByTestId('snippet')).toContainText(`data-project="${PROJECT}"`);

    // Log out: the console asks to log in again and the session is gone.
    await admin.getByRole('button', { name: 'Log out' }).click();
    await expect(admin.getByRole('heading', { name: 'Log in to Assent' })).toBeVisible();
    expect((await admin.request.get('/auth/v1/session')).status()).toBe(401);
  });

  test('refuses a viewer every change, in the UI and in the API (403)', async ({
    page,
    request,
  }) => {
    const login = await request.post('/auth/v1/login', {
      data: { email: OWNER, password: E2E_OWNER_PASSWORD },
    });
    const { token } = (await login.json()) as { token: string };
    const email = `viewer-${Date.now()}@demo.example`;
    const created = await request.post(`/privacy-v1/organizations/${ORGANIZATION}/members`, {
      headers: { authorization: `Bearer ${token}` },
      data: { email, role: 'viewer' },
    });
    expect(created.status()).toBe(201);
    const { password } = (await created.json()) as { password: string };

    await logIn(page, email, password);
    await page.getByRole('link', { name: 'Consent types' }).click();
    await expect(page.getByText('Your role can read but not change this.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
    // The API refuses the same, with the cookie the console holds.
    const refused = await page.evaluate(async (path) => {
      const response = await fetch(path, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'viewer was here' }),
      });
      return response.status;
    }, project);
    expect(refused).toBe(403);
  });

  test('adds a webhook endpoint, sends a test event, lists its delivery and removes it', async ({
    page,
  }) => {
    await logIn(page, OWNER, E2E_OWNER_PASSWORD);
    await page.getByRole('link', { name: 'Settings' }).click();
    const url = `https://hooks-${Date.now()}.example.com/assent`;
    await page.getByLabel('Endpoint URL').fill(url);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByText(/The signing secret, shown once: whsec_/)).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: url });
    await row.getByRole('button', { name: /Send a test event/ }).click();
    await expect(page.getByText('A test event is on its way.')).toBeVisible();
    await row.getByRole('button', { name: /Show deliveries/ }).click();
    await expect(page.getByRole('cell', { name: /webhook\.test/ })).toBeVisible();
    await row.getByRole('button', { name: /Remove/ }).click();
    await expect(page.getByRole('row').filter({ hasText: url })).toHaveCount(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`has no axe violation on any page, ${scheme}`, async ({ page }) => {
      mkdirSync(SHOTS, { recursive: true });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/admin/');
      await expect(page.getByRole('heading', { name: 'Log in to Assent' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/login-${scheme}.png`, fullPage: true });
      await logIn(page, OWNER, E2E_OWNER_PASSWORD);
      for (const name of PAGES) {
        await page.goto(`/admin/#/${name}`);
        await expect(page.locator('main h1')).toBeVisible();
        // The page's data arrive after its heading; the notice page's preview never goes idle.
        await page.waitForTimeout(700);
        expect(await violations(page), name).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, fullPage: true });
      }
    });
  }
});
