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
  'links',
  'settings',
  'snippet',
  'tcf',
] as const;
const NAV = {
  overview: 'Overview',
  records: 'Records',
  requests: 'Requests',
  types: 'Consent types',
  notice: 'Notice',
  links: 'Links',
  settings: 'Settings',
  snippet: 'Snippet',
  tcf: 'IAB TCF',
} as const;
/** Each page's heading: its menu entry's name, but for the longer titles of the requests and links pages. */
const HEADINGS: Record<(typeof PAGES)[number], string> = {
  ...NAV,
  requests: 'Privacy requests',
  links: 'Consent links',
};
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

/**
 * Tabs through the page from the top until focus comes back round (or 400 presses), and answers
 * the controls that were never focused: every visible, enabled control must be reachable with
 * Tab alone. Focus inside the notice preview's frame counts as the frame.
 */
async function unreachedControls(page: Page): Promise<string[]> {
  const total = await page.evaluate(() => {
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, iframe, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter(
      (element) =>
        !(element as HTMLButtonElement).disabled &&
        element.getClientRects().length > 0 &&
        getComputedStyle(element).visibility !== 'hidden' &&
        !(element instanceof HTMLInputElement && element.type === 'hidden'),
    );
    controls.forEach((element, index) => (element.dataset.kb = String(index)));
    (document.activeElement as HTMLElement | null)?.blur();
    return controls.length;
  });
  const reached = new Set<string>();
  let previous: string | null = null;
  for (let press = 0; press < 400; press += 1) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.dataset.kb ?? null,
    );
    if (at === null) continue;
    // Back at the first control after a round: done. (The frame keeps focus for its own stops.)
    if (reached.has(at) && at !== previous && reached.size > 1) break;
    reached.add(at);
    previous = at;
  }
  return page.evaluate(
    ([seen, count]) =>
      Array.from({ length: count }, (_, index) => String(index))
        .filter((index) => !seen.includes(index))
        .map((index) => {
          const element = document.querySelector<HTMLElement>(`[data-kb="${index}"]`)!;
          return `${element.tagName.toLowerCase()} ${element.getAttribute('name') ?? ''} ${element.textContent?.trim().slice(0, 40) ?? ''}`;
        }),
    [[...reached], total] as const,
  );
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

  test.describe('with a slug the server refuses', () => {
    // The refused slug's 400 is logged by Chromium as a console error.
    test.use({ expectedConsoleErrors: [/status of 40[013]/] });
    test('finds a record by its event id, verifies the chain with its progress, and keeps slugs to the pattern', async ({
      page,
      request,
      context,
    }) => {
      await page.goto('/fixture.html');
      await notice(page).getByRole('button', { name: 'Reject all' }).click();
      const admin = await context.newPage();
      await logIn(admin, OWNER, E2E_OWNER_PASSWORD);
      const login = await request.post('/auth/v1/login', {
        data: { email: OWNER, password: E2E_OWNER_PASSWORD },
      });
      const { token } = (await login.json()) as { token: string };
      const headers = { authorization: `Bearer ${token}` };
      // Records: one event's id finds its person's history, with that event marked.
      const declined = async () =>
        (
          (await (
            await request.get(`${project}/consent-events?label=marketing&consentState=declined`, {
              headers,
            })
          ).json()) as { items: { id: string; concordId: string }[] }
        ).items;
      await expect.poll(async () => (await declined()).length).toBeGreaterThan(0);
      const events = { items: await declined() };
      const event = events.items.at(-1)!;
      await admin.getByRole('link', { name: 'Records' }).click();
      await admin.locator('form.search select').selectOption('id');
      await admin.getByRole('textbox', { name: 'Event id' }).fill(event.id);
      await admin.getByRole('textbox', { name: 'Event id' }).press('Enter');
      const history = admin.getByTestId('history');
      await expect(history).toContainText(event.concordId);
      await expect(history.locator('tr[aria-current="true"]')).toContainText(event.id);
      await expect(history.locator('tr[aria-current="true"]')).toContainText('declined');
      await admin
        .getByRole('textbox', { name: 'Event id' })
        .fill('00000000-0000-4000-8000-000000000000');
      await admin.getByRole('textbox', { name: 'Event id' }).press('Enter');
      await expect(admin.getByText('No event has this id in this project.')).toBeVisible();

      // The chain: progress while it runs, then intact, as the API says.
      await admin.getByRole('button', { name: 'Verify the chain' }).click();
      await expect(admin.getByTestId('chain-result')).toContainText('The chain is intact', {
        timeout: 30_000,
      });
      // The progress bar stays at its end: every event of the chain checked.
      const progress = admin.getByTestId('chain-progress');
      const total = Number(await progress.getAttribute('max'));
      expect(total).toBeGreaterThan(0);
      await expect(progress).toHaveAttribute('value', String(total));
      await expect(admin.getByText(`Checked ${total} of ${total} events`)).toBeVisible();
      const lines = (await (await request.get(`${project}/chain-verification`, { headers })).text())
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; intact?: boolean; events?: number });
      expect(lines.at(-1)).toMatchObject({ type: 'result', intact: true });

      // Slugs: the form keeps the pattern; the server's refusal is shown beside the field.
      await admin.getByRole('link', { name: 'Settings' }).click();
      const slug = admin.getByLabel('Project slug');
      await expect(slug).toHaveValue('demo-project');
      await slug.fill('Not A Slug');
      expect(await slug.evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(
        true,
      );
      // Past the browser's check (a hand-edited form), the server answers 400 and says why.
      await slug.evaluate((input: HTMLInputElement) => input.removeAttribute('pattern'));
      await admin.getByRole('button', { name: 'Save project slug' }).click();
      await expect(admin.locator('#project-slug-status')).toContainText('slug');
      await expect(slug).toHaveAttribute('aria-invalid', 'true');
      await slug.fill('demo-project-renamed');
      await admin.getByRole('button', { name: 'Save project slug' }).click();
      await expect(admin.locator('#project-slug-status')).toHaveText('Saved.');
      const renamed = (await (await request.get(project, { headers })).json()) as { slug: string };
      expect(renamed.slug).toBe('demo-project-renamed');
      await slug.fill('demo-project');
      await admin.getByRole('button', { name: 'Save project slug' }).click();
      await expect(admin.locator('#project-slug-status')).toHaveText('Saved.');
      await expect(admin.getByLabel('Organization slug')).toHaveValue('demo-organization');
    });
  });

  test('changes a notice text, and the preview and the demo page show it', async ({
    page,
    browser,
    watchContext,
  }) => {
    await logIn(page, OWNER, E2E_OWNER_PASSWORD);
    await page.getByRole('link', { name: 'Notice' }).click();
    const title = page.getByLabel('Title');
    const original = await title.inputValue();
    const changed = `Your choice, Northwind (${Date.now().toString(36)})`;
    const preview = page.frameLocator('iframe[title="Preview"]');
    try {
      await title.fill(changed);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
      await expect(preview.locator('#assent-notice section[role="region"]')).toContainText(changed);
      // A visitor of the demo shop, in a browser of their own, gets the new text.
      const visitorContext = await browser.newContext();
      watchContext(visitorContext);
      const visitor = await visitorContext.newPage();
      await visitor.goto('/');
      await expect(notice(visitor)).toContainText(changed);
      await visitorContext.close();
    } finally {
      // Put the demo's text back: later runs (and screenshots) show the seed's notice.
      await page.getByLabel('Title').fill(original);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    }
    await expect(preview.locator('#assent-notice section[role="region"]')).toContainText(original);
  });

  test('reaches every control of every page with the keyboard alone', async ({ page }) => {
    await page.goto('/admin/');
    // The login form first (the session check answers before it renders).
    await expect(page.getByRole('heading', { name: 'Log in to Assent' })).toBeVisible();
    // Log in with the keyboard: the email field, Tab, the password, Enter.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Email')).toBeFocused();
    await page.keyboard.type(OWNER);
    await page.keyboard.press('Tab');
    await page.keyboard.type(E2E_OWNER_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    for (const name of PAGES) {
      // The navigation's link, reached with Tab and followed with Enter.
      const link = page.getByRole('navigation').getByRole('link', { name: NAV[name] });
      // From wherever focus is, round the page (Chromium goes on from the last focused place).
      for (let press = 0; press < 300; press += 1) {
        await page.keyboard.press('Tab');
        if (await link.evaluate((element) => element === document.activeElement)) break;
      }
      await expect(link).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('main h1')).toHaveText(HEADINGS[name]);
      // The page's heading takes focus, so that a screen reader announces the page (the
      // overview is already shown: its link changes nothing).
      if (name !== 'overview') await expect(page.locator('main h1')).toBeFocused();
      await page.waitForTimeout(500);
      expect(await unreachedControls(page), name).toEqual([]);
    }

    // Records: search and verify with the keyboard; the new controls are reachable too.
    await page.goto('/admin/#/records');
    // A change of the hash only: the page renders, then its heading takes focus. Typing before
    // that sent the keys to the heading (the field kept one "0" of the id, once in CI).
    await expect(page.locator('main h1')).toHaveText(HEADINGS.records);
    await expect(page.locator('main h1')).toBeFocused();
    const identifier = page.getByLabel('Person identifier');
    await identifier.focus();
    await page.keyboard.type('00000000-0000-4000-8000-000000000000');
    await expect(identifier).toHaveValue('00000000-0000-4000-8000-000000000000');
    await page.keyboard.press('Enter');
    await expect(page.getByText('No event for this person.')).toBeVisible();
    await page.getByRole('button', { name: 'Verify the chain' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('chain-result')).toContainText('intact', { timeout: 30_000 });
    expect(await unreachedControls(page), 'records with a history').toEqual([]);

    // Consent types: "Ask everyone again" opens a dialog that states the count; Escape closes
    // it and changes nothing.
    await page.goto('/admin/#/types');
    const ask = page.getByRole('button', { name: 'Ask everyone again (analytics)' });
    await ask.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Ask everyone again' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/invalidates \d+ stored decisions?;/);
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // Notice: the checkbox toggles with Space (not saved).
    await page.goto('/admin/#/notice');
    const blocking = page.getByLabel('Block the page until a choice (modal only)');
    const before = await blocking.isChecked();
    await blocking.focus();
    await page.keyboard.press('Space');
    expect(await blocking.isChecked()).toBe(!before);
  });

  test('states in "Ask everyone again" exactly the count the API answers', async ({
    page,
    request,
  }) => {
    const login = await request.post('/auth/v1/login', {
      data: { email: OWNER, password: E2E_OWNER_PASSWORD },
    });
    const { token } = (await login.json()) as { token: string };
    const types = (await (
      await request.get(`${project}/consent-types`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { items: { id: string; label: string; version: number }[] };
    const analytics = types.items.find((type) => type.label === 'analytics')!;
    const { count } = (await (
      await request.get(
        `${project}/consent-types/${analytics.id}/invalidated-decisions?requireReacceptVersion=${analytics.version}`,
        { headers: { authorization: `Bearer ${token}` } },
      )
    ).json()) as { count: number };
    await logIn(page, OWNER, E2E_OWNER_PASSWORD);
    await page.getByRole('link', { name: 'Consent types' }).click();
    await page.getByRole('button', { name: 'Ask everyone again (analytics)' }).click();
    await expect(page.getByRole('dialog')).toContainText(
      `invalidates ${count} stored ${count === 1 ? 'decision' : 'decisions'};`,
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  // One login for both schemes: the owner's logins are rate-limited per account (10 at once,
  // then one a minute), and this project's other tests log in too.
  test('has no axe violation on any page, light and dark', async ({ page }) => {
    // Both schemes, every page, two widths: the time of the two tests it replaces.
    test.setTimeout(240_000);
    mkdirSync(SHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/admin/');
      if (scheme === 'light') {
        await expect(page.getByRole('heading', { name: 'Log in to Assent' })).toBeVisible();
      }
      const loginShown = await page.getByRole('heading', { name: 'Log in to Assent' }).isVisible();
      if (loginShown) {
        expect(await violations(page), `login, ${scheme}`).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/login-${scheme}.png`, fullPage: true });
        await logIn(page, OWNER, E2E_OWNER_PASSWORD);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      for (const name of PAGES) {
        await page.goto(`/admin/#/${name}`);
        await expect(page.locator('main h1')).toBeVisible();
        // The page's data arrive after its heading; the notice page's preview never goes idle.
        await page.waitForTimeout(700);
        expect(await violations(page), `${name}, ${scheme}`).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, fullPage: true });
      }
      // A phone's width: the same pages, still without a violation.
      await page.setViewportSize({ width: 390, height: 844 });
      for (const name of PAGES) {
        await page.goto(`/admin/#/${name}`);
        await expect(page.locator('main h1')).toBeVisible();
        await page.waitForTimeout(700);
        expect(await violations(page), `${name} on a phone, ${scheme}`).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/${name}-${scheme}-phone.png`, fullPage: true });
      }
    }
  });
});
