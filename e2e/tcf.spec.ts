/**
 * IAB TCF 2.3 (issue 20) in Chromium, on a server of its own (its demo project gets TCF
 * settings; the shared demo server's project stays as it is), with the project's test vendor
 * list (`demo/tcf/`) as its GVL through the server's real fetching code. The IAB's CMP validator
 * cannot run here: instead every choice made in the UI is read back from `__tcfapi`, in the page
 * and from an iframe, and decoded with `@iabtechlabtcf/core`.
 */
import { GppModel } from '@iabgpp/cmpapi';
import { TCString, type TCModel } from '@iabtechlabtcf/core';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_KEY } from '../playwright.config.ts';
import { expect, test, visitorOf, type Traffic } from './fixtures.ts';
import { privatePort, startServer, type ServerProcess } from './server-process.ts';

const SHOTS = process.env.ASSENT_SHOTS_DIR ?? 'test-results/tcf-shots';
const ORG = '00000000-0000-4000-8000-00000000000a';
const PROJECT = '00000000-0000-4000-8000-00000000000b';
const VENDORS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const TCF = {
  enabled: true,
  cmpId: 4095,
  cmpVersion: 1,
  publisherCountryCode: 'DE',
  vendors: VENDORS,
  purposes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  specialFeatures: [1, 2],
  legitimateInterestPurposes: [2, 7, 8, 9, 10, 11],
  googleAcProviders: [89, 2822],
};

type TcfWindow = {
  __tcfapi(command: string, version: number, callback: (value: never) => void): void;
};

interface TcData {
  tcString: string;
  eventStatus: string;
  gdprApplies: boolean;
  cmpStatus: string;
  addtlConsent: string;
}

const ids = (vector: TCModel['purposeConsents']) => {
  const out: number[] = [];
  vector.forEach((on, id) => on && out.push(id));
  return out.sort((a, b) => a - b);
};

let server: ServerProcess;
test.describe.configure({ mode: 'serial' });

// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures destructured
test.beforeAll(async ({}, info) => {
  test.setTimeout(120_000);
  const port = privatePort(info.parallelIndex);
  server = await startServer(port, undefined, undefined, {
    ASSENT_GVL_URL: `http://127.0.0.1:${port}/tcf/vendor-list.json`,
  });
});
test.afterAll(async () => server?.stop());

const patchTcf = (tcf: Record<string, unknown>) =>
  fetch(`${server.url}/privacy-v1/organizations/${ORG}/projects/${PROJECT}`, {
    method: 'PATCH',
    headers: { 'x-api-key': E2E_ADMIN_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ tcf }),
  });

interface StoredEvent {
  label: string;
  consentState: string;
  consentAction: string;
  dateCreated: string;
  proof?: { tcf?: { tcString: string; acString?: string }; surface?: string };
}

/** What the server stored for the page's visitor, proofs included (Privacy API, the demo key). */
async function storedEvents(traffic: Traffic): Promise<StoredEvent[]> {
  const concordId = await visitorOf(traffic);
  const response = await fetch(
    `${server.url}/privacy-v1/organizations/${ORG}/projects/${PROJECT}/consent-events?view=full&concordId=${concordId}&limit=1000`,
    { headers: { 'x-api-key': E2E_ADMIN_KEY } },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: StoredEvent[] }).items;
}

/** The stored events of one state, once `count` of them reached the server. */
async function storedWith(traffic: Traffic, state: string, count = 1) {
  let found: StoredEvent[] = [];
  await expect
    .poll(async () => {
      found = (await storedEvents(traffic)).filter((event) => event.consentState === state);
      return found.length;
    })
    .toBeGreaterThanOrEqual(count);
  return found;
}

const tcfNotice = (page: Page) => page.locator('#assent-tcf section[role="dialog"]');
const getTcData = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<TcData>((resolve) =>
        (window as unknown as TcfWindow).__tcfapi('getTCData', 2, resolve),
      ),
  );
const fromFrame = async (page: Page, command: string) => {
  const frame = page.frameLocator('iframe[title="Advertisement"]');
  await expect(frame.locator('body')).toBeVisible();
  return page.frame({ url: /frame\.html/ })!.evaluate(
    (name) =>
      (
        window as unknown as {
          tcfCall(c: string): Promise<{ returnValue: TcData; success: boolean }>;
        }
      ).tcfCall(name),
    command,
  );
};

