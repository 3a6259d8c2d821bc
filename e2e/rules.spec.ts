import type { Page } from '@playwright/test';
import type { SiteConfig } from '../src/core/types.ts';
import {
  ALL_RUNS,
  expect,
  notice,
  runsOf,
  storedEvents,
  summarize,
  test,
  visitorOf,
  acceptAllStored,
} from './fixtures.ts';

interface TestWindow {
  assent: { get(label: string): string | undefined; ready: Promise<unknown> };
}

const stateOf = (page: Page, label: string) =>
  page.evaluate((l) => (window as unknown as TestWindow).assent.get(l), label);

/** Serves the real site config with a change, as if the project had edited its types. */
async function editConfig(page: Page, edit: (config: SiteConfig) => void) {
  await page.route('**/site-client*', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as SiteConfig;
    edit(config);
    await route.fulfill({ response, json: config });
  });
}

test.describe('consent lifecycle per type', () => {
  test('asks again about one type whose re-acceptance version rose, keeping the others', async ({
    page,
    traffic,
    request,
  }) => {
    await page.goto('/fixture.html');
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => runsOf(page)).toEqual(ALL_RUNS);
    const concordId = await visitorOf(traffic);
    await expect.poll(async () => (await storedEvents(request, concordId)).length).toBe(7);

    await editConfig(page, (config) => {
      const analytics = config.consentTypes.find((type) => type.label === 'analytics')!;
      analytics.version = 2;
      analytics.requireReacceptVersion = 2;
    });
    // Past the ten minutes a cached config may decide alone: the fresh one decides.
    await page.clock.setFixedTime(Date.now() + 11 * 60 * 1000);
    await page.reload();
    await expect(notice(page)).toBeVisible();
    // Only marketing's own tag runs; analytics waits for its new answer.
    await expect.poll(() => runsOf(page)).toEqual(['m1']);
    expect([await stateOf(page, 'analytics'), await stateOf(page, 'marketing')]).toEqual([
      undefined,
      'accepted',
    ]);
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => runsOf(page)).toEqual(['m1', 'a1', 'am', 'a2']);
    await expect
      .poll(async () => summarize((await storedEvents(request, concordId)).slice(7)))
      .toEqual(['analytics:accepted:user_click', 'analytics:viewed:implied']);
  });

  test('asks again once a decision has expired, and only about the expired types', async ({
    page,
    traffic,
    request,
  }) => {
    const concordId = await acceptAllStored(page, traffic, request);

    // Seven months on: analytics and marketing (6 months) have expired, necessary (12) has not.
    const later = new Date();
    later.setUTCMonth(later.getUTCMonth() + 7);
    await page.clock.setFixedTime(later);
    await page.reload();
    await expect(notice(page)).toBeVisible();
    expect(await runsOf(page)).toEqual([]);
    expect([
      await stateOf(page, 'necessary'),
      await stateOf(page, 'analytics'),
      await stateOf(page, 'marketing'),
    ]).toEqual(['accepted', undefined, undefined]);
    await notice(page).getByRole('button', { name: 'Reject all' }).click();
    await expect
      .poll(async () => summarize((await storedEvents(request, concordId)).slice(7)))
      .toEqual(
        [
          'analytics:viewed:implied',
          'marketing:viewed:implied',
          'analytics:declined:user_click',
          'marketing:declined:user_click',
          // The privacy policy acknowledgement (6 months by the project default) expired too.
          'privacy_policy:viewed:implied',
          'privacy_policy:accepted:user_click',
        ].sort(),
      );
    // The server's clock decides the record's date (issue 22 §2), not the page's clock seven
    // months ahead; the page's date is kept beside it (`clientConsentDate` in the export).
    const renewed = (await storedEvents(request, concordId)).slice(7);
    expect(
      renewed.every((event) => Math.abs(Date.parse(event.consentDate) - Date.now()) < 3_600_000),
    ).toBe(true);
  });
});

