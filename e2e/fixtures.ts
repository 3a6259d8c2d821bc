import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { consentEventRecordSchema, siteConsentEventsRequestSchema } from '../src/core/schemas.ts';
import type { ConsentEventRecord } from '../src/core/types.ts';
import { E2E_ADMIN_KEY } from '../playwright.config.ts';

export const ORGANIZATION = '00000000-0000-4000-8000-00000000000a';
export const PROJECT = '00000000-0000-4000-8000-00000000000b';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
export const validateRecord = ajv.compile(consentEventRecordSchema);
export const validateRequest = ajv.compile(siteConsentEventsRequestSchema);

/** What the page sent to the site API, read off the network. */
export interface Traffic {
  /** Every request the page made, by URL. */
  urls: string[];
  /** Bodies of `POST …/consent-events`. */
  eventBatches: { items: Array<Record<string, unknown>> }[];
}

/** The visitor id (concordId) the page's events carry. */
export async function visitorOf(traffic: Traffic): Promise<string> {
  await expect.poll(() => traffic.eventBatches.length).toBeGreaterThan(0);
  return traffic.eventBatches[0]!.items[0]!.concordId as string;
}

/** The events the server stored for a visitor, through the Privacy API. */
export async function storedEvents(
  request: APIRequestContext,
  concordId: string,
  base = '',
): Promise<ConsentEventRecord[]> {
  const response = await request.get(
    `${base}/privacy-v1/organizations/${ORGANIZATION}/projects/${PROJECT}/consent-events?concordId=${concordId}&limit=1000`,
    { headers: { 'x-api-key': E2E_ADMIN_KEY } },
  );
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: ConsentEventRecord[] }).items;
}

/** Summaries like `analytics:accepted:user_click`, sorted, for readable assertions. */
export const summarize = (events: ConsentEventRecord[]) =>
  events.map((event) => `${event.label}:${event.consentState}:${event.consentAction}`).sort();

/** Every gated script of demo/fixture.html, in document order: what runs after accept all. */
export const ALL_RUNS = ['a1', 'am', 'a2', 'm1'];

/** Showing the notice records the purposes and the privacy policy disclosure as viewed. */
export const VIEWED = [
  'analytics:viewed:implied',
  'marketing:viewed:implied',
  'privacy_policy:viewed:implied',
];

/** Any choice in the notice acknowledges the disclosure shown with it. */
export const DISCLOSED = 'privacy_policy:accepted:user_click';

/** The order and count of gated fixture scripts that ran. */
export const runsOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __runs?: string[] }).__runs ?? []);

export const notice = (page: Page) => page.locator('#assent-notice section[role="region"]');

/**
 * Opens `path`, accepts all in the notice and waits until the server stored the first visit's
 * 7 events (3 viewed, 4 accepted). Returns the visitor's concordId.
 */
export async function acceptAllStored(
  page: Page,
  traffic: Traffic,
  request: APIRequestContext,
  path = '/fixture.html',
): Promise<string> {
  await page.goto(path);
  await notice(page).getByRole('button', { name: 'Accept all' }).click();
  const concordId = await visitorOf(traffic);
  await expect.poll(async () => (await storedEvents(request, concordId)).length).toBe(7);
  return concordId;
}

/**
 * Signs the visitor in as the demo's login does: the demo's backend signs an identity token
 * for `email` (`POST /demo/identity-token`) and the page calls `assent.identify({ token })`.
 */
export function identifyAs(page: Page, email: string): Promise<boolean> {
  return page.evaluate(async (address) => {
    const response = await fetch('/demo/identity-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: address }),
    });
    const { token } = (await response.json()) as { token: string };
    return (
      window as unknown as { assent: { identify(i: { token: string }): Promise<boolean> } }
    ).assent.identify({ token });
  }, email);
}

/** The preference center opened as a dialog. */
export const preferences = (page: Page) => page.locator('#assent-preferences dialog');

/** The paths of the widget's files the page downloaded (`/assent/…`). */
export const assetsOf = (traffic: Traffic) =>
  traffic.urls.filter((url) => url.includes('/assent/')).map((url) => new URL(url).pathname);

/** Watches one more browser context (one a test opens itself) for page and console errors. */
export type WatchContext = (context: BrowserContext) => void;

/**
 * Every test fails on a page error or a console error (STYLE.md rule 13): `watchContext` is an
 * automatic fixture, so no test can leave it out, and `e2e/page-errors.spec.ts` proves that it
 * fails them. It watches the test's browser context, so pages a test opens with
 * `context.newPage()` count too; a context the test creates itself is watched through
 * `watchContext(context)`. A test that provokes an error on purpose declares it with
 * `test.use({ expectedConsoleErrors })` or `test.use({ expectedPageErrors })`. The `traffic`
 * fixture records what the page sent.
 */
export const test = base.extend<{
  traffic: Traffic;
  expectedConsoleErrors: RegExp[];
  expectedPageErrors: RegExp[];
  watchContext: WatchContext;
}>({
  /** Console errors a test provokes on purpose (a failing request logs one in Chromium). */
  expectedConsoleErrors: [[], { option: true }],
  /** Uncaught page errors a test provokes on purpose, matched against their message. */
  expectedPageErrors: [[], { option: true }],
  watchContext: [
    async ({ context, expectedConsoleErrors, expectedPageErrors }, use) => {
      const problems: string[] = [];
      const watch: WatchContext = (watched) => {
        watched.on('weberror', (webError) => {
          const message = webError.error().message;
          if (expectedPageErrors.some((pattern) => pattern.test(message))) return;
          problems.push(`page error: ${message}`);
        });
        watched.on('console', (message) => {
          if (message.type() !== 'error') return;
          if (expectedConsoleErrors.some((pattern) => pattern.test(message.text()))) return;
          problems.push(`console error: ${message.text()}`);
        });
      };
      watch(context);
      await use(watch);
      expect(problems, 'page errors and console errors of the test').toEqual([]);
    },
    { auto: true },
  ],
  traffic: async ({ page }, use) => {
    const traffic: Traffic = { urls: [], eventBatches: [] };
    page.on('request', (request) => {
      traffic.urls.push(request.url());
      if (request.method() === 'POST' && request.url().endsWith('/consent-events')) {
        traffic.eventBatches.push(request.postDataJSON() as Traffic['eventBatches'][number]);
      }
    });
    await use(traffic);
  },
});

export { expect };