test('a project without TCF downloads no TCF code, and the stub the tag asked for goes again', async ({
  page,
}) => {
  const tcfFiles: string[] = [];
  page.on('request', (request) => {
    if (/\/assent\/tcf\.js|vendor-list/.test(request.url())) tcfFiles.push(request.url());
  });
  await page.goto(`${server.url}/tcf/index.html`);
  await expect(page.locator('#assent-notice section[role="region"]')).toBeVisible();
  expect(tcfFiles).toEqual([]);
  expect(
    await page.evaluate(
      () => (window as unknown as { __pingAtStart: { cmpStatus: string } }).__pingAtStart.cmpStatus,
    ),
  ).toBe('loading');
  // The config says no TCF: `__tcfapi` and its locator frame do not linger (vendors find no
  // CMP, as on any page without the TCF), and the ad tag's queued listener was told no.
  await expect(page.locator('iframe[name="__tcfapiLocator"]')).toHaveCount(0);
  expect(await page.evaluate(() => typeof (window as { __tcfapi?: unknown }).__tcfapi)).toBe(
    'undefined',
  );
  expect(
    await page.evaluate(() => (window as unknown as { __tcfEvents: string[] }).__tcfEvents),
  ).toEqual([]);
});

test('accept all: every purpose, vendor and Google provider, read from the page and an iframe', async ({
  page,
  traffic,
}) => {
  expect((await patchTcf(TCF)).status).toBe(200);
  const assets: string[] = [];
  page.on('request', (request) => assets.push(new URL(request.url()).pathname));
  await page.goto(`${server.url}/tcf/index.html`);
  // The ad tag's ping ran synchronously after the loader: the stub answered.
  const first = await page.evaluate(
    () =>
      (window as unknown as { __pingAtStart: { cmpStatus: string; cmpLoaded: boolean } })
        .__pingAtStart,
  );
  expect(first).toMatchObject({ cmpStatus: 'loading', cmpLoaded: false });
  await expect(tcfNotice(page)).toBeVisible();
  // The first layer names purposes and special features, the vendor count, and links to them.
  await expect(tcfNotice(page)).toContainText('Store and/or access information on a device');
  await expect(tcfNotice(page)).toContainText('Use precise geolocation data');
  await expect(tcfNotice(page).getByRole('button', { name: 'See our 12 partners' })).toBeVisible();
  // The site's own notice waits while the TCF notice is the notice.
  await expect(page.locator('#assent-notice')).toHaveCount(0);
  const ping = await page.evaluate(
    () =>
      new Promise<{ cmpStatus: string; displayStatus: string; gdprApplies: boolean }>((resolve) =>
        (window as unknown as TcfWindow).__tcfapi('ping', 2, resolve),
      ),
  );
  expect(ping).toMatchObject({ cmpStatus: 'loaded', displayStatus: 'visible', gdprApplies: true });
  expect(assets).toContain('/assent/tcf.js');
  // Consent Mode with the TCF: Google tags are told to read the TC string, and the loader's
  // Consent Mode defaults are still the first command in dataLayer (denied until a choice).
  const layer = await page.evaluate(() => ({
    tcf: (window as unknown as { gtag_enable_tcf_support?: boolean }).gtag_enable_tcf_support,
    first: Array.from(
      (window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer[0] ?? [],
    ) as [string, string, Record<string, string>],
  }));
  expect(layer.tcf).toBe(true);
  expect(layer.first.slice(0, 2)).toEqual(['consent', 'default']);
  expect(layer.first[2]).toMatchObject({ ad_storage: 'denied', analytics_storage: 'denied' });
  expect(assets.some((path) => path.endsWith('/vendor-list'))).toBe(true);

  await tcfNotice(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(tcfNotice(page)).toHaveCount(0);
  const data = await getTcData(page);
  expect(data).toMatchObject({ eventStatus: 'useractioncomplete', gdprApplies: true });
  expect(data.addtlConsent).toBe('2~89.2822~dv.');
  const model = TCString.decode(data.tcString);
  expect([model.cmpId, model.policyVersion, model.isServiceSpecific]).toEqual([4095, 5, true]);
  expect(ids(model.purposeConsents)).toEqual(TCF.purposes);
  expect(ids(model.specialFeatureOptins)).toEqual([1, 2]);
  expect(ids(model.vendorsDisclosed)).toEqual(VENDORS);
  // Vendor 10 asks consent for nothing.
  expect(ids(model.vendorConsents)).toEqual(VENDORS.filter((id) => id !== 10));
  expect(ids(model.purposeLegitimateInterests)).toEqual([2, 7, 8, 9, 10, 11]);
  // The page's ad tag heard the notice shown, then the choice.
  expect(
    await page.evaluate(() => (window as unknown as { __tcfEvents: string[] }).__tcfEvents),
  ).toEqual(['cmpuishown', 'useractioncomplete']);
  // An iframe reads the same string through the locator frame and postMessage.
  const framed = await fromFrame(page, 'getTCData');
  expect(framed.success).toBe(true);
  expect(framed.returnValue.tcString).toBe(data.tcString);
  expect((await fromFrame(page, 'ping')).returnValue).toMatchObject({ cmpStatus: 'loaded' });
  // The first-party cookie, and the site's own types accepted with it.
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === 'euconsent-v2')?.value).toBe(data.tcString);
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { assent: { get(l: string): string } }).assent.get('analytics'),
      ),
    )
    .toBe('accepted');

  // The server stored the site's own types accepted with the string that choice made, and the
  // AC string vendors read (issue 20: the string is sent in the event proof).
  const accepted = await storedWith(traffic, 'accepted', 2);
  for (const event of accepted) {
    expect(event.proof?.tcf, event.label).toEqual({
      tcString: data.tcString,
      acString: data.addtlConsent,
    });
  }

  // A return visit: the stored string stands, `tcloaded`, no notice.
  await page.reload();
  await expect.poll(async () => (await getTcData(page)).eventStatus).toBe('tcloaded');
  expect((await getTcData(page)).tcString).toBe(data.tcString);
  await expect(tcfNotice(page)).toHaveCount(0);

  // The visitor reopens the choices and rejects all: the declines carry the new string, not the
  // one in force before the decision.
  await page.getByRole('link', { name: 'Privacy choices (TCF)' }).click();
  const center = page.locator('#assent-tcf section.preferences');
  await center.getByRole('button', { name: 'Reject all' }).first().click();
  await expect(tcfNotice(page)).toHaveCount(0);
  const rejected = await getTcData(page);
  expect(rejected.tcString).not.toBe(data.tcString);
  const declined = await storedWith(traffic, 'declined', 2);
  for (const event of declined) {
    expect(event.proof?.tcf, event.label).toEqual({
      tcString: rejected.tcString,
      acString: '2~~dv.89.2822',
    });
  }
});

