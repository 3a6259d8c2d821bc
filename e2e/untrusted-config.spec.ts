import type { Page, Route } from '@playwright/test';
import type { ConsentType, SiteConfig } from '../src/core/types.ts';
import { expect, notice, preferences, runsOf, test } from './fixtures.ts';

/**
 * Issue 22 §3 and §5: the site config is read as untrusted input. The server refuses to store
 * what these tests serve; they serve it with `page.route`, as a compromised or buggy API would.
 */

interface TestWindow {
  assent: {
    ready: Promise<unknown>;
    on(name: string, handler: (detail: unknown) => void): () => void;
    showPreferences(): Promise<void>;
  };
}

/** Serves the real site config with a change. */
async function editConfig(page: Page, edit: (config: SiteConfig) => SiteConfig | void) {
  await page.route('**/site-client*', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as SiteConfig;
    await route.fulfill({ response, json: edit(config) ?? config });
  });
}

/** Errors the widget emits, recorded from the first script on. */
const recordErrors = (page: Page) =>
  page.addInitScript(() => {
    const errors: string[] = [];
    (window as unknown as { __errors: string[] }).__errors = errors;
    document.addEventListener('assent:error', (event) =>
      errors.push((event as CustomEvent<{ message: string }>).detail.message),
    );
  });
const errorsOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __errors: string[] }).__errors);

test.describe('links a visitor may click', () => {
  const URLS = [
    'javascript:window.__x=1',
    'JaVaScRiPt:window.__x=1',
    ' java\tscript:window.__x=1',
    'data:text/html,<script>window.__x=1</script>',
    'vbscript:msgbox(1)',
  ];

  for (const url of URLS) {
    test(`renders no link for a consent type url ${JSON.stringify(url)} in the notice nor the preference center`, async ({
      page,
    }) => {
      await editConfig(page, (config) => {
        for (const type of config.consentTypes) type.url = url;
        config.privacyPolicyUrl = url;
      });
      await page.goto('/fixture.html');
      await expect(notice(page)).toBeVisible();
      await expect(notice(page).getByText('Privacy policy')).toBeVisible();
      await expect(notice(page).locator('a[href]')).toHaveCount(0);

      await page.evaluate(() => (window as unknown as TestWindow).assent.showPreferences());
      await expect(preferences(page)).toBeVisible();
      await expect(preferences(page).getByRole('switch', { name: 'Analytics' })).toBeVisible();
      await expect(preferences(page).locator('a[href]')).toHaveCount(0);
      expect(
        await page.evaluate(() => (window as unknown as { __x?: number }).__x),
      ).toBeUndefined();
    });
  }

  test('keeps an https link to the privacy policy in the notice', async ({ page }) => {
    await editConfig(page, (config) => {
      config.consentTypes.find((type) => type.label === 'privacy_policy')!.url =
        'https://shop.example/privacy';
    });
    await page.goto('/fixture.html');
    await expect(notice(page).getByRole('link', { name: 'Privacy policy' })).toHaveAttribute(
      'href',
      'https://shop.example/privacy',
    );
  });
});

/** `count` purposes beside the project's own, each with a text of `text` characters. */
function manyTypes(config: SiteConfig, count: number, text = 40): SiteConfig {
  const base = config.consentTypes.find((type) => type.label === 'marketing')!;
  const extra: ConsentType[] = Array.from({ length: count }, (_, i) => ({
    ...base,
    id: `00000000-0000-4000-8000-${String(100_000 + i).padStart(12, '0')}`,
    label: `purpose_${i}`,
    name: `Purpose ${i}`,
    description: 'x'.repeat(text),
  }));
  return { ...config, consentTypes: [...config.consentTypes, ...extra] };
}

test.describe('a config larger than the widget takes', () => {
  test.use({ expectedConsoleErrors: [/could not load the consent configuration/] });

  test('fails closed with an error event and no notice for 10,000 consent types', async ({
    page,
  }) => {
    await recordErrors(page);
    await editConfig(page, (config) => manyTypes(config, 10_000));
    await page.goto('/fixture.html');
    await page.evaluate(() => (window as unknown as TestWindow).assent.ready);
    await expect
      .poll(() => errorsOf(page))
      .toContainEqual(expect.stringMatching(/could not load the consent configuration/));
    await expect(page.locator('#assent-notice')).toHaveCount(0);
    expect(await runsOf(page)).toEqual([]);
  });
});

test.describe('the largest config the widget takes', () => {
  test('shows the notice for 200 consent types', async ({ page }) => {
    await editConfig(page, (config) => manyTypes(config, 200 - config.consentTypes.length, 1000));
    // The server knows none of these purposes: it stands in for a project that has them.
    await page.route('**/consent-events', (route) =>
      route.fulfill({ status: 201, json: { count: 0, items: [] } }),
    );
    await page.goto('/fixture.html');
    await expect(notice(page)).toBeVisible();
    // Logged, not asserted: a timing target does not belong in a timed test.
    const longest = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) =>
            resolve(Math.max(0, ...list.getEntries().map((entry) => entry.duration))),
          ).observe({ type: 'longtask', buffered: true });
          setTimeout(() => resolve(0), 500);
        }),
    );
    console.log(`longest task with 200 consent types: ${longest} ms`);
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(notice(page)).toHaveCount(0);
  });
});

test.describe('a config fetch that fails', () => {
  test.use({ expectedConsoleErrors: [/could not load the consent configuration|503/] });

  for (const [name, failure] of [
    [
      'a captive portal page',
      (route: Route) =>
        route.fulfill({ contentType: 'text/html', body: '<html>Log in to the Wi-Fi</html>' }),
    ],
    [
      'truncated JSON',
      (route: Route) =>
        route.fulfill({ contentType: 'application/json', body: '{"projectId": "00000000' }),
    ],
    [
      'a 503',
      (route: Route) =>
        route.fulfill({
          status: 503,
          json: { statusCode: 503, error: 'Service Unavailable', message: 'down' },
        }),
    ],
  ] as const) {
    test(`is retried while the page lives, after ${name} twice, and the notice appears`, async ({
      page,
    }) => {
      let calls = 0;
      await page.route('**/site-client*', async (route) => {
        if (++calls <= 2) return failure(route);
        await route.fulfill({ response: await route.fetch() });
      });
      await page.goto('/fixture.html');
      await expect(notice(page)).toBeVisible({ timeout: 10_000 });
      expect(calls).toBe(3);
      expect(await runsOf(page)).toEqual([]);
    });
  }
});
