import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { E2E_ADMIN_KEY } from '../playwright.config.ts';
import {
  ALL_RUNS,
  expect,
  notice,
  ORGANIZATION,
  PROJECT,
  runsOf,
  storedEvents,
  summarize,
  test,
  VIEWED,
  visitorOf,
} from './fixtures.ts';
import { privatePort, startServer } from './server-process.ts';

const ACCEPTED = [
  'analytics:accepted:user_click',
  'marketing:accepted:user_click',
  'necessary:accepted:user_click',
  'privacy_policy:accepted:user_click',
];

/** Each event id once: the server never holds a duplicate. */
function expectNoDuplicates(events: { id: string }[]) {
  expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
}

/** Waits until the notice's viewed events are stored: the page then holds a session. */
async function shownAndRecorded(
  page: Page,
  request: APIRequestContext,
  concordId: string,
  base = '',
) {
  await expect
    .poll(async () => summarize(await storedEvents(request, concordId, base)))
    .toEqual(VIEWED);
}

test.describe('delivery under faults', () => {
  test.describe('offline', () => {
    test.use({ expectedConsoleErrors: [/ERR_INTERNET_DISCONNECTED/] });

    test('delivers a click made offline exactly once when the browser is back online', async ({
      page,
      context,
      traffic,
      request,
    }) => {
      await page.goto('/fixture.html');
      const concordId = await visitorOf(traffic);
      await shownAndRecorded(page, request, concordId);
      await context.setOffline(true);
      await notice(page).getByRole('button', { name: 'Accept all' }).click();
      // The decision applies at once, offline or not (the tags themselves cannot load offline).
      await expect
        .poll(() =>
          page.evaluate(() => (window.assent as { get(l: string): unknown }).get('marketing')),
        )
        .toBe('accepted');
      await page.waitForTimeout(500);
      expect(summarize(await storedEvents(request, concordId))).toEqual(VIEWED);
      await context.setOffline(false);
      await expect
        .poll(async () => summarize(await storedEvents(request, concordId)))
        .toEqual([...ACCEPTED, ...VIEWED].sort());
      await page.waitForTimeout(1500);
      const events = await storedEvents(request, concordId);
      expect(events).toHaveLength(7);
      expectNoDuplicates(events);
    });
  });

  test.describe('server errors', () => {
    test.use({ expectedConsoleErrors: [/status of 503/] });

    test('retries after 503s, waits as Retry-After says, and stores each event once', async ({
      page,
      traffic,
      request,
    }) => {
      await page.goto('/fixture.html');
      const concordId = await visitorOf(traffic);
      await shownAndRecorded(page, request, concordId);
      const attempts: number[] = [];
      await page.route('**/consent-events', async (route) => {
        attempts.push(Date.now());
        if (attempts.length <= 2) {
          await route.fulfill({
            status: 503,
            headers: { 'retry-after': '1' },
            contentType: 'application/json',
            body: JSON.stringify({
              statusCode: 503,
              error: 'Service Unavailable',
              message: 'busy',
            }),
          });
        } else {
          await route.continue();
        }
      });
      await notice(page).getByRole('button', { name: 'Accept all' }).click();
      await expect
        .poll(async () => summarize(await storedEvents(request, concordId)), { timeout: 10_000 })
        .toEqual([...ACCEPTED, ...VIEWED].sort());
      expect(attempts).toHaveLength(3);
      expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(950);
      expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(950);
      expectNoDuplicates(await storedEvents(request, concordId));
    });
  });

  test.describe('server stopped', () => {
    test.use({ expectedConsoleErrors: [/ERR_CONNECTION_REFUSED/] });

    test('delivers a click made while the server was down once it is back', async ({
      page,
      traffic,
      request,
    }, testInfo) => {
      // Two server starts (a fresh database takes seconds on a busy 2-core machine).
      test.setTimeout(120_000);
      const port = privatePort(testInfo.parallelIndex);
      let server = await startServer(port);
      try {
        await page.goto(`/fixture.html?api=${encodeURIComponent(server.url)}`);
        const concordId = await visitorOf(traffic);
        await shownAndRecorded(page, request, concordId, server.url);
        await server.stop();
        await notice(page).getByRole('button', { name: 'Accept all' }).click();
        await expect.poll(() => runsOf(page)).toEqual(ALL_RUNS);
        server = await startServer(port, server.dataDir);
        // The next attempt (backoff) or the next page load delivers it.
        await page.reload();
        await expect
          .poll(async () => summarize(await storedEvents(request, concordId, server.url)))
          .toEqual([...ACCEPTED, ...VIEWED].sort());
        await page.waitForTimeout(1000);
        const events = await storedEvents(request, concordId, server.url);
        expect(events).toHaveLength(7);
        expectNoDuplicates(events);
      } finally {
        await server.stop();
      }
    });
  });

  test('delivers the click of a tab closed right after it', async ({ context, request }) => {
    const page = await context.newPage();
    const batches: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/consent-events')) batches.push(r.postData() ?? '');
    });
    await page.goto('/fixture.html');
    await expect.poll(() => batches.length).toBe(1);
    const concordId = (JSON.parse(batches[0]!) as { items: { concordId: string }[] }).items[0]!
      .concordId;
    await shownAndRecorded(page, request, concordId);
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    await page.close();
    // Keepalive usually delivers it; if not, the next visit does.
    const delivered = async () => summarize(await storedEvents(request, concordId));
    try {
      await expect.poll(delivered, { timeout: 3000 }).toEqual([...ACCEPTED, ...VIEWED].sort());
      test.info().annotations.push({ type: 'path', description: 'keepalive' });
    } catch {
      test.info().annotations.push({ type: 'path', description: 'next visit' });
      const next = await context.newPage();
      await next.goto('/fixture.html');
      await expect.poll(delivered).toEqual([...ACCEPTED, ...VIEWED].sort());
    }
    expectNoDuplicates(await storedEvents(request, concordId));
  });

  test('applies a choice made in one tab to another at once, recording it once', async ({
    context,
    request,
  }) => {
    const first = await context.newPage();
    const second = await context.newPage();
    const batches: { items: { concordId: string; label: string; consentState: string }[] }[] = [];
    for (const page of [first, second]) {
      page.on('request', (r) => {
        if (r.url().endsWith('/consent-events')) batches.push(r.postDataJSON() as never);
      });
    }
    await first.goto('/fixture.html');
    await expect(notice(first)).toBeVisible();
    await second.goto('/fixture.html');
    await expect(notice(second)).toBeVisible();
    await notice(first).getByRole('button', { name: 'Accept all' }).click();
    await expect(notice(second)).toHaveCount(0);
    await expect.poll(() => runsOf(second)).toEqual(ALL_RUNS);
    expect(
      await second.evaluate(() => (window.assent as { get(l: string): unknown }).get('marketing')),
    ).toBe('accepted');
    const concordId = batches[0]!.items[0]!.concordId;
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toEqual([...ACCEPTED, ...VIEWED, ...VIEWED].sort());
    await first.waitForTimeout(1000);
    const events = await storedEvents(request, concordId);
    expect(events).toHaveLength(10);
    expectNoDuplicates(events);
  });

  for (const [failure, stub] of [
    [
      'throws',
      () => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        };
      },
    ],
    [
      'hangs',
      () => {
        // An open request that never succeeds nor fails, as in a blocked upgrade.
        IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest;
      },
    ],
  ] as const) {
    test(`keeps the notice working and delivers events when IndexedDB ${failure}`, async ({
      page,
      traffic,
      request,
    }) => {
      await page.addInitScript(stub);
      await page.addInitScript(() => {
        document.addEventListener('assent:error', (event) => {
          const w = window as unknown as { __errors?: string[] };
          (w.__errors ??= []).push((event as CustomEvent<{ message: string }>).detail.message);
        });
      });
      await page.goto('/fixture.html');
      await notice(page).getByRole('button', { name: 'Accept all' }).click();
      await expect.poll(() => runsOf(page)).toEqual(ALL_RUNS);
      const concordId = await visitorOf(traffic);
      await expect
        .poll(async () => summarize(await storedEvents(request, concordId)))
        .toEqual([...ACCEPTED, ...VIEWED].sort());
      expect(
        await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors),
      ).toEqual(['browser storage is unavailable: consent is kept for this page only']);
    });
  }

  test.describe('expired session', () => {
    test.use({ expectedConsoleErrors: [/status of 401/] });

    test('renews an expired session transparently and stores each event once', async ({
      page,
      traffic,
      request,
    }) => {
      await page.goto('/fixture.html');
      const concordId = await visitorOf(traffic);
      await shownAndRecorded(page, request, concordId);
      let refused = false;
      await page.route('**/consent-events', async (route) => {
        if (refused) return route.continue();
        refused = true;
        await route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: JSON.stringify({
            statusCode: 401,
            error: 'Unauthorized',
            message: 'session expired',
          }),
        });
      });
      await notice(page).getByRole('button', { name: 'Accept all' }).click();
      await expect
        .poll(async () => summarize(await storedEvents(request, concordId)))
        .toEqual([...ACCEPTED, ...VIEWED].sort());
      expect(traffic.urls.filter((url) => url.endsWith('/sessions'))).toHaveLength(2);
      expectNoDuplicates(await storedEvents(request, concordId));
    });
  });

  test.describe('malformed event', () => {
    test.use({ expectedConsoleErrors: [/status of 400/] });

    test('moves a malformed event to the dead-letter list without blocking later ones', async ({
      page,
      traffic,
      request,
    }) => {
      await page.goto('/fixture.html');
      const concordId = await visitorOf(traffic);
      await shownAndRecorded(page, request, concordId);
      const badId = randomUUID();
      // Forced past the widget's own checks, straight into its stored outbox.
      await page.evaluate(
        ({ project, concordId, badId }) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('assent');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('kv', 'readwrite');
              tx.objectStore('kv').put(
                [
                  {
                    id: badId,
                    concordId,
                    label: 'analytics',
                    consentState: 'maybe',
                    consentAction: 'user_click',
                  },
                ],
                `${project}:outbox`,
              );
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            };
          }),
        { project: PROJECT, concordId, badId },
      );
      const syncs: unknown[] = [];
      await page.exposeFunction('__sync', (detail: unknown) => syncs.push(detail));
      await page.evaluate(() =>
        (window.assent as { on(n: string, h: (d: unknown) => void): void }).on('sync', (d) =>
          (window as unknown as { __sync(d: unknown): void }).__sync(d),
        ),
      );
      await notice(page).getByRole('button', { name: 'Accept all' }).click();
      await expect
        .poll(async () => summarize(await storedEvents(request, concordId)))
        .toEqual([...ACCEPTED, ...VIEWED].sort());
      const deadLetter = await page.evaluate(
        (project) =>
          new Promise<unknown[]>((resolve) => {
            const open = indexedDB.open('assent');
            open.onsuccess = () => {
              const get = open.result
                .transaction('kv')
                .objectStore('kv')
                .get(`${project}:dead-letter`);
              get.onsuccess = () => resolve(get.result as unknown[]);
            };
          }),
        PROJECT,
      );
      expect(deadLetter).toEqual([expect.objectContaining({ id: badId, consentState: 'maybe' })]);
      expect(syncs).toContainEqual({ count: 4, pending: 0, deadLetter: 1 });
    });
  });

  test('gives one instance when the loader is included twice', async ({ page }) => {
    await page.goto('/fixture.html');
    await expect(notice(page)).toBeVisible();
    await page.evaluate(
      () => ((window as unknown as { __first: unknown }).__first = window.assent),
    );
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const again = document.createElement('script');
          again.src = '/assent/assent.js';
          again.dataset.project = '00000000-0000-4000-8000-00000000000b';
          again.onload = resolve;
          document.head.append(again);
        }),
    );
    await page.waitForTimeout(500);
    expect(
      await page.evaluate(
        () => (window as unknown as { __first: unknown }).__first === window.assent,
      ),
    ).toBe(true);
    await expect(page.locator('#assent-notice')).toHaveCount(1);
  });
});

