/**
 * Issue 18: the notice at the page's first paint. A first visit fetches the loader and one more
 * file before its notice shows (the notice module, without the loader's second half, which comes
 * after the notice); a returning visitor downloads the loader alone. Counted on the
 * network, so that a regression (a new waterfall, a file more) fails `npm test`. The byte budgets
 * are size-limit's (package.json).
 */
import { randomUUID } from 'node:crypto';
import { brotliCompressSync } from 'node:zlib';
import type { Page, Request } from '@playwright/test';
import { expect, PROJECT, storedEvents, test, visitorOf, type Traffic } from './fixtures.ts';

const PER_PROJECT = `/assent/${PROJECT}/assent.js`;
/** The loader's second half: a returning visitor's at idle, a first visit's after its notice. */
const REST = /\/assent\/chunks\/rest-[\w-]{8}\.js$/;
/** The same, asked for again after a failed download, under another URL. */
const REST_AGAIN = /\/assent\/chunks\/rest-[\w-]{8}\.js(\?retry=\d+)?$/;
/**
 * A first visit's bytes before the notice, brotli: the per-project loader with the demo's
 * embedded config (about 1.2 kB) and the notice module (size-limit: 10 kB without the config).
 */
const FIRST_VISIT_BROTLI = 10_500;

/** A strict-CSP article page with the loader at `src` and two gated scripts. */
const pageWith = (src: string, attributes = '') => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'" />
    <title>First paint</title>
    <script src="${src}" ${attributes}></script>
  </head>
  <body>
    <main><h1>An article</h1><p>Text under the notice.</p></main>
    <script type="text/plain" data-consent="analytics" data-name="a1" src="/js/count.js"></script>
    <script type="text/plain" data-consent="marketing" data-name="m1" src="/js/count.js"></script>
  </body>
