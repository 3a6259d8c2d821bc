import type { Page } from '@playwright/test';
import { E2E_PORT } from '../playwright.config.ts';
import { expect, notice, test, type Traffic } from './fixtures.ts';

/** The page is on 127.0.0.1; its tags come from localhost: another site of the same server. */
const TRACKER = `http://localhost:${E2E_PORT}/`;
const PAGE = '/fixtures/trackers.html';

interface TagWindow {
  assent: {
    ready: Promise<unknown>;
    accept(labels?: string[]): Promise<boolean>;
    decline(labels?: string[]): Promise<boolean>;
    reset(): Promise<void>;
  };
  dataLayer: unknown[];
  __gtag?: { commands: string[]; hits: { kind: string; consent: Record<string, string> }[] };
}

const trackerRequests = (traffic: Traffic) =>
  traffic.urls.filter((url) => url.startsWith(TRACKER)).map((url) => url.slice(TRACKER.length));

/** dataLayer as readable lines: `consent default`, `config G-…`, `event assent_ready`. */
const layerLines = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as TagWindow).dataLayer.map((entry) => {
      if (Object.prototype.toString.call(entry) === '[object Arguments]') {
        const [command, name] = Array.from(entry as ArrayLike<unknown>);
        return `${String(command)}${typeof name === 'string' ? ` ${name}` : ''}`;
      }
      return `event ${String((entry as { event?: string }).event)}`;
    }),
  );

/** The consent objects of every `consent` command, in order. */
const consentCommands = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as TagWindow).dataLayer
      .filter((entry) => Object.prototype.toString.call(entry) === '[object Arguments]')
      .map((entry) => Array.from(entry as ArrayLike<unknown>))
      .filter(([command]) => command === 'consent')
      .map(([, kind, values]) => ({ kind, ...(values as Record<string, unknown>) })),
  );

const ready = (page: Page) => page.evaluate(() => (window as unknown as TagWindow).assent.ready);

const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'denied',
};
const AFTER_REJECT = { ...DENIED, functionality_storage: 'granted', security_storage: 'granted' };
const AFTER_ACCEPT = {
  ...AFTER_REJECT,
  ad_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
  analytics_storage: 'granted',
};

test.describe('tags from another site', () => {
  test('pushes the consent default first and requests nothing from the tracker site before a choice', async ({
    page,
    traffic,
  }) => {
    await page.goto(PAGE);
    await expect(notice(page)).toBeVisible();
    await ready(page);
    await page.waitForTimeout(300);
    expect(trackerRequests(traffic)).toEqual([]);
    const lines = await layerLines(page);
    expect(lines[0]).toBe('consent default');
    expect(lines.slice(0, 3)).toEqual(['consent default', 'js', 'config G-FAKE0001']);
    expect(lines).toContain('event assent_ready');
    expect(lines).not.toContain('consent update');
    expect(await consentCommands(page)).toEqual([
      { kind: 'default', ...DENIED, wait_for_update: 500 },
    ]);
  });

  test('requests nothing from the tracker site after reject all, on this and the next page view', async ({
    page,
    traffic,
  }) => {
    await page.goto(PAGE);
    await notice(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(notice(page)).toHaveCount(0);
    await expect
      .poll(async () => (await consentCommands(page)).at(-1))
      .toEqual({ kind: 'update', ...AFTER_REJECT });
    const lines = await layerLines(page);
    expect(lines.indexOf('consent update')).toBeLessThan(lines.indexOf('event assent_change'));

    await page.reload();
    await ready(page);
    await page.waitForTimeout(300);
    expect(trackerRequests(traffic)).toEqual([]);
    // A returning visitor: default, then the stored decision's update before `ready`.
    const again = await layerLines(page);
    // The project's settings, known from the first page view's config, now come synchronously.
    expect(again.slice(0, 3)).toEqual([
      'consent default',
      'set ads_data_redaction',
      'set url_passthrough',
    ]);
    expect(again.indexOf('consent update')).toBeGreaterThan(0);
    expect(again.indexOf('consent update')).toBeLessThan(again.indexOf('event assent_ready'));
    expect((await consentCommands(page)).at(-1)).toEqual({ kind: 'update', ...AFTER_REJECT });
  });

  test('loads the tags and sends hits with consent granted after accept all', async ({
    page,
    traffic,
  }) => {
    await page.goto(PAGE);
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect
      .poll(() => trackerRequests(traffic).sort())
      .toEqual([
        'trackers/frame.html',
        'trackers/gtag.js',
        'trackers/hit.svg?t=config&n=G-FAKE0001',
        'trackers/hit.svg?t=img',
        'trackers/hit.svg?t=pixel',
        'trackers/pixel.js',
      ]);
    expect((await consentCommands(page)).at(-1)).toEqual({ kind: 'update', ...AFTER_ACCEPT });
    // gtag read the update queued behind its config, as wait_for_update lets it.
    const gtag = await page.evaluate(() => (window as unknown as TagWindow).__gtag!);
    expect(gtag.commands.slice(0, 4)).toEqual([
      'consent default',
      'js',
      'config G-FAKE0001',
      'consent update',
    ]);
    expect(gtag.hits[0]!.consent).toEqual({ analytics_storage: 'granted', ad_storage: 'granted' });
  });
});

test.describe('Consent Mode updates', () => {
  test('pushes an update matching each choice and one denying everything after reset', async ({
    page,
    traffic,
  }) => {
    await page.goto(PAGE);
    await ready(page);
    const choose = (accept: string[], decline: string[]) =>
      page.evaluate(
        async ([accept, decline]) => {
          const { assent } = window as unknown as TagWindow;
          if (accept!.length) await assent.accept(accept);
          if (decline!.length) await assent.decline(decline);
        },
        [accept, decline],
      );
    const lastUpdate = async () => (await consentCommands(page)).at(-1);

    await choose(['analytics'], ['marketing']);
    expect(await lastUpdate()).toEqual({
      kind: 'update',
      ...DENIED,
      analytics_storage: 'granted',
    });
    await choose(['marketing', 'necessary'], []);
    expect(await lastUpdate()).toEqual({ kind: 'update', ...AFTER_ACCEPT });
    await choose([], ['analytics']);
    expect(await lastUpdate()).toEqual({
      kind: 'update',
      ...AFTER_ACCEPT,
      analytics_storage: 'denied',
    });
    await page.evaluate(() => (window as unknown as TagWindow).assent.reset());
    expect(await lastUpdate()).toEqual({ kind: 'update', ...DENIED });
    const lines = await layerLines(page);
    expect(lines.filter((line) => line === 'event assent_change')).toHaveLength(5);
    expect(trackerRequests(traffic)).toContain('trackers/gtag.js');
  });
});

test.describe('Consent Mode settings from the project', () => {
  const withSettings = (page: Page, googleConsentMode: object) =>
    page.route('**/site-client*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), googleConsentMode } });
    });

  test('pushes region-specific defaults after the global one from the second page view', async ({
    page,
  }) => {
    await withSettings(page, {
      waitForUpdate: 900,
      regions: [{ region: ['US-CA'], granted: ['analytics_storage'] }],
    });
    await page.goto(PAGE);
    await ready(page);
    expect(await consentCommands(page)).toEqual([
      { kind: 'default', ...DENIED, wait_for_update: 500 },
    ]);
    await page.reload();
    await ready(page);
    expect(await consentCommands(page)).toEqual([
      { kind: 'default', ...DENIED, wait_for_update: 900 },
      {
        kind: 'default',
        ...DENIED,
        analytics_storage: 'granted',
        wait_for_update: 900,
        region: ['US-CA'],
      },
    ]);
  });

  test('pushes nothing to dataLayer once the project turns Consent Mode off', async ({ page }) => {
    await withSettings(page, { enabled: false });
    await page.goto(PAGE);
    await ready(page);
    await page.reload();
    await ready(page);
    await page.evaluate(() => (window as unknown as TagWindow).assent.accept(['analytics']));
    expect(await layerLines(page)).toEqual(['js', 'config G-FAKE0001']);
  });
});

