import AxeBuilder from '@axe-core/playwright';
import { expect, notice, storedEvents, summarize, test, visitorOf } from './fixtures.ts';

interface TestWindow {
  assent: { ready: Promise<unknown>; accept(labels?: string[]): Promise<boolean> };
}

const GATE_HTML =
  '<template><iframe src="/embed/video.html" title="Late video"></iframe></template>';

/** Adds an `<assent-gate consent="marketing">` holding a video, as a page script would after load. */
const insertGate = (page: import('@playwright/test').Page, id: string) =>
  page.evaluate(
    ([id, html]) => {
      const gate = document.createElement('assent-gate');
      gate.id = id!;
      gate.setAttribute('consent', 'marketing');
      gate.innerHTML = html!;
      document.body.append(gate);
    },
    [id, GATE_HTML],
  );

test.describe('<assent-gate>', () => {
  test('shows a placeholder naming the content and the consent, and loads the content once accepted', async ({
    page,
    traffic,
    request,
  }) => {
    await page.goto('/journal.html');
    await notice(page).getByRole('button', { name: 'Reject all' }).click();
    const gate = page.locator('assent-gate');
    await expect(
      gate.getByText('The brewing guide video loads only with your consent to'),
    ).toBeVisible();
    await expect(gate.locator('strong')).toHaveText('marketing');
    await expect(gate.locator('iframe')).toHaveCount(0);
    await gate.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/assent-gate-placeholder.png' });
    const audit = await new AxeBuilder({ page }).include('assent-gate').analyze();
    expect(audit.violations.map((violation) => violation.id)).toEqual([]);
    expect(traffic.urls.some((url) => url.includes('/embed/video.html'))).toBe(false);

    await gate.getByRole('button', { name: 'Allow marketing and load' }).click();
    await expect(gate.locator('iframe')).toHaveAttribute('src', '/embed/video.html');
    await expect(gate.getByRole('button')).toHaveCount(0);
    await expect(page.locator('#status-marketing')).toHaveText('Marketing: running');
    const concordId = await visitorOf(traffic);
    await expect
      .poll(async () => summarize(await storedEvents(request, concordId)))
      .toContain('marketing:accepted:user_click');
  });

  test('shows the content at once when marketing is already allowed', async ({ page }) => {
    await page.goto('/journal.html');
    await notice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(page.locator('assent-gate iframe')).toHaveCount(1);
    await page.reload();
    await expect(page.locator('assent-gate iframe')).toHaveAttribute('src', '/embed/video.html');
    await expect(page.locator('assent-gate').getByRole('button')).toHaveCount(0);
  });

  test('gates content inserted after load: a placeholder until accepted, at once when allowed', async ({
    page,
  }) => {
    await page.goto('/fixture.html');
    await notice(page).getByRole('button', { name: 'Reject all' }).click();
    await insertGate(page, 'late');
    const late = page.locator('#late');
    await expect(late.getByText('Late video loads only with your consent to')).toBeVisible();
    await late.getByRole('button', { name: 'Allow marketing and load' }).click();
    await expect(late.locator('iframe')).toHaveAttribute('src', '/embed/video.html');

    await insertGate(page, 'later');
    await expect(page.locator('#later iframe')).toHaveAttribute('src', '/embed/video.html');
  });

  test('works for gates in the page before the loader, and a second loader changes nothing', async ({
    page,
  }) => {
    // A page whose gate comes before the loader's script tag: the gate upgrades once defined.
    await page.route('**/gate-first.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Gate first</title><h1>Gate first</h1>
          <assent-gate consent="marketing" label="Early video">${GATE_HTML}</assent-gate>
          <script src="/assent/assent.js" data-project="00000000-0000-4000-8000-00000000000b"></script>`,
      }),
    );
    await page.goto('/gate-first.html');
    await expect(page.locator('assent-gate').getByRole('button')).toBeVisible();
    await expect(page.locator('assent-gate')).toContainText('Early video loads only');
    await page.evaluate(async () => {
      const again = document.createElement('script');
      again.src = '/assent/assent.js';
      again.dataset.project = '00000000-0000-4000-8000-00000000000b';
      const loaded = new Promise((resolve) => again.addEventListener('load', resolve));
      document.head.append(again);
      await loaded;
      await (window as unknown as TestWindow).assent.accept(['marketing']);
    });
    await expect(page.locator('assent-gate iframe')).toHaveCount(1);
  });
});
