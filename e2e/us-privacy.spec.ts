import { GppModel } from '@iabgpp/cmpapi';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_KEY } from '../playwright.config.ts';
import {
  expect,
  notice,
  ORGANIZATION,
  preferences,
  PROJECT,
  test,
  visitorOf,
  type Traffic,
} from './fixtures.ts';
import { privatePort, startServer, type ServerProcess } from './server-process.ts';

const SHOTS = '/work/notes/shots/i21';

interface TestWindow {
  assent: { get(label: string): string | undefined; ready: Promise<unknown> };
}

/** `__gpp(command, …, parameter)`'s answer, from the page. */
const gpp = (page: Page, command: string, parameter?: string) =>
  page.evaluate(
    ([command, parameter]) =>
      new Promise((resolve) => window.__gpp!(command!, (data) => resolve(data), parameter)),
    [command, parameter],
  );

/** The page's GPP string, read by the IAB's own decoder. */
async function decoded(page: Page) {
  const ping = (await gpp(page, 'ping')) as { gppString: string; signalStatus: string };
  expect(ping.signalStatus).toBe('ready');
  return new GppModel(ping.gppString);
}

interface StoredEvent {
  label: string;
  consentState: string;
  consentAction: string;
  proof?: {
    surface?: string;
    gpp?: { gppString: string; applicableSections?: number[] };
    signals?: { gpc?: boolean; gpcHonoured?: boolean };
  };
}

/** The stored events of the page's visitor for `label`, proofs included, once `count` are in. */
async function stored(base: string, traffic: Traffic, label: string, count = 1) {
  const concordId = await visitorOf(traffic);
  let found: StoredEvent[] = [];
  await expect
    .poll(async () => {
      const response = await fetch(
        `${base}/privacy-v1/organizations/${ORGANIZATION}/projects/${PROJECT}/consent-events?view=full&concordId=${concordId}&label=${label}&limit=1000`,
        { headers: { 'x-api-key': E2E_ADMIN_KEY } },
      );
      expect(response.status).toBe(200);
      found = ((await response.json()) as { items: StoredEvent[] }).items.filter(
        (event) => event.consentState !== 'viewed',
      );
      return found.length;
    })
    .toBeGreaterThanOrEqual(count);
  return found;
}

const gppDownloads = (page: Page) => {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (/\/gpp\.js$/.test(new URL(request.url()).pathname)) urls.push(request.url());
  });
  return urls;
};