</html>`;

/** Serves the page at /first-paint.html on the demo origin; answers the requests it makes. */
async function openPage(page: Page, src: string, attributes = '') {
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (request.resourceType() !== 'document') requests.push(request);
  });
  await page.route('**/first-paint.html', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: pageWith(src, attributes) }),
  );
  await page.goto('/first-paint.html');
  return requests;
}

/** Waits until the server stores the visitor's click accepting both purposes. */
async function expectAcceptedStored(page: Page, traffic: Traffic) {
  const concordId = await visitorOf(traffic);
  await expect
    .poll(async () =>
      (await storedEvents(page.request, concordId))
        .filter((event) => event.consentAction === 'user_click')
        .map((event) => `${event.label}:${event.consentState}`),
    )
    .toEqual(expect.arrayContaining(['analytics:accepted', 'marketing:accepted']));
}

/** Holds the loader's second half back until the returned function is called. */
async function holdRest(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(REST, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const paths = (requests: Request[]) => requests.map((request) => new URL(request.url()).pathname);
const runsOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __runs?: string[] }).__runs ?? []);
const noticeOf = (page: Page) => page.locator('#assent-notice .notice');
const readyOf = (page: Page) =>
  page.evaluate(() => (window.assent as { ready: Promise<unknown> }).ready.then(() => true));

/**
 * The files the page had loaded when its notice entered the document, read in the page (a
 * mutation observer's snapshot of the resource timings): what the notice waited for.
 */
async function requestsBeforeNotice(page: Page): Promise<string[]> {
  await expect(noticeOf(page)).toBeVisible();
  const paths = await page.evaluate(
    () => (window as unknown as { __beforeNotice: string[] }).__beforeNotice,
  );
  // The browser's own request for an icon is not the page's.
  return paths.filter((path) => path !== '/favicon.ico');
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('#assent-notice')) return;
      observer.disconnect();
      (window as unknown as { __beforeNotice: string[] }).__beforeNotice = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname);
    }).observe(document, { childList: true, subtree: true });
  });
});

test.describe('first visit', () => {
  test('with the per-project loader: two requests before the notice, the loader and its language', async ({
    page,
  }) => {
    const requests = await openPage(page, PER_PROJECT);
    const before = await requestsBeforeNotice(page);
    expect(before).toEqual([PER_PROJECT, '/assent/notice-en.js']);
    // The loader's second half comes after the notice, and nothing else of the widget before it.
    await expect.poll(() => paths(requests).some((path) => REST.test(path))).toBe(true);
    const widget = paths(requests).filter((path) => path.startsWith('/assent/'));
    expect(widget.slice(0, 2)).toEqual([PER_PROJECT, '/assent/notice-en.js']);
    expect(widget[2]).toMatch(REST);
    // What the notice waited for, brotli: the code's 10 kB (size-limit) and the demo's config.
    let beforeBrotli = 0;
    for (const path of before)
      beforeBrotli += brotliCompressSync(await (await page.request.get(path)).body()).length;
    expect(beforeBrotli).toBeLessThanOrEqual(FIRST_VISIT_BROTLI);
    // Nothing gated ran before a choice; the config came with the loader: no site-client.
    expect(await runsOf(page)).toEqual([]);
    await noticeOf(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'm1']);
    expect(paths(requests).filter((path) => path.endsWith('/site-client'))).toEqual([]);
    // A project without the TCF or GPP: its loader holds no IAB stubs, and installs none.
    expect(
      await page.evaluate(() => [
        typeof window.__tcfapi,
        typeof (window as { __gpp?: unknown }).__gpp,
      ]),
    ).toEqual(['undefined', 'undefined']);
    const loader = await (await page.request.get(PER_PROJECT)).text();
    expect(loader).not.toContain('__tcfapi');
  });

  test('with the plain loader: the loader, its second half, then the config and the notice of the language, at once', async ({
    page,
  }) => {
    const requests = await openPage(page, '/assent/assent.js', `data-project="${PROJECT}"`);
    const before = await requestsBeforeNotice(page);
    expect(before).toHaveLength(4);
    expect(before.slice(0, 2)).toEqual(['/assent/assent.js', expect.stringMatching(REST)]);
    expect(before.slice(2).sort()).toEqual(
      ['/assent/notice-en.js', `/site-v1/${PROJECT}/site-client`].sort(),
    );
    // Both asked for by the second half, neither waiting for the other.
    const started = (path: string) =>
      requests.findIndex((request) => new URL(request.url()).pathname === path);
    expect(started('/assent/notice-en.js')).toBeGreaterThan(0);
    expect(started(`/site-v1/${PROJECT}/site-client`)).toBeGreaterThan(0);
  });

  test('a click on the notice before the loader’s second half arrived is kept, and recorded with its proof', async ({
    page,
    traffic,
  }) => {
    const release = await holdRest(page);
    await openPage(page, PER_PROJECT);
    await noticeOf(page).getByRole('button', { name: 'Accept all' }).click();
    // The manager comes after the second half: nothing is decided yet, nothing runs.
    await page.waitForTimeout(300);
    expect(await runsOf(page)).toEqual([]);
    await expect(noticeOf(page)).toBeVisible();
    release();
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'm1']);
    await expect(page.locator('#assent-notice')).toHaveCount(0);
    await expectAcceptedStored(page, traffic);
    // What the notice showed went with the click: its surface and the hash of its snapshot.
    const proofs = traffic.eventBatches
      .flatMap((batch) => batch.items)
      .filter((item) => item.consentAction === 'user_click')
      .map((item) => item.proof as { surface?: string; noticeHash?: string } | undefined);
    expect(proofs.length).toBeGreaterThan(0);
    for (const proof of proofs) {
      expect(proof?.surface).toBe('notice');
      expect(proof?.noticeHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  test('its notice closes when another tab decided before its second half came', async ({
    page,
    context,
    traffic,
  }) => {
    const release = await holdRest(page);
    await openPage(page, PER_PROJECT);
    await expect(noticeOf(page)).toBeVisible();
    // The second tab's second half comes: it decides, and tells the tabs that listen. This one
    // does not listen yet: its second half reads the decision from the mirror.
    const other = await context.newPage();
    await openPage(other, PER_PROJECT);
    await noticeOf(other).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => runsOf(other)).toEqual(['a1', 'm1']);
    await page.waitForTimeout(300);
    await expect(noticeOf(page)).toBeVisible();
    release();
    await expect(page.locator('#assent-notice')).toHaveCount(0);
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'm1']);
    // The decision is the other tab's, recorded there: this one sent no click.
    await page.waitForTimeout(300);
    const clicks = traffic.eventBatches
      .flatMap((batch) => batch.items)
      .filter((item) => item.consentAction === 'user_click');
    expect(clicks).toEqual([]);
  });

  test('a page whose localStorage was cleared does not flash the notice: IndexedDB’s decisions keep it away', async ({
    page,
  }) => {
    await openPage(page, PER_PROJECT);
    await noticeOf(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'm1']);
    await page.waitForTimeout(500);
    // The mirror gone, the record kept: the loader takes it for a first visit.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await readyOf(page);
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'm1']);
    await page.waitForTimeout(300);
    // The notice never entered the document (the observer of beforeEach never fired).
    expect(
      await page.evaluate(
        () => (window as unknown as { __beforeNotice?: string[] }).__beforeNotice,
      ),
    ).toBeUndefined();
    await expect(page.locator('#assent-notice')).toHaveCount(0);
  });

  test('an embedded config that does not parse is fetched instead, and the notice shows', async ({
    page,
  }) => {
    // The loader trusts the embed at its first paint; its second half checks it.
    await page.route(`**${PER_PROJECT}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/"policy":"[\w-]+"/, '"policy":"none of them"');
      expect(body).toContain('"policy":"none of them"');
      await route.fulfill({ response, body });
    });
    const requests = await openPage(page, PER_PROJECT);
    await expect(noticeOf(page)).toBeVisible();
    expect(paths(requests)).toContain(`/site-v1/${PROJECT}/site-client`);
    expect(await runsOf(page)).toEqual([]);
  });

  test('a notice module of a newer build than the cached loader fails with a message, and nothing gated runs', async ({
    page,
  }) => {
    // A deploy between the loader's caching (max-age, stale-while-revalidate) and this visit:
    // the newer notice module reads the kernel under its own build's key, which this loader
    // did not set. Without the key's version it would call this loader's functions by index.
    await page.route('**/assent/notice-en.js', async (route) => {
      const current = await (await route.fetch()).text();
      expect(current).toMatch(/assent\.kernel\.[\w-]{8}/);
      await route.fulfill({
        contentType: 'text/javascript',
        body: current.replace(/assent\.kernel\.[\w-]{8}/g, 'assent.kernel.NEWBUILD'),
      });
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { assentErrors: string[] }).assentErrors = seen;
      document.addEventListener('assent:error', (event) =>
        seen.push((event as CustomEvent<{ message: string }>).detail.message),
      );
    });
    await openPage(page, PER_PROJECT);
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { assentErrors: string[] }).assentErrors),
      )
      .toEqual([expect.stringMatching(/notice-en\.js is of another build than the loader/)]);
    await expect(noticeOf(page)).toHaveCount(0);
    expect(await runsOf(page)).toEqual([]);
    // The visitor's next page, once the loader is revalidated, is of one build again.
    await page.unroute('**/assent/notice-en.js');
    await page.reload();
    await expect(noticeOf(page)).toBeVisible();
  });

  test('the notice module is the visitor language’s own', async ({ page }) => {
    await openPage(page, PER_PROJECT, 'data-language="de"');
    const before = await requestsBeforeNotice(page);
    expect(before).toEqual([PER_PROJECT, '/assent/notice-de.js']);
    await expect(noticeOf(page).getByRole('button', { name: 'Alle akzeptieren' })).toBeVisible();
  });

  test('a notice module asked for another language shows it, its strings through strings.js', async ({
    page,
  }) => {
    // The loader picks the module by the language the notice shows, so this is rare (a config
    // that changed since): the module carries its own language's strings alone, not the
    // others' file names (vite.config.ts).
    const requests = await openPage(page, PER_PROJECT);
    await expect(noticeOf(page)).toBeVisible();
    // Once the second half has run its plan, which would show the English notice again.
    await readyOf(page);
    await page.evaluate(async (url) => {
      document.querySelector('#assent-notice')?.remove();
      const german = (await import(url)) as {
        showNotice(runtime: unknown, options: unknown): Promise<void>;
      };
      await german.showNotice(
        {
          config: { texts: {}, defaultLanguage: 'en', consentTypes: [], layout: 'box' },
          decisions: {},
          preview: false,
          now: () => new Date(),
          languages: ['fr'],
          emitter: { on: () => () => {}, emit: () => {} },
        },
        { manager: () => new Promise(() => {}), onCustomize: () => {} },
      );
    }, '/assent/notice-de.js');
    await expect(page.locator('#assent-notice')).toHaveAttribute('lang', 'fr');
    await expect(noticeOf(page).getByRole('button', { name: 'Tout accepter' })).toBeVisible();
    expect(paths(requests)).toContain('/assent/strings.js');
    expect(paths(requests).filter((path) => path.startsWith('/assent/i18n/'))).toEqual([
      expect.stringMatching(/^\/assent\/i18n\/fr-[\w-]+\.js$/),
    ]);
  });
});