test.describe('cookie clearing', () => {
  const cookieNames = async (page: Page) =>
    (await page.context().cookies()).map((cookie) => `${cookie.name}@${cookie.path}`).sort();

  test('deletes the cookies of a withdrawn type on every path and keeps the others', async ({
    page,
  }) => {
    await page.goto(PAGE);
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => cookieNames(page)).toEqual(['_ga_fake@/', '_nw_px@/']);
    await page.evaluate(() => {
      document.cookie = '_nw_px=2; path=/fixtures/; max-age=3600';
      document.cookie = '_nw_px=3; path=/fixtures; max-age=3600';
      document.cookie = 'site_session=1; path=/; max-age=3600';
    });
    expect(await cookieNames(page)).toHaveLength(5);

    await page.evaluate(() => (window as unknown as TagWindow).assent.decline(['marketing']));
    expect(await cookieNames(page)).toEqual(['_ga_fake@/', 'site_session@/']);
    await page.evaluate(() => (window as unknown as TagWindow).assent.decline(['analytics']));
    expect(await cookieNames(page)).toEqual(['site_session@/']);
  });

  test('reloads the page after a withdrawal when the project asks for it, keeping the decision', async ({
    page,
  }) => {
    // The demo project does not reload; this test's config does.
    await page.route('**/site-client*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        json: { ...(await response.json()), reloadOnWithdrawal: true },
      });
    });
    await page.goto(PAGE);
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => page.evaluate(() => window.__pixelRuns)).toBe(1);
    const reloaded = page.waitForEvent('load');
    await page.evaluate(() => (window as unknown as TagWindow).assent.decline(['marketing']));
    await reloaded;
    await ready(page);
    expect(
      await page.evaluate(() =>
        (window as unknown as { assent: { get(l: string): string } }).assent.get('marketing'),
      ),
    ).toBe('declined');
    expect(await page.evaluate(() => window.__pixelRuns)).toBeUndefined();
  });

  test('does not reload when the visitor declines for the first time', async ({ page }) => {
    await page.route('**/site-client*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        json: { ...(await response.json()), reloadOnWithdrawal: true },
      });
    });
    await page.goto(PAGE);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await notice(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(notice(page)).toHaveCount(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  });
});

declare global {
  interface Window {
    __pixelRuns?: number;
  }
}