test.describe('server ingest', () => {
  async function session(base: string, concordId: string) {
    const response = await fetch(`${base}/site-v1/${PROJECT}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      // A visitor id the server has not seen is bound to the first secret presented for it.
      body: JSON.stringify({ concordId, visitorSecret: `e2e-${concordId}` }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { token: string }).token;
  }

  const item = (concordId: string) => ({
    id: randomUUID(),
    concordId,
    label: 'analytics',
    consentState: 'accepted',
    consentAction: 'user_click',
  });

  test('stores a batch sent twice at once only once', async ({ request, baseURL }) => {
    const concordId = randomUUID();
    const token = await session(baseURL!, concordId);
    const body = JSON.stringify({ items: Array.from({ length: 20 }, () => item(concordId)) });
    const send = () =>
      fetch(`${baseURL}/site-v1/${PROJECT}/consent-events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          // Session tokens are bound to the origin that opened them.
          origin: 'http://localhost:3000',
        },
        body,
      });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    const events = await storedEvents(request, concordId);
    expect(events).toHaveLength(20);
    expectNoDuplicates(events);
  });

  for (const [backend, databaseUrl] of [
    ['PGlite', undefined],
    // CI's throwaway cluster (.ci/run); skipped where there is none.
    ['PostgreSQL', process.env.TEST_DATABASE_URL],
  ] as const) {
    test(`keeps every acknowledged event when the server on ${backend} is killed during a burst`, async ({
      request,
    }, testInfo) => {
      test.skip(backend === 'PostgreSQL' && !databaseUrl, 'no TEST_DATABASE_URL');
      test.setTimeout(120_000);
      const port = privatePort(testInfo.parallelIndex);
      let server = await startServer(port, undefined, databaseUrl);
      const concordId = randomUUID();
      const acknowledged = new Set<string>();
      let created = 0;
      try {
        const token = await session(server.url, concordId);
        const sender = async () => {
          for (;;) {
            const items = Array.from({ length: 10 }, () => item(concordId));
            created += items.length;
            try {
              const response = await fetch(`${server.url}/site-v1/${PROJECT}/consent-events`, {
                method: 'POST',
                headers: {
                  'content-type': 'application/json',
                  authorization: `Bearer ${token}`,
                  // Session tokens are bound to the origin that opened them.
                  origin: 'http://localhost:3000',
                },
                body: JSON.stringify({ items }),
              });
              if (response.status !== 201) return;
              for (const event of items) acknowledged.add(event.id);
            } catch {
              return; // killed
            }
          }
        };
        const senders = Array.from({ length: 4 }, sender);
        await expect.poll(() => acknowledged.size, { timeout: 40_000 }).toBeGreaterThan(200);
        await server.stop('SIGKILL');
        await Promise.all(senders);
        server = await startServer(port, server.dataDir, databaseUrl);
        const response = await request.get(
          `${server.url}/privacy-v1/organizations/${ORGANIZATION}/projects/${PROJECT}/consent-events?concordId=${concordId}&limit=1000`,
          { headers: { 'x-api-key': E2E_ADMIN_KEY } },
        );
        const stored = ((await response.json()) as { items: { id: string }[] }).items;
        const storedIds = new Set(stored.map((event) => event.id));
        const lost = [...acknowledged].filter((id) => !storedIds.has(id));
        testInfo.annotations.push({
          type: 'burst',
          description: `created ${created}, acknowledged ${acknowledged.size}, stored ${stored.length}, lost ${lost.length}, duplicates ${stored.length - storedIds.size}`,
        });
        expect(lost).toEqual([]);
        expectNoDuplicates(stored);
      } finally {
        await server.stop();
      }
    });
  }
});