/**
 * The returning visitor's budgets, brotli: the per-project loader with the demo project's
 * embedded config (about 1.2 kB of it), which is all that runs before the gates, and with the
 * loader's second half at idle, everything the widget downloads (size-limit: 4.8 and 9.2 kB for
 * the code without the config). Issue 18's target is 2.5 kB for everything; what stands in the
 * way is in bench/README.md.
 */
const LOADER_BROTLI = 6_000;
const RETURNING_BROTLI = 10_500;

test('returning visitor: gated scripts run from the loader alone, its second half at idle, no notice', async ({
  page,
}) => {
  const requests = await openPage(page, PER_PROJECT);
  await noticeOf(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => runsOf(page)).toEqual(['a1', 'm1']);
  // Stored and sent before the next page.
  await page.waitForTimeout(500);
  const from = requests.length;
  // The second half held back: the gates must not wait for it.
  const release = await holdRest(page);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await expect.poll(() => runsOf(page)).toEqual(['a1', 'm1']);
  release();
  await page.evaluate(() => (window.assent as { ready: Promise<unknown> }).ready);
  await page.waitForTimeout(300);
  await expect(page.locator('#assent-notice')).toHaveCount(0);
  const widget = paths(requests.slice(from)).filter((path) => path.startsWith('/assent/'));
  // The loader, then (at idle) its second half; nothing else: no notice, no manager, no config.
  expect(widget).toHaveLength(2);
  expect(widget[0]).toBe(PER_PROJECT);
  expect(widget[1]).toMatch(REST);
  expect(paths(requests.slice(from)).filter((path) => path.startsWith('/site-v1/'))).toEqual([]);
  // What it weighs compressed: each file as the server sends it, brotli.
  const sizes: number[] = [];
  for (const path of widget)
    sizes.push(brotliCompressSync(await (await page.request.get(path)).body()).length);
  expect(sizes[0]).toBeLessThanOrEqual(LOADER_BROTLI);
  expect(sizes[0]! + sizes[1]!).toBeLessThanOrEqual(RETURNING_BROTLI);
});

