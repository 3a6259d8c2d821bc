import {
  ALL_RUNS,
  DISCLOSED,
  expect,
  notice,
  preferences,
  runsOf,
  storedEvents,
  summarize,
  test,
  validateRecord,
  validateRequest,
  VIEWED,
  visitorOf,
  acceptAllStored,
} from './fixtures.ts';

/** `date` plus whole months, in UTC (the demo's dates are never at a month's end here). */
function plusMonths(date: string, months: number): string {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result.toISOString();
}

test.describe('first visit', () => {
  test('shows the notice with equal accept and reject buttons and records it as viewed', async ({
    page,
    traffic,
    request,
  }) => {
    await page.goto('/fixture.html');
    const region = notice(page);
    await expect(region).toBeVisible();
    await expect(region.getByRole('heading')).toHaveText('We value your privacy');
    const accept = region.getByRole('button', { name: 'Accept all' });
    const reject = region.getByRole('button', { name: 'Reject all' });
    await expect(region.getByRole('button', { name: 'Choose' })).toBeVisible();

    // Equal weight on the first layer: same size, colours and type.
    const look = (button: typeof accept) =>
      button.evaluate((element) => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return [
          style.backgroundColor,
          style.color,
          style.fontWeight,
          style.fontSize,
          // To 0.1 px: three flex items in a fluid bar get sub-pixel remainders (LayoutUnit 1/64).
          Math.round(box.width * 10) / 10,
          box.height,
        ];
      });
    expect(await look(accept)).toEqual(await look(reject));

    const concordId = await visitorOf(traffic);
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toEqual(VIEWED);
    expect(await runsOf(page)).toEqual([]);
    expect(
      await page.evaluate(
        () => window.assent && 'allowed' in window.assent && window.assent.allowed('analytics'),
      ),
    ).toBe(false);
  });

  test('runs every gated script once, in document order, after accept all', async ({
    page,
    traffic,
    request,
  }) => {
    await page.goto('/fixture.html');
    expect(await runsOf(page)).toEqual([]);
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(notice(page)).toHaveCount(0);
    await expect.poll(() => runsOf(page)).toEqual(ALL_RUNS);

    const concordId = await visitorOf(traffic);
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toEqual(
        [
          'analytics:accepted:user_click',
          'marketing:accepted:user_click',
          'necessary:accepted:user_click',
          DISCLOSED,
          ...VIEWED,
        ].sort(),
      );
    const events = await storedEvents(request, concordId);
    for (const event of events)
      expect(validateRecord(event), JSON.stringify(validateRecord.errors)).toBe(true);
    for (const batch of traffic.eventBatches) expect(validateRequest(batch)).toBe(true);
    const byLabel = Object.fromEntries(
      events
        .filter((event) => event.consentState === 'accepted')
        .map((event) => [event.label, event]),
    );
    expect(byLabel.analytics!.expirationDate).toBe(plusMonths(byLabel.analytics!.consentDate, 6));
    expect(byLabel.necessary!.expirationDate).toBe(plusMonths(byLabel.necessary!.consentDate, 12));

    // Accepting again records again but runs nothing twice.
    await page.evaluate(() => (window.assent as { accept(): Promise<boolean> }).accept());
    await page.waitForTimeout(300);
    expect(await runsOf(page)).toEqual(ALL_RUNS);
  });

  test('keeps every gated script inert after reject all', async ({ page, traffic, request }) => {
    await page.goto('/fixture.html');
    await notice(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(notice(page)).toHaveCount(0);
    const concordId = await visitorOf(traffic);
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toEqual(
        [
          'analytics:declined:user_click',
          'marketing:declined:user_click',
          'necessary:accepted:user_click',
          DISCLOSED,
          ...VIEWED,
        ].sort(),
      );
    await page.waitForTimeout(300);
    expect(await runsOf(page)).toEqual([]);
    const state = await page.evaluate(() => {
      const api = window.assent as {
        get(label: string): string | undefined;
        allowed(label: string): boolean;
      };
      return [api.get('analytics'), api.allowed('analytics'), api.allowed('marketing')];
    });
    expect(state).toEqual(['declined', false, false]);
  });

  test('runs only the scripts whose every consent was chosen per type', async ({
    page,
    traffic,
    request,
  }) => {
    await page.goto('/fixture.html');
    await notice(page).getByRole('button', { name: 'Choose' }).click();
    const region = preferences(page);
    const necessary = region.getByRole('switch', { name: 'Strictly necessary' });
    await expect(necessary).toBeChecked();
    await expect(necessary).toBeDisabled();
    await expect(region.getByRole('switch', { name: 'Marketing' })).not.toBeChecked();
    await region.getByRole('switch', { name: 'Analytics' }).check();
    await region.getByRole('button', { name: 'Save choices' }).click();
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'a2']);
    const concordId = await visitorOf(traffic);
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toEqual(
        [
          'analytics:accepted:user_click',
          'marketing:declined:user_click',
          'necessary:accepted:user_click',
          DISCLOSED,
          ...VIEWED,
        ].sort(),
      );
  });

  test('accepts all with the keyboard alone', async ({ page, traffic, request }) => {
    await page.goto('/index.html');
    await expect(notice(page)).toBeVisible();
    const focused = () =>
      page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? null);
    let steps = 0;
    while ((await focused()) !== 'Accept all' && steps++ < 10) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Accept all');
    await page.keyboard.press('Enter');
    await expect(page.locator('#status-analytics')).toHaveText('Analytics: running');
    await expect(page.locator('#status-marketing')).toHaveText('Marketing: running');
    const concordId = await visitorOf(traffic);
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toContain('marketing:accepted:user_click');
  });
});