test("the per-project loader of a TCF project: the stubs come in front of it, before the ad tag's first call", async ({
  page,
}) => {
  // The demo page with the per-project loader instead of the plain one and its `data-tcf`.
  await page.route('**/tcf/index.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      /<script\s+src="\/assent\/assent\.js"[^>]*><\/script>/,
      `<script src="/assent/${PROJECT}/assent.js"></script>`,
    );
    expect(body).toContain(`/assent/${PROJECT}/assent.js`);
    await route.fulfill({ response, body });
  });
  const assets: string[] = [];
  page.on('request', (request) => assets.push(new URL(request.url()).pathname));
  await page.goto(`${server.url}/tcf/index.html`);
  expect(
    await page.evaluate(
      () => (window as unknown as { __pingAtStart: { cmpStatus: string } }).__pingAtStart.cmpStatus,
    ),
  ).toBe('loading');
  await expect(tcfNotice(page)).toBeVisible();
  expect((await getTcData(page)).cmpStatus).toBe('loaded');
  // One response: no stubs file, no config request of its own.
  expect(assets.filter((path) => /iab-stubs|site-client/.test(path))).toEqual([]);
});

test('reject all: no consent and every legitimate interest objected', async ({ page, traffic }) => {
  await page.goto(`${server.url}/tcf/index.html`);
  await tcfNotice(page).getByRole('button', { name: 'Reject all' }).click();
  const data = await getTcData(page);
  const model = TCString.decode(data.tcString);
  expect(ids(model.purposeConsents)).toEqual([]);
  expect(ids(model.purposeLegitimateInterests)).toEqual([]);
  expect(ids(model.vendorConsents)).toEqual([]);
  expect(ids(model.vendorLegitimateInterests)).toEqual([]);
  expect(ids(model.vendorsDisclosed)).toEqual(VENDORS);
  expect(data.addtlConsent).toBe('2~~dv.89.2822');
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { assent: { get(l: string): string } }).assent.get('analytics'),
      ),
    )
    .toBe('declined');
  for (const event of await storedWith(traffic, 'declined', 2)) {
    expect(event.proof?.tcf, event.label).toEqual({
      tcString: data.tcString,
      acString: data.addtlConsent,
    });
  }
});

