import { E2E_PORT } from '../playwright.config.ts';
import {
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
  assent: Record<string, unknown> & {
    ready: Promise<unknown>;
    accept(labels?: string[]): Promise<boolean>;
    decline(labels?: string[]): Promise<boolean>;
    on(name: string, handler: (detail: unknown) => void): () => void;
    push(fn: (api: unknown) => void): void;
  };
  __queued?: number;
  __queuedApi?: unknown;
  __events?: string[];
}

test('exposes exactly the public window API', async ({ page }) => {
  await page.goto('/fixture.html');
  await page.waitForFunction(() => !Array.isArray(window.assent));
  const surface = await page.evaluate(() =>
    Object.entries((window as unknown as TestWindow).assent)
      .map(([name, value]) => `${name}:${value instanceof Promise ? 'promise' : typeof value}`)
      .sort(),
  );
  expect(surface).toEqual([
    'accept:function',
    'allowed:function',
    'decline:function',
    'get:function',
    'identify:function',
    'on:function',
    'push:function',
    'ready:promise',
    'reset:function',
    'showNotice:function',
    'showPreferences:function',
  ]);
});

test('calls functions queued before the loader, and later pushes at once', async ({ page }) => {
  await page.goto('/fixture.html?queue=1');
  await expect.poll(() => page.evaluate(() => (window as unknown as TestWindow).__queued)).toBe(1);
  const same = await page.evaluate(() => {
    const w = window as unknown as TestWindow;
    let called = 0;
    w.assent.push(() => called++);
    return w.__queuedApi === w.assent && called === 1;
  });
  expect(same).toBe(true);
});

test('emits change through on() and as a DOM event when the page accepts through the API', async ({
  page,
}) => {
  await page.goto('/fixture.html');
  await page.waitForFunction(() => !Array.isArray(window.assent));
  await page.evaluate(async () => {
    const w = window as unknown as TestWindow;
    w.__events = [];
    w.assent.on('change', () => w.__events!.push('on:change'));
    document.addEventListener('assent:change', () => w.__events!.push('dom:change'));
    document.addEventListener('assent:notice:hide', () => w.__events!.push('dom:notice:hide'));
    await w.assent.ready;
    await w.assent.accept(['analytics']);
  });
  await expect.poll(() => runsOf(page)).toEqual(['a1', 'a2']);
  // The notice closes on the same change, so its hide may come before or after the page's handlers.
  expect(await page.evaluate(() => (window as unknown as TestWindow).__events!.sort())).toEqual([
    'dom:change',
    'dom:notice:hide',
    'on:change',
  ]);
  await expect(notice(page)).toHaveCount(0);
});

test('refuses to decline a required type and stores nothing', async ({ page }) => {
  await page.goto('/fixture.html');
  await page.waitForFunction(() => !Array.isArray(window.assent));
  const outcome = await page.evaluate(async () => {
    const w = window as unknown as TestWindow;
    await w.assent.ready;
    const errors: string[] = [];
    w.assent.on('error', (detail) => errors.push((detail as { message: string }).message));
    const accepted = await w.assent.decline(['necessary']);
    return { accepted, errors, state: (w.assent.get as (l: string) => unknown)('necessary') };
  });
  expect(outcome).toEqual({
    accepted: false,
    errors: ['consent type "necessary" does not accept the state "declined" (valid: accepted)'],
    state: undefined,
  });
  await expect(notice(page)).toBeVisible();
});

for (const call of ['accept', 'decline'] as const) {
  test(`acknowledges the disclosures on ${call}() at a first visit: the next page shows no notice`, async ({
    page,
  }) => {
    await page.goto('/fixture.html');
    await page.waitForFunction(() => !Array.isArray(window.assent));
    await expect(notice(page)).toBeVisible();
    const done = await page.evaluate(async (name) => {
      const w = window as unknown as TestWindow;
      await w.assent.ready;
      return w.assent[name]();
    }, call);
    expect(done).toBe(true);
    await expect(notice(page)).toHaveCount(0);
    await page.reload();
    await page.waitForFunction(() => !Array.isArray(window.assent));
    await page.evaluate(() => (window as unknown as TestWindow).assent.ready);
    expect(
      await page.evaluate(() =>
        (window as unknown as TestWindow & { assent: { get(l: string): unknown } }).assent.get(
          'privacy_policy',
        ),
      ),
    ).toBe('accepted');
    await expect(page.locator('#assent-notice')).toHaveCount(0);
  });
}

test('records consent from a page on another origin than the site API', async ({
  page,
  traffic,
  request,
}) => {
  // localhost and 127.0.0.1 are different origins: every API call is cross-origin (CORS).
  await page.goto(
    `http://localhost:${E2E_PORT}/fixture.html?api=${encodeURIComponent(`http://127.0.0.1:${E2E_PORT}`)}`,
  );
  await notice(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => runsOf(page)).toEqual(['a1', 'am', 'a2', 'm1']);
  const concordId = await visitorOf(traffic);
  await expect
    .poll(async () => summarize(await storedEvents(request, concordId)))
    .toContain('analytics:accepted:user_click');
  const apiCalls = traffic.urls.filter((url) => url.includes('/site-v1/'));
  expect(apiCalls.every((url) => url.startsWith(`http://127.0.0.1:${E2E_PORT}/`))).toBe(true);
});