const MIRROR = `assent:${PROJECT}`;

test('a reload right after a click never shows the notice again (the mirror decides the first paint)', async ({
  page,
}) => {
  await openPage(page, PER_PROJECT);
  for (let round = 0; round < 4; round++) {
    await noticeOf(page).getByRole('button', { name: 'Accept all' }).click();
    // Reloaded the moment the choice is in the mirror, written synchronously at decision time:
    // IndexedDB's write may still be on its way.
    await page.waitForFunction(
      (key) => !!localStorage.getItem(key)?.includes('"accepted"'),
      MIRROR,
    );
    await page.reload();
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'm1']);
    await readyOf(page);
    await expect(page.locator('#assent-notice')).toHaveCount(0);
    // Forgotten, for the next round: the notice shows again.
    await page.evaluate(() => (window.assent as { reset(): Promise<void> }).reset());
    await expect(noticeOf(page)).toBeVisible();
  }
});

test('a page left in the task of its click loses no record: the click is recorded', async ({
  page,
  traffic,
}) => {
  await page.route('**/first-paint.html?next', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: pageWith(PER_PROJECT) }),
  );
  // Slow, so that the page goes before the click's IndexedDB write and send could finish.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await openPage(page, PER_PROJECT);
  const concordId = await visitorOf(traffic);
  await noticeOf(page).getByRole('button', { name: 'Accept all' }).waitFor();
  await page.evaluate(() => {
    const notice = document.querySelector('#assent-notice')!.shadowRoot!;
    const accept = [...notice.querySelectorAll('button')].find(
      (button) => button.textContent === 'Accept all',
    )!;
    accept.click();
    location.href = '/first-paint.html?next';
  });
  await page.waitForURL('**/first-paint.html?next');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect
    .poll(
      async () =>
        (await storedEvents(page.request, concordId))
          .filter((event) => event.consentAction === 'user_click')
          .map((event) => `${event.label}:${event.consentState}`)
          .sort(),
      { timeout: 15_000 },
    )
    .toEqual([
      'analytics:accepted',
      'marketing:accepted',
      'necessary:accepted',
      'privacy_policy:accepted',
    ]);
});