test.describe('US privacy on a project with GPP (a server of its own)', () => {
  let server: ServerProcess;
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures destructured
  test.beforeAll(async ({}, info) => {
    test.setTimeout(120_000);
    server = await startServer(privatePort(info.parallelIndex));
    const response = await fetch(
      `${server.url}/privacy-v1/organizations/${ORGANIZATION}/projects/${PROJECT}`,
      {
        method: 'PATCH',
        headers: { 'x-api-key': E2E_ADMIN_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ gpp: { enabled: true, sections: ['usnat', 'usca', 'usco'] } }),
      },
    );
    expect(response.status).toBe(200);
  });
  test.afterAll(() => server?.stop());

  test('declines sale and sharing for a California visitor with GPC, says so, and writes usca and usnat; an opt-in changes them', async ({
    page,
    traffic,
  }) => {
    const downloads = gppDownloads(page);
    await page.goto(`${server.url}/regions.html?region=US-CA&gpc=1`);
    await expect(page.locator('#status-marketing')).toHaveText('Marketing: not running');
    await expect(page.locator('#status-analytics')).toHaveText('Analytics: running');
    // No prompt: nothing is asked, the notice tells, with California's link and notice.
    await expect(notice(page)).toContainText('We collect identifiers');
    await expect(notice(page).locator('[data-assent-opt-out]')).toHaveText(
      'Do Not Sell or Share My Personal Information',
    );
    await expect.poll(() => downloads.length).toBe(1);

    await expect
      .poll(async () => (await gpp(page, 'ping')) as object)
      .toMatchObject({
        signalStatus: 'ready',
        applicableSections: [8],
      });
    expect(await gpp(page, 'getSection', 'usca')).toMatchObject({ SaleOptOut: 1, Gpc: true });
    let model = await decoded(page);
    expect(model.getFieldValue('usca', 'SaleOptOut')).toBe(1);
    expect(model.getFieldValue('usca', 'SharingOptOut')).toBe(1);
    expect(model.getFieldValue('usca', 'Gpc')).toBe(true);
    expect(model.getFieldValue('usnat', 'SaleOptOut')).toBe(1);
    expect(model.getFieldValue('usnat', 'TargetedAdvertisingOptOut')).toBe(1);
    expect(model.hasSection('usco')).toBe(false);
    // The server stored the signal's decline with the GPP string it made, and says the signal
    // was honoured (issue 21: the event's proof says so).
    const declinedString = ((await gpp(page, 'ping')) as { gppString: string }).gppString;
    const [byGpc] = await stored(server.url, traffic, 'marketing');
    expect(byGpc).toMatchObject({ consentState: 'declined', consentAction: 'implied' });
    expect(byGpc!.proof).toMatchObject({
      surface: 'signal',
      gpp: { gppString: declinedString, applicableSections: [8] },
      signals: { gpc: true, gpcHonoured: true },
    });

    // The notice's "Do Not Sell or Share" link opens the center at the sale and sharing choice.
    await notice(page).locator('[data-assent-opt-out]').click();
    const center = preferences(page);
    await expect(center.locator('.signal-honoured')).toHaveText(
      '✓ Opt-out preference signal honoured: Marketing',
    );
    await expect(center.getByRole('switch', { name: 'Marketing' })).toBeFocused();
    await center.locator('.signal-honoured').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${SHOTS}/honoured-preference-center.png` });

    // An explicit opt-in afterwards: recorded as the visitor's, and the sections follow.
    await center.getByRole('switch', { name: 'Marketing' }).check();
    await center.getByRole('button', { name: 'Save choices' }).click();
    await expect(page.locator('#status-marketing')).toHaveText('Marketing: running');
    await expect
      .poll(async () => (await decoded(page)).getFieldValue('usca', 'SaleOptOut'))
      .toBe(2);
    model = await decoded(page);
    expect(model.getFieldValue('usca', 'SharingOptOut')).toBe(2);
    expect(model.getFieldValue('usnat', 'SaleOptOut')).toBe(2);
    expect(
      await page.evaluate(() => (window as unknown as TestWindow).assent.get('marketing')),
    ).toBe('accepted');
    // The opt-in's event carries the string the opt-in made; the signal no longer decides.
    const optedIn = (await stored(server.url, traffic, 'marketing', 2)).find(
      (event) => event.consentState === 'accepted',
    );
    expect(optedIn).toMatchObject({ consentAction: 'user_click' });
    const inForce = ((await gpp(page, 'ping')) as { gppString: string }).gppString;
    expect(optedIn!.proof?.gpp?.gppString).toBe(inForce);
    expect(new GppModel(optedIn!.proof!.gpp!.gppString).getFieldValue('usca', 'SaleOptOut')).toBe(
      2,
    );
    expect(optedIn!.proof?.signals).toEqual({ gpc: true, gpcHonoured: false });
  });

  test('shows the honoured indicator beside the floating button on a return visit', async ({
    page,
  }) => {
    await page.goto(`${server.url}/regions.html?region=US-CA&gpc=1`);
    await expect(page.locator('#status-marketing')).toHaveText('Marketing: not running');
    // The visitor accepts analytics (and so acknowledges the policy the notice tells of); the
    // signal's decline of marketing stays the signal's.
    await page.evaluate(() =>
      (
        window as unknown as { assent: { accept(labels: string[]): Promise<boolean> } }
      ).assent.accept(['analytics']),
    );
    await expect(notice(page)).toBeHidden();
    await page.reload();
    await expect(notice(page)).toBeHidden();
    const pill = page.locator('#assent-floating-button .honoured');
    await expect(pill).toBeVisible();
    await expect(pill).toHaveText('Opt-out preference signal honoured');
    await expect(page.locator('#assent-floating-button button')).toHaveAttribute(
      'aria-label',
      'Open privacy preferences (Opt-out preference signal honoured)',
    );
    await page.screenshot({ path: `${SHOTS}/honoured-floating-button.png` });
  });

  test('implies consent for a Texas visitor without GPC, with a visible opt-out link', async ({
    page,
    traffic,
  }) => {
    await page.goto(`${server.url}/regions.html?region=US-TX`);
    await expect(page.locator('#status-marketing')).toHaveText('Marketing: running');
    await expect(page.locator('#status-analytics')).toHaveText('Analytics: running');
    const link = notice(page).locator('[data-assent-opt-out]');
    await expect(link).toBeVisible();
    await expect(link).toHaveText('Opt out of sale and targeted advertising');
    await expect(notice(page)).not.toContainText('We collect identifiers');
    await expect(page.locator('footer [data-assent-open="opt-out"]')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/texas-opt-out-link.png` });
    const model = await decoded(page);
    expect(model.getFieldValue('usnat', 'SaleOptOut')).toBe(2);
    expect(model.getFieldValue('usnat', 'Gpc')).toBe(false);
    expect(model.hasSection('usca')).toBe(false);
    // The implied consent was stored with that usnat string, and no signal.
    const [implied] = await stored(server.url, traffic, 'marketing');
    expect(implied).toMatchObject({ consentState: 'implied', consentAction: 'implied' });
    expect(implied!.proof?.gpp).toEqual({
      gppString: ((await gpp(page, 'ping')) as { gppString: string }).gppString,
      applicableSections: [7],
    });
    expect(implied!.proof?.signals).toEqual({ gpc: false });
    // The page's own link (under the notice bar, hence a DOM click) opens the center at the
    // choice it names.
    await page
      .locator('footer [data-assent-open="opt-out"]')
      .evaluate((a) => (a as HTMLElement).click());
    await expect(preferences(page).getByRole('switch', { name: 'Marketing' })).toBeFocused();
  });

  test('gives an EU visitor no GPP chunk and no __gpp', async ({ page }) => {
    const downloads = gppDownloads(page);
    await page.goto(`${server.url}/regions.html?region=DE`);
    await expect(notice(page)).toBeVisible();
    await page.evaluate(async () => {
      await (window as unknown as TestWindow).assent.ready;
    });
    expect(await page.evaluate(() => typeof window.__gpp)).toBe('undefined');
    expect(downloads).toEqual([]);
  });

  test('takes the stub away again when the fresh config gives this visitor no GPP', async ({
    page,
  }) => {
    // A US page leaves its config in the visitor's copy: the next page installs __gpp from it,
    // synchronously, before the fresh config says the visitor (now in Germany) gets none.
    await page.goto(`${server.url}/regions.html?region=US-CA`);
    await expect.poll(() => page.evaluate(() => typeof window.__gpp)).toBe('function');
    // Notes whether the next page's loader installs a stub at all.
    await page.addInitScript(() => {
      let value: unknown;
      Object.defineProperty(window, '__gpp', {
        configurable: true,
        get: () => value,
        set: (next) => {
          (window as unknown as { __gppInstalled: boolean }).__gppInstalled = true;
          value = next;
        },
      });
    });
    await page.goto(`${server.url}/regions.html?region=DE`);
    await page.evaluate(async () => {
      await (window as unknown as TestWindow).assent.ready;
    });
    const stub = await page.evaluate(() => ({
      gpp: typeof window.__gpp,
      locator: !!document.querySelector('iframe[name="__gppLocator"]'),
      installed: (window as unknown as { __gppInstalled?: boolean }).__gppInstalled,
    }));
    expect(stub).toEqual({ gpp: 'undefined', locator: false, installed: true });
  });
});

test('a project without GPP downloads none of it, in California either', async ({ page }) => {
  const downloads = gppDownloads(page);
  await page.goto('/regions.html?region=US-CA');
  await expect(page.locator('#status-marketing')).toHaveText('Marketing: running');
  await page.evaluate(async () => {
    await (window as unknown as TestWindow).assent.ready;
  });
  expect(await page.evaluate(() => typeof window.__gpp)).toBe('undefined');
  expect(downloads).toEqual([]);
});
