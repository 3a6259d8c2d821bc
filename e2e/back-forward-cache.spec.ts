import { launchOptions } from '../playwright.config.ts';
import { acceptAllStored, expect, storedEvents, test } from './fixtures.ts';

// Playwright turns the back-forward cache off by default; these tests need it on.
test.use({
  launchOptions: { ...launchOptions, ignoreDefaultArgs: ['--disable-back-forward-cache'] },
});

test('neither resends nor shows the notice again when a page returns from the back-forward cache', async ({
  page,
  traffic,
  request,
}) => {
  const concordId = await acceptAllStored(page, traffic, request, '/index.html');
  // The views and the click go in one batch or two, as the outbox finds them; none may follow.
  const batchesBeforeLeaving = traffic.eventBatches.length;
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
  await page.goto('/shop.html');
  // A restore fires pageshow, not load.
  await page.goBack({ waitUntil: 'commit' });
  // The same window, restored: not a reload.
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
  await page.waitForTimeout(500);
  await expect(page.locator('#assent-notice')).toHaveCount(0);
  expect(await page.locator('#status-analytics').textContent()).toBe('Analytics: running');
  expect(await storedEvents(request, concordId)).toHaveLength(7);
  expect(traffic.eventBatches).toHaveLength(batchesBeforeLeaving);
});