test('events an earlier page held and did not store are sent by the next page', async ({
  page,
  traffic,
}) => {
  await openPage(page, PER_PROJECT);
  await noticeOf(page).getByRole('button', { name: 'Accept all' }).click();
  await expectAcceptedStored(page, traffic);
  const concordId = await visitorOf(traffic);
  // As a page left between its click and its outbox's write leaves them (held at the click,
  // src/storage/pending-events.ts): one of this visitor's events, another id, 10 s ago.
  const sent = traffic.eventBatches.flatMap((batch) => batch.items);
  const model = sent.find(
    (item) => item.consentAction === 'user_click' && !('notice' in (item.proof as object)),
  )!;
  const held = {
    ...model,
    id: randomUUID(),
    consentDate: new Date(Date.now() - 10_000).toISOString(),
  };
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key!, value!),
    [`assent:${PROJECT}:pending`, JSON.stringify([held])],
  );
  await page.reload();
  await expect
    .poll(async () => (await storedEvents(page.request, concordId)).map((event) => event.id), {
      timeout: 15_000,
    })
    .toContain(held.id);
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), `assent:${PROJECT}:pending`))
    .toBeNull();
});

test('a decision the mirror holds and IndexedDB lost keeps the notice away, and is written back', async ({
  page,
}) => {
  await openPage(page, PER_PROJECT);
  await noticeOf(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => runsOf(page)).toEqual(['a1', 'm1']);
  await page.waitForTimeout(500);
  // As if the page had gone before IndexedDB's write: the record has no decisions.
  const idb = (action: 'delete' | 'read') =>
    page.evaluate(
      ([key, action]) =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('assent');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('kv', 'readwrite').objectStore('kv');
            const request = action === 'delete' ? store.delete(key) : store.get(key);
            request.onsuccess = () => (open.result.close(), resolve(request.result));
            request.onerror = () => reject(request.error);
          };
        }),
      [`${PROJECT}:decisions`, action] as const,
    );
  await idb('delete');
  expect(await idb('read')).toBeUndefined();
  await page.reload();
  await expect.poll(() => runsOf(page)).toEqual(['a1', 'm1']);
  await readyOf(page);
  await page.waitForTimeout(300);
  await expect(page.locator('#assent-notice')).toHaveCount(0);
  await expect
    .poll(async () => Object.keys((await idb('read')) ?? {}))
    .toEqual(expect.arrayContaining(['analytics', 'marketing']));
});