test.describe('when the site API cannot give the configuration', () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource.*503/] });

  test('shows no notice, runs nothing and reports an error event', async ({ page }) => {
    await page.route('**/site-client*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 503, error: 'Service Unavailable', message: 'down' }),
      }),
    );
    await page.addInitScript(() => {
      document.addEventListener('assent:error', (event) => {
        const w = window as unknown as TestWindow;
        (w.__events ??= []).push((event as CustomEvent<{ message: string }>).detail.message);
      });
    });
    await page.goto('/fixture.html');
    await page.evaluate(() => (window as unknown as TestWindow).assent.ready);
    expect(await page.evaluate(() => (window as unknown as TestWindow).__events)).toEqual([
      'could not load the consent configuration: down',
    ]);
    await page.waitForTimeout(300);
    await expect(page.locator('#assent-notice')).toHaveCount(0);
    expect(await runsOf(page)).toEqual([]);
  });
});

const EVENTS = [
  'ready',
  'change',
  'notice:show',
  'notice:hide',
  'preferences:show',
  'preferences:hide',
  'sync',
  'error',
];

test('answers every window API call and dispatches every event through on() and the DOM alike', async ({
  page,
}) => {
  await page.addInitScript((names) => {
    const w = window as unknown as { __on: string[]; __dom: string[]; assent: unknown };
    w.__on = [];
    w.__dom = [];
    for (const name of names) document.addEventListener(`assent:${name}`, () => w.__dom.push(name));
    // Queued before the loader runs, so that even `ready` reaches on().
    w.assent = [
      (api: TestWindow['assent']) => {
        for (const name of names) api.on(name, () => w.__on.push(name));
      },
    ];
  }, EVENTS);
  await page.goto('/fixture.html');
  const results = await page.evaluate(async () => {
    const api = (window as unknown as TestWindow).assent as unknown as Record<
      string,
      (...args: unknown[]) => unknown
    > & { ready: Promise<unknown> };
    const out: Record<string, unknown> = {};
    out.ready = (await api.ready) === api;
    out.accept = await api.accept!(['analytics']);
    out.get = api.get!('analytics');
    out.allowed = api.allowed!('analytics');
    out.decline = await api.decline!(['necessary']);
    const login = await fetch('/demo/identity-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `e2e-calls-${Math.random().toString(36).slice(2)}@example.com`,
      }),
    });
    out.identify = await api.identify!({
      token: ((await login.json()) as { token: string }).token,
    });
    await api.showPreferences!();
    out.showPreferences = !!document.querySelector('#assent-preferences');
    let pushed = false;
    api.push!(() => (pushed = true));
    out.push = pushed;
    return out;
  });
  expect(results).toEqual({
    ready: true,
    accept: true,
    get: 'accepted',
    allowed: true,
    decline: false,
    identify: true,
    showPreferences: true,
    push: true,
  });
  await page.keyboard.press('Escape');
  await expect(preferences(page)).toHaveCount(0);
  await page.evaluate(async () => {
    const api = (window as unknown as TestWindow).assent as unknown as {
      reset(): Promise<void>;
      showNotice(): Promise<void>;
    };
    await api.reset();
    await api.showNotice();
  });
  await expect(notice(page)).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __dom: string[] }).__dom))
    .toContain('sync');
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __on: string[]; __dom: string[] };
    return { on: [...w.__on].sort(), dom: [...w.__dom].sort() };
  });
  // Each emission reaches both channels exactly once, and every event name occurs.
  expect(seen.on).toEqual(seen.dom);
  expect([...new Set(seen.dom)].sort()).toEqual([...EVENTS].sort());
});

test('applies a decision made in another browser once both identify as the same user', async ({
  page,
  browser,
  traffic,
  watchContext,
}) => {
  const email = `e2e-user-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  await page.goto('/fixture.html');
  await notice(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => runsOf(page)).toEqual(['a1', 'am', 'a2', 'm1']);
  expect(await identifyAs(page, email)).toBe(true);
  expect(traffic.urls.some((url) => url.endsWith('/profile'))).toBe(true);
  expect(traffic.urls.some((url) => url.endsWith('/consent-state'))).toBe(true);

  const other = await browser.newContext();
  watchContext(other);
  try {
    const second = await other.newPage();
    await second.goto(`http://127.0.0.1:${E2E_PORT}/fixture.html`);
    await expect(notice(second)).toBeVisible();
    expect(await runsOf(second)).toEqual([]);
    expect(await identifyAs(second, email)).toBe(true);
    // The decision from the first browser applies: the notice closes and the tags run.
    await expect(notice(second)).toHaveCount(0);
    await expect.poll(() => runsOf(second)).toEqual(['a1', 'am', 'a2', 'm1']);
    await second.reload();
    await expect.poll(() => runsOf(second)).toEqual(['a1', 'am', 'a2', 'm1']);
    await expect(notice(second)).toHaveCount(0);
  } finally {
    await other.close();
  }
});
