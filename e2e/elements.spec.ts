import AxeBuilder from '@axe-core/playwright';
import { assetsOf, expect, notice, storedEvents, summarize, test, visitorOf } from './fixtures.ts';

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
    // The proof says the gate's button decided, not the window API (issue 17).
    const sent = traffic.eventBatches.flatMap((batch) => batch.items);
    const accepted = sent.find(
      (item) => item.label === 'marketing' && item.consentState === 'accepted',
    );
    expect((accepted?.proof as { surface?: string } | undefined)?.surface).toBe('gate');
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

  for (const [language, expected] of [
    [
      'fr',
      {
        dir: 'ltr',
        sentence: 'A video ne se charge qu’avec votre consentement pour marketing.',
        button: 'Autoriser marketing et charger',
      },
    ],
    [
      'ar',
      {
        dir: 'rtl',
        sentence: 'لا يُحمَّل A video إلا بموافقتك على marketing.',
        button: 'السماح بـ marketing والتحميل',
      },
    ],
  ] as const) {
    test(`shows its placeholder in the visitor language (${language}, ${expected.dir}) and loads the content from its button`, async ({
      page,
      traffic,
    }) => {
      await page.goto(`/fixtures/widget.html?layout=bar-bottom&language=${language}`);
      await notice(page)
        .getByRole('button', { name: language === 'fr' ? 'Tout refuser' : 'رفض الكل' })
        .click();
      const gate = page.locator('assent-gate');
      const box = gate.getByRole('group', { name: 'A video' });
      await expect(box).toHaveAttribute('lang', language);
      await expect(box).toHaveAttribute('dir', expected.dir);
      await expect(box.locator('p')).toHaveText(expected.sentence);
      // The element keeps the page's language: the content it loads is the page's.
      await expect(gate).not.toHaveAttribute('lang', /./);
      expect(assetsOf(traffic).filter((path) => path.startsWith('/assent/i18n/'))).toEqual([
        expect.stringMatching(new RegExp(`^/assent/i18n/${language}-`)),
      ]);
      await box.getByRole('button', { name: expected.button }).click();
      await expect(gate.locator('iframe')).toHaveAttribute('src', '/embed/video.html');
    });
  }

  test.describe('when its bundle cannot load', () => {
    test.use({ expectedConsoleErrors: [/ERR_FAILED/] });

    test('keeps the content inert and reports an error', async ({ page, traffic }) => {
      await page.route('**/assent/gate.js', (route) => route.abort());
      await page.addInitScript(() => {
        const w = window as unknown as { __errors: string[] };
        w.__errors = [];
        document.addEventListener('assent:error', (event) =>
          w.__errors.push((event as CustomEvent<{ message: string }>).detail.message),
        );
      });
      await page.goto('/journal.html');
      await notice(page).getByRole('button', { name: 'Accept all' }).click();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __errors: string[] }).__errors))
        .toEqual([expect.stringContaining('could not load part of the consent widget')]);
      await page.waitForTimeout(300);
      await expect(page.locator('assent-gate iframe')).toHaveCount(0);
      expect(traffic.urls.some((url) => url.includes('/embed/video.html'))).toBe(false);
    });
  });

  test('loads its bundle only on pages that hold a gate', async ({ page, traffic }) => {
    await page.goto('/fixture.html');
    await notice(page).getByRole('button', { name: 'Reject all' }).click();
    await page.waitForTimeout(300);
    expect(assetsOf(traffic)).not.toContain('/assent/gate.js');
    await insertGate(page, 'late');
    await expect(page.locator('#late').getByRole('button')).toBeVisible();
    expect(assetsOf(traffic)).toContain('/assent/gate.js');
  });
});