test.describe('the loader’s second half does not load', () => {
  // The aborted request is logged by Chromium as a failed resource.
  test.use({ expectedConsoleErrors: [/Failed to load resource/] });

  test('on a first visit, a click waits while the second half fails to download, and is recorded once it comes', async ({
    page,
    traffic,
  }) => {
    const asked: string[] = [];
    await page.route(REST_AGAIN, (route) => {
      asked.push(new URL(route.request().url()).search);
      return asked.length <= 2 ? route.abort() : route.continue();
    });
    await openPage(page, PER_PROJECT);
    await noticeOf(page).getByRole('button', { name: 'Accept all' }).click();
    await page.waitForTimeout(300);
    expect(await runsOf(page)).toEqual([]);
    await expect(noticeOf(page)).toBeVisible();
    // Asked for again 1 s and 2 s later, each time under another URL: the page's module map
    // keeps a failed URL's failure.
    await expect.poll(() => runsOf(page), { timeout: 10_000 }).toEqual(['a1', 'm1']);
    expect(asked).toEqual(['', '?retry=1', '?retry=2']);
    await expect(page.locator('#assent-notice')).toHaveCount(0);
    await expectAcceptedStored(page, traffic);
  });

  test('a manager that failed to download is asked for again, under another URL, by the click', async ({
    page,
  }) => {
    const asked: string[] = [];
    await page.route(/\/assent\/(r\d+\/)?manager\.js$/, (route) => {
      asked.push(new URL(route.request().url()).pathname);
      return asked.length === 1 ? route.abort() : route.continue();
    });
    await openPage(page, PER_PROJECT);
    // The notice asks for the manager as it shows, to record that it was seen: that one fails.
    await expect.poll(() => asked).toEqual(['/assent/manager.js']);
    await readyOf(page);
    await noticeOf(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'm1']);
    expect(asked).toEqual(['/assent/manager.js', '/assent/r1/manager.js']);
    await expect(page.locator('#assent-notice')).toHaveCount(0);
  });

  test('a chunk the manager imports that failed is asked for again with it, under another path', async ({
    page,
    traffic,
  }) => {
    // The page's module map keeps the failure of the chunk's URL: under `r1/`, the manager's
    // own imports have new URLs.
    const asked: string[] = [];
    await page.route(/\/assent\/(r\d+\/)?chunks\/choice-[\w-]{8}\.js$/, (route) => {
      asked.push(new URL(route.request().url()).pathname.replace(/-[\w-]{8}\.js$/, '.js'));
      return asked.length === 1 ? route.abort() : route.continue();
    });
    await openPage(page, PER_PROJECT);
    await expect.poll(() => asked.length).toBeGreaterThan(0);
    await readyOf(page);
    await noticeOf(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'm1']);
    expect(asked[0]).toBe('/assent/chunks/choice.js');
    expect(asked).toContain('/assent/r1/chunks/choice.js');
    await expectAcceptedStored(page, traffic);
  });

  test('the gates still follow the mirror: nothing declined runs, a call answers false and an error event says why', async ({
    page,
  }) => {
    await openPage(page, PER_PROJECT);
    await noticeOf(page).getByRole('button', { name: 'Reject all' }).click();
    await page.waitForFunction(
      (key) => !!localStorage.getItem(key)?.includes('"declined"'),
      MIRROR,
    );
    await page.waitForTimeout(500);
    // A CDN that lost the chunk, a blocker, a network gone after the loader came.
    await page.route(REST, (route) => route.abort());
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { assentErrors: string[] }).assentErrors = seen;
      document.addEventListener('assent:error', (event) =>
        seen.push((event as CustomEvent<{ message: string }>).detail.message),
      );
    });
    await page.reload();
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { assentErrors: string[] }).assentErrors),
      )
      .toHaveLength(1);
    expect(
      await page.evaluate(() =>
        ['analytics', 'marketing'].map((label) =>
          (window.assent as { get(label: string): string }).get(label),
        ),
      ),
    ).toEqual(['declined', 'declined']);
    // The window API answers without the second half: a change it cannot make is refused.
    expect(
      await page.evaluate(() => (window.assent as { accept(): Promise<boolean> }).accept()),
    ).toBe(false);
    await page.waitForTimeout(300);
    expect(await runsOf(page)).toEqual([]);
    await expect(page.locator('#assent-notice')).toHaveCount(0);
  });
});
