import AxeBuilder from '@axe-core/playwright';
import {
  assetsOf,
  expect,
  identifyAs,
  notice,
  preferences,
  runsOf,
  storedEvents,
  summarize,
  test,
  visitorOf,
} from './fixtures.ts';

interface TestWindow {
  assent: {
    ready: Promise<unknown>;
    accept(labels?: string[]): Promise<boolean>;
    showPreferences(container?: Element): Promise<void>;
    allowed(label: string): boolean;
    get(label: string): string | undefined;
    on(name: string, handler: (detail: unknown) => void): () => void;
  };
  __events?: string[];
}

const recordEvents = (page: import('@playwright/test').Page) =>
  page.addInitScript(() => {
    const w = window as unknown as TestWindow;
    w.__events = [];
    for (const name of ['change', 'preferences:show', 'notice:hide'])
      document.addEventListener(`assent:${name}`, () => w.__events!.push(name));
  });
const eventsOf = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as TestWindow).__events ?? []);

test.describe('preference center', () => {
  test('is downloaded only when the notice opens it, lists the types by category, closes on Escape', async ({
    page,
    traffic,
  }) => {
    await recordEvents(page);
    await page.goto('/fixture.html');
    await expect(notice(page)).toBeVisible();
    await page.waitForTimeout(300);
    expect(assetsOf(traffic)).not.toContain('/assent/preferences.js');

    const choose = notice(page).getByRole('button', { name: 'Choose' });
    await choose.focus();
    await page.keyboard.press('Enter');
    const center = preferences(page);
    await expect(center).toBeVisible();
    expect(assetsOf(traffic)).toContain('/assent/preferences.js');
    expect(await eventsOf(page)).toEqual(['preferences:show']);

    await expect(center.getByRole('heading', { level: 2 })).toHaveText('Privacy preferences');
    await expect(center.getByRole('heading', { level: 3 })).toHaveText([
      'Cookies and tracking',
      'Policies',
    ]);
    const necessary = center.getByRole('switch', { name: 'Strictly necessary' });
    await expect(necessary).toBeChecked();
    await expect(necessary).toBeDisabled();
    for (const name of ['Analytics', 'Marketing']) {
      await expect(center.getByRole('switch', { name })).not.toBeChecked();
      await expect(center.getByRole('switch', { name })).toBeEnabled();
    }
    // A disclosure cannot be declined: shown with its link, not switchable.
    await expect(center.getByRole('switch', { name: 'Privacy policy' })).toBeDisabled();
    await expect(
      center.getByRole('link', { name: /^Read more\W+Privacy policy$/ }),
    ).toHaveAttribute('href', /\/privacy\.html$/);
    await expect(center.getByText('No choice yet')).toHaveCount(4);
    await page.screenshot({ path: '/tmp/assent-preference-center.png' });
    const audit = await new AxeBuilder({ page }).include('#assent-preferences').analyze();
    expect(audit.violations.map((violation) => violation.id)).toEqual([]);

    // Focus stays in the dialog; Escape closes it and gives focus back to "Choose".
    await page.keyboard.press('Escape');
    await expect(center).toHaveCount(0);
    await expect(choose).toBeFocused();
    await expect(notice(page)).toBeVisible();
  });

  test('opens from a data-assent-open="preferences" element and saves per type', async ({
    page,
    traffic,
    request,
  }) => {
    await page.goto('/journal.html');
    await notice(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(notice(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Privacy preferences' }).click();
    const center = preferences(page);
    await expect(center).toBeVisible();
    await expect(center.getByText('Not allowed since')).toHaveCount(2);
    await center.getByRole('switch', { name: 'Analytics' }).check();
    await center.getByRole('button', { name: 'Save choices' }).click();
    await expect(center).toHaveCount(0);
    await expect(page.locator('#status-analytics')).toHaveText('Analytics: running');
    await expect(page.locator('#status-marketing')).toHaveText('Marketing: not running');
    const concordId = await visitorOf(traffic);
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toEqual(
        [
          'analytics:declined:user_click',
          'analytics:accepted:user_click',
          'marketing:declined:user_click',
          'marketing:declined:user_click',
          'necessary:accepted:user_click',
          'necessary:accepted:user_click',
          'analytics:viewed:implied',
          'marketing:viewed:implied',
          // Shown with the notice, acknowledged by its "Reject all".
          'privacy_policy:viewed:implied',
          'privacy_policy:accepted:user_click',
        ].sort(),
      );
  });

  test('opens from assent.showPreferences() and emits preferences:show once', async ({ page }) => {
    await recordEvents(page);
    await page.goto('/fixture.html');
    await page.evaluate(() => (window as unknown as TestWindow).assent.showPreferences());
    await expect(preferences(page)).toBeVisible();
    await preferences(page).getByRole('button', { name: 'Close' }).click();
    await expect(preferences(page)).toHaveCount(0);
    expect(await eventsOf(page)).toEqual(['preferences:show']);
  });

  test('opens again when asked the moment it closed, before its close event', async ({ page }) => {
    await page.goto('/fixture.html');
    await page.evaluate(() => (window as unknown as TestWindow).assent.showPreferences());
    await expect(preferences(page)).toBeVisible();
    // Escape then Enter on "Choose" at once: the dialog is closed, its `close` event (a task
    // away) has not run yet, and the center is asked for again. The page holds that event back
    // (a listener of its own, first at the dialog) and lets it go 200 ms later.
    const opened = await page.evaluate(async () => {
      const host = document.querySelector('#assent-preferences')!;
      const dialog = host.shadowRoot!.querySelector('dialog')!;
      const holdBack = (event: Event) => event.stopImmediatePropagation();
      dialog.addEventListener('close', holdBack, { capture: true });
      dialog.close();
      setTimeout(() => {
        dialog.removeEventListener('close', holdBack, { capture: true });
        dialog.dispatchEvent(new Event('close'));
      }, 200);
      await (window as unknown as TestWindow).assent.showPreferences();
      const hosts = document.querySelectorAll('#assent-preferences');
      return {
        hosts: hosts.length,
        open: hosts[0]?.shadowRoot?.querySelector('dialog')?.open ?? false,
        same: hosts[0] === host,
      };
    });
    expect(opened).toEqual({ hosts: 1, open: true, same: false });
    // The old center's close event, when it comes, leaves the new one open.
    await page.waitForTimeout(300);
    await expect(preferences(page)).toBeVisible();
    // Focus is in the new center, not back on what opened the old one.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('assent-preferences');
    await preferences(page).getByRole('button', { name: 'Close' }).click();
    await expect(preferences(page)).toHaveCount(0);
  });

  test('withdraws marketing after accept all: declined is recorded, the earlier acceptance stays, nothing runs again after reload', async ({
    page,
    traffic,
    request,
  }) => {
    await page.goto('/fixture.html');
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'am', 'a2', 'm1']);
    await recordEvents(page);
    await page.evaluate(() => {
      const w = window as unknown as TestWindow;
      w.__events = [];
      w.assent.on('change', () => w.__events!.push('on:change'));
      return w.assent.showPreferences();
    });
    const center = preferences(page);
    await expect(center.getByRole('switch', { name: 'Marketing' })).toBeChecked();
    // necessary, analytics, marketing, and the privacy policy acknowledged with them.
    await expect(center.getByText(/^Allowed since/)).toHaveCount(4);
    // Withdrawing is one switch and one button, as giving it was.
    await center.getByRole('switch', { name: 'Marketing' }).uncheck();
    await center.getByRole('button', { name: 'Save choices' }).click();
    await expect(center).toHaveCount(0);
    expect(await eventsOf(page)).toEqual(['on:change']);
    expect(
      await page.evaluate(() => (window as unknown as TestWindow).assent.allowed('marketing')),
    ).toBe(false);

    const concordId = await visitorOf(traffic);
    await expect
      .poll(async () =>
        summarize(await storedEvents(request, concordId)).filter((e) => e.startsWith('marketing:')),
      )
      .toEqual([
        'marketing:accepted:user_click',
        'marketing:declined:user_click',
        'marketing:viewed:implied',
      ]);
    await page.waitForTimeout(300);
    await page.reload();
    await page.evaluate(() => (window as unknown as TestWindow).assent.ready);
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'a2']);
    await page.waitForTimeout(300);
    expect(await runsOf(page)).toEqual(['a1', 'a2']);
    expect(
      await page.evaluate(() => (window as unknown as TestWindow).assent.get('marketing')),
    ).toBe('declined');
  });

  test('renders inline in <assent-preferences> on the privacy page', async ({ page }) => {
    await page.goto('/privacy.html');
    const inline = page.locator('assent-preferences');
    await expect(inline.getByRole('switch', { name: 'Analytics' })).toBeVisible();
    await expect(preferences(page)).toHaveCount(0);
    await inline.getByRole('switch', { name: 'Analytics' }).check();
    await inline.getByRole('button', { name: 'Save choices' }).click();
    await expect(page.locator('#status-analytics')).toHaveText('Analytics: running');
    // The notice closes on the decision; the inline center stays and shows it.
    await expect(notice(page)).toHaveCount(0);
    // necessary, analytics, and the privacy policy the notice showed.
    await expect(inline.getByText(/^Allowed since/)).toHaveCount(3);
    await expect(inline.getByRole('switch', { name: 'Analytics' })).toBeChecked();
    await inline.screenshot({ path: '/tmp/assent-inline-preferences.png' });
  });

  test('lists communication types once the site identified the visitor', async ({ page }) => {
    await page.goto('/fixture.html');
    await notice(page).getByRole('button', { name: 'Reject all' }).click();
    const open = () =>
      page.evaluate(() => (window as unknown as TestWindow).assent.showPreferences());
    await open();
    await expect(preferences(page).getByRole('switch', { name: 'Newsletter' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    expect(await identifyAs(page, 'reader@example.com')).toBe(true);
    await open();
    const center = preferences(page);
    await expect(center.getByRole('heading', { name: 'Messages to you' })).toBeVisible();
    await center.getByRole('switch', { name: 'Newsletter' }).check();
    await center.getByRole('button', { name: 'Save choices' }).click();
    await expect(center).toHaveCount(0);
    expect(
      await page.evaluate(() => (window as unknown as TestWindow).assent.get('newsletter')),
    ).toBe('accepted');
  });
  test("offers the visitor their own receipt: after accepting, its link opens the receipt of that visitor's event", async ({
    page,
    traffic,
    request,
  }) => {
    await page.goto('/fixture.html');
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    const concordId = await visitorOf(traffic);
    await page.evaluate(() => (window as unknown as TestWindow).assent.showPreferences());
    const center = preferences(page);
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      center.getByRole('button', { name: 'View my consent receipt' }).click(),
    ]);
    await tab.waitForURL(/\/receipt-v1\//);
    await expect(tab.getByRole('heading', { level: 1, name: 'Consent receipt' })).toBeVisible();
    // The receipt is of this visitor's latest event, as the server stored it.
    const events = await storedEvents(request, concordId);
    const shown = (await tab.locator('code').first().textContent())!;
    expect(events.map((event) => event.id)).toContain(shown);
    const event = events.find((candidate) => candidate.id === shown)!;
    expect(event.concordId).toBe(concordId);
    expect(event.consentState).toBe('accepted');
    await expect(tab.getByText(concordId, { exact: true })).toBeVisible();
    // The tab cannot reach back into the site.
    expect(await tab.evaluate(() => window.opener)).toBeNull();
    await tab.screenshot({
      path: '/work/notes/shots/i17a2/preferences-receipt.png',
      fullPage: true,
    });
  });
});