test.describe('returning visitor', () => {
  test('sees no notice, downloads only the loader and its second half, runs gated scripts at once', async ({
    page,
    traffic,
    request,
  }) => {
    const concordId = await acceptAllStored(page, traffic, request);
    // Delivered: wait for the page to know it, so nothing is left in its outbox.
    await page.waitForFunction(
      () => !!document.querySelector('script[data-name="m1"]:not([type])'),
    );
    await page.waitForTimeout(300);

    const before = traffic.urls.length;
    const batches = traffic.eventBatches.length;
    await page.reload();
    await page.evaluate(() => (window.assent as { ready: Promise<unknown> }).ready);
    await expect.poll(() => runsOf(page)).toEqual(ALL_RUNS);
    await page.waitForTimeout(300);
    await expect(page.locator('#assent-notice')).toHaveCount(0);
    const assets = traffic.urls.slice(before).filter((url) => url.includes('/assent/'));
    // The loader, and its second half (IndexedDB, revalidation, tab sync) at idle: no notice,
    // no manager.
    const paths = assets.map((url) => new URL(url).pathname);
    expect(paths).toHaveLength(2);
    expect(paths[0]).toBe('/assent/assent.js');
    expect(paths[1]).toMatch(/^\/assent\/chunks\/rest-[\w-]{8}\.js$/);
    expect(traffic.eventBatches.length).toBe(batches);
    expect((await storedEvents(request, concordId)).length).toBe(7);
  });

  test('runs gated scripts before IndexedDB answers, from the synchronous copy', async ({
    page,
    traffic,
    request,
  }) => {
    await acceptAllStored(page, traffic, request);
    await page.waitForTimeout(300);
    // From now on IndexedDB answers its first open a second late; at that moment the page notes
    // whether the gated scripts were already let through.
    await page.addInitScript(() => {
      const realOpen = indexedDB.open.bind(indexedDB);
      const state = window as unknown as { __activatedBeforeIdb?: boolean };
      indexedDB.open = (name: string, version?: number) => {
        const request = realOpen(name, version);
        const descriptor = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess')!;
        Object.defineProperty(request, 'onsuccess', {
          set(handler: (event: Event) => void) {
            descriptor.set!.call(request, (event: Event) =>
              setTimeout(() => {
                state.__activatedBeforeIdb ??= !!document.querySelector(
                  'script[data-name="a1"]:not([type])',
                );
                handler.call(request, event);
              }, 1000),
            );
          },
          get: () => descriptor.get!.call(request),
        });
        return request;
      };
    });
    await page.reload();
    await page.evaluate(() => (window.assent as { ready: Promise<unknown> }).ready);
    expect(
      await page.evaluate(
        () => (window as unknown as { __activatedBeforeIdb?: boolean }).__activatedBeforeIdb,
      ),
    ).toBe(true);
    await expect.poll(() => runsOf(page)).toEqual(ALL_RUNS);
    await expect(page.locator('#assent-notice')).toHaveCount(0);
  });

  test('can reopen the notice from a cookie settings button and change its mind', async ({
    page,
    traffic,
    request,
  }) => {
    await page.goto('/index.html');
    await notice(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(page.locator('#status-analytics')).toHaveText('Analytics: not running');
    await page.locator('footer').getByRole('button', { name: 'Cookie settings' }).click();
    await expect(notice(page)).toBeVisible();
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(page.locator('#status-analytics')).toHaveText('Analytics: running');
    const concordId = await visitorOf(traffic);
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toEqual(
        [
          'analytics:declined:user_click',
          'analytics:accepted:user_click',
          'marketing:declined:user_click',
          'marketing:accepted:user_click',
          'necessary:accepted:user_click',
          'necessary:accepted:user_click',
          // The disclosure is acknowledged once: reopened, the notice no longer shows it.
          DISCLOSED,
          ...VIEWED,
          'analytics:viewed:implied',
          'marketing:viewed:implied',
        ].sort(),
      );
  });
});

test('loads a gated iframe only once marketing is allowed', async ({ page }) => {
  await page.goto('/fixture.html');
  const video = page.locator('iframe[data-consent="marketing"]');
  await expect(notice(page)).toBeVisible();
  await page.evaluate(() =>
    (window.assent as { accept(l: string[]): Promise<boolean> }).accept(['analytics']),
  );
  await expect.poll(() => runsOf(page)).toEqual(['a1', 'a2']);
  await expect(video).not.toHaveAttribute('src');
  await page.evaluate(() =>
    (window.assent as { accept(l: string[]): Promise<boolean> }).accept(['marketing']),
  );
  await expect(video).toHaveAttribute('src', '/embed/video.html');
});