test('one vendor, and one purpose with its legitimate interest objected, from the preference center', async ({
  page,
  traffic,
}) => {
  await page.goto(`${server.url}/tcf/index.html`);
  await tcfNotice(page).getByRole('button', { name: 'Choose' }).click();
  const center = page.locator('#assent-tcf section.preferences');
  await expect(center.getByRole('heading', { name: 'Partners (12)' })).toBeVisible();
  await center.getByRole('switch', { name: 'Consent: Quartz Bidder' }).check();
  await center.getByRole('switch', { name: 'Consent: Measure content performance' }).check();
  await center
    .getByRole('switch', {
      name: 'Legitimate interest (switch off to object): Measure advertising performance',
    })
    .uncheck();
  await center.getByRole('button', { name: 'Save choices' }).click();
  const data = await getTcData(page);
  const model = TCString.decode(data.tcString);
  expect(ids(model.vendorConsents)).toEqual([3]);
  expect(ids(model.purposeConsents)).toEqual([8]);
  expect(ids(model.purposeLegitimateInterests)).toEqual([2, 8, 9, 10, 11]);
  expect(model.consentScreen).toBe(2);
  // The site's own types are asked next, by its own notice.
  const siteNotice = page.locator('#assent-notice section[role="region"]');
  await expect(siteNotice).toBeVisible();
  // What the site's notice records carries the string of the visitor's TCF choice.
  await siteNotice.getByRole('button', { name: 'Accept all' }).click();
  const accepted = await storedWith(traffic, 'accepted', 2);
  for (const event of accepted) {
    expect(event.proof?.tcf?.tcString, event.label).toBe(data.tcString);
  }
});

test("GPP's tcfeuv2 section carries the TC string where the project uses both and GDPR applies", async ({
  page,
}) => {
  const gpp = await fetch(`${server.url}/privacy-v1/organizations/${ORG}/projects/${PROJECT}`, {
    method: 'PATCH',
    headers: { 'x-api-key': E2E_ADMIN_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ gpp: { enabled: true, sections: ['usnat'] } }),
  });
  expect(gpp.status).toBe(200);
  await page.goto(`${server.url}/tcf/index.html`);
  await tcfNotice(page).getByRole('button', { name: 'Accept all' }).click();
  const { tcString } = await getTcData(page);
  type GppWindow = { __gpp(command: string, callback: (data: unknown) => void, p?: string): void };
  const call = (command: string, parameter?: string) =>
    page.evaluate(
      ([command, parameter]) =>
        new Promise<unknown>((resolve) =>
          (window as unknown as GppWindow).__gpp(command!, resolve, parameter),
        ),
      [command, parameter],
    );
  await expect
    .poll(async () => ((await call('ping')) as { sectionList: number[] }).sectionList)
    .toEqual([2]);
  const ping = (await call('ping')) as { gppString: string; applicableSections: number[] };
  expect(ping.applicableSections).toEqual([2]);
  const model = new GppModel(ping.gppString);
  expect(model.getSectionIds()).toEqual([2]);
  expect(ping.gppString.split('~')[1]).toBe(tcString);
  expect(model.getFieldValue('tcfeuv2', 'CmpId')).toBe(4095);
  expect(await call('getField', 'tcfeuv2.VendorsDisclosed')).toEqual(VENDORS);
  expect(await call('getField', 'tcfeuv2.PurposeConsents')).toEqual(
    model.getFieldValue('tcfeuv2', 'PurposeConsents'),
  );
});

test("the first layer in Greek on a phone: the notice's own words and the widget's", async ({
  browser,
}) => {
  expect((await patchTcf(TCF)).status).toBe(200);
  const context = await browser.newContext({
    locale: 'el-GR',
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  const page = await context.newPage();
  // The demo page says `lang="en"`, which the widget follows first: this one is in Greek.
  await page.route('**/tcf/index.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<html lang="en">', '<html lang="el">');
    await route.fulfill({ response, body });
  });
  await page.goto(`${server.url}/tcf/index.html`);
  await expect(
    tcfNotice(page).getByRole('button', { name: 'Δείτε τους 12 συνεργάτες μας' }),
  ).toBeVisible();
  await expect(tcfNotice(page)).toContainText('Εμείς και οι 12 συνεργάτες μας');
  await expect(tcfNotice(page).getByRole('button', { name: 'Αποδοχή όλων' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/tcf-first-layer-el-phone.png` });
  await context.close();
});

test('a project that turns the TCF off: no __tcfapi and no locator frame once its config arrives', async ({
  page,
}) => {
  // A visit while it was on leaves the config with TCF in the visitor's copy.
  await page.goto(`${server.url}/tcf/index.html`);
  await expect(tcfNotice(page)).toBeVisible();
  expect((await patchTcf({ ...TCF, enabled: false })).status).toBe(200);
  await page.reload();
  await expect(page.locator('#assent-notice section[role="region"]')).toBeVisible();
  await expect(page.locator('iframe[name="__tcfapiLocator"]')).toHaveCount(0);
  expect(await page.evaluate(() => typeof (window as { __tcfapi?: unknown }).__tcfapi)).toBe(
    'undefined',
  );
  // The ad frame, looking now, finds no CMP either.
  const frame = page.frame({ url: /frame\.html/ })!;
  expect(
    await frame.evaluate(
      () => !!(window.parent.frames as unknown as Record<string, unknown>)['__tcfapiLocator'],
    ),
  ).toBe(false);
});