test.describe('jurisdictions', () => {
  test('records implied consent and runs gated scripts in an opt-out region, with a way to decline', async ({
    page,
    traffic,
    request,
  }) => {
    await page.goto('/fixture.html?region=US-CA');
    await expect.poll(() => runsOf(page)).toEqual(ALL_RUNS);
    await expect(notice(page)).toBeVisible();
    const concordId = await visitorOf(traffic);
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toEqual(
        [
          'analytics:implied:implied',
          'marketing:implied:implied',
          'analytics:viewed:implied',
          'marketing:viewed:implied',
          'privacy_policy:viewed:implied',
        ].sort(),
      );
    await notice(page).getByRole('button', { name: 'Reject all' }).click();
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toContain('marketing:declined:user_click');
    expect(await stateOf(page, 'marketing')).toBe('declined');
  });

  test('asks first, and runs nothing, where the geography is unknown', async ({ page }) => {
    await page.goto('/fixture.html');
    await expect(notice(page)).toBeVisible();
    await page.waitForTimeout(300);
    expect(await runsOf(page)).toEqual([]);
  });
});

test.describe('Global Privacy Control', () => {
  test('declines sale and sharing types without a prompt, until the visitor chooses otherwise', async ({
    page,
    traffic,
    request,
  }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    await page.goto('/fixture.html?region=US-CA');
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'a2']);
    const concordId = await visitorOf(traffic);
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toEqual(
        [
          'analytics:implied:implied',
          'marketing:declined:implied',
          'analytics:viewed:implied',
          'marketing:viewed:implied',
          'privacy_policy:viewed:implied',
        ].sort(),
      );
    // An explicit choice overrides the signal.
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'a2', 'am', 'm1']);
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toContain('marketing:accepted:user_click');
    // The next page keeps the visitor's choice, GPC or not.
    await page.reload();
    await expect.poll(() => runsOf(page)).toEqual(ALL_RUNS);
  });

  test('honours Sec-GPC when only the request carries it', async ({ page, traffic, request }) => {
    await page.setExtraHTTPHeaders({ 'Sec-GPC': '1' });
    await page.goto('/fixture.html?region=US-CA');
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'a2']);
    const concordId = await visitorOf(traffic);
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toContain('marketing:declined:implied');
  });
});

test('records a disclosure as viewed with the notice, then accepted with the choice', async ({
  page,
  traffic,
  request,
}) => {
  await page.goto('/fixture.html');
  const link = notice(page).getByRole('link', { name: 'Privacy policy' });
  await expect(link).toHaveAttribute('href', '/privacy.html');
  const concordId = await visitorOf(traffic);
  await expect
    .poll(async () => summarize(await storedEvents(request, concordId)))
    .toContain('privacy_policy:viewed:implied');
  await notice(page).getByRole('button', { name: 'Reject all' }).click();
  await expect
    .poll(async () => summarize(await storedEvents(request, concordId)))
    .toContain('privacy_policy:accepted:user_click');
  expect(await stateOf(page, 'privacy_policy')).toBe('accepted');
});

test.describe('the demo region switcher', () => {
  test('shows opt-out with and without GPC, and forgets choices to start again', async ({
    page,
  }) => {
    await page.goto('/regions.html?region=US-CA');
    await expect(page.locator('#status-analytics')).toHaveText('Analytics: running');
    await expect(page.locator('#status-marketing')).toHaveText('Marketing: running');
    await expect(page.locator('#region-current')).toHaveText('Region: US-CA.');
    await page.getByRole('button', { name: 'Forget my choices' }).click();
    await expect(notice(page)).toBeVisible();

    await page.goto('/regions.html?region=US-CA&gpc=1');
    await expect(page.locator('#status-analytics')).toHaveText('Analytics: running');
    await expect(page.locator('#status-marketing')).toHaveText('Marketing: not running');
    await expect(page.locator('#region-current')).toHaveText(
      'Region: US-CA, with Global Privacy Control.',
    );
  });
});
