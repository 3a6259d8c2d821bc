import { LAYOUTS, anyNotice, widgetUrl } from './widget-fixture.ts';
import { assetsOf, expect, test } from './fixtures.ts';

interface LayoutShift {
  value: number;
  hadRecentInput: boolean;
}

interface ShiftWindow {
  __shift: number;
}

test.describe('layouts, themes and languages', () => {
  for (const layout of LAYOUTS) {
    test(`shifts nothing on the page when the ${layout} notice shows and goes (CLS 0)`, async ({
      page,
    }) => {
      await page.addInitScript(() => {
        const w = window as unknown as ShiftWindow;
        w.__shift = 0;
        new PerformanceObserver((list) => {
          // As CLS counts it: shifts right after a click or key press (input) do not count.
          for (const entry of list.getEntries() as unknown as LayoutShift[])
            if (!entry.hadRecentInput) w.__shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(widgetUrl(layout));
      await expect(anyNotice(page)).toBeVisible();
      await anyNotice(page).getByRole('button', { name: 'Accept all' }).click();
      await expect(anyNotice(page)).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as ShiftWindow).__shift)).toBe(0);
    });
  }

  test('downloads the strings of one language and lays the page right to left for Arabic', async ({
    page,
    traffic,
  }) => {
    await page.goto(widgetUrl('box', { lang: 'ar' }));
    await expect(page.getByRole('region', { name: 'خصوصيتك' })).toBeVisible();
    await expect(page.locator('#assent-notice')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('#assent-notice')).toHaveAttribute('lang', 'ar');
    expect(assetsOf(traffic).filter((path) => path.startsWith('/assent/i18n/'))).toEqual([
      expect.stringMatching(/^\/assent\/i18n\/ar-[\w-]+\.js$/),
    ]);
  });

  test('prefers data-language over <html lang>, and the project texts over the built-in ones', async ({
    page,
  }) => {
    await page.goto(widgetUrl('bar-bottom', { language: 'de', lang: 'ja' }));
    await expect(
      page.getByRole('region', { name: 'Ihre Privatsphäre ist uns wichtig' }),
    ).toBeVisible();
    await expect(anyNotice(page).getByRole('button', { name: 'Alle ablehnen' })).toBeVisible();
  });

  test('fills a language the project has no texts for with the built-in strings', async ({
    page,
  }) => {
    await page.goto(widgetUrl('bar-bottom', { lang: 'ja' }));
    await expect(page.getByRole('region', { name: 'プライバシーについて' })).toBeVisible();
    await anyNotice(page).getByRole('button', { name: '選択する' }).click();
    await expect(page.getByRole('dialog', { name: 'プライバシー設定' })).toBeVisible();
  });

  test('follows the system colour scheme with theme auto and keeps dark when asked', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(widgetUrl('box', { theme: 'auto' }));
    const background = () =>
      anyNotice(page).evaluate((element) => getComputedStyle(element).backgroundColor);
    await expect.poll(background).toBe('rgb(28, 28, 31)');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(background).toBe('rgb(255, 255, 255)');
    await page.goto(widgetUrl('box', { theme: 'dark' }));
    await expect.poll(background).toBe('rgb(28, 28, 31)');
  });

  test('puts the notice where the layout says', async ({ page }) => {
    await page.setViewportSize({ width: 1200, height: 800 });
    const boxOf = async (layout: (typeof LAYOUTS)[number]) => {
      await page.goto(widgetUrl(layout));
      await expect(anyNotice(page)).toBeVisible();
      return (await anyNotice(page).boundingBox())!;
    };
    expect((await boxOf('bar-bottom')).y + (await boxOf('bar-bottom')).height).toBeCloseTo(800, 0);
    expect((await boxOf('bar-top')).y).toBe(0);
    const box = await boxOf('box');
    expect(box.x + box.width).toBeCloseTo(1200 - 16, 0);
    const modal = await boxOf('modal');
    expect(modal.x + modal.width / 2).toBeCloseTo(600, 0);
  });
});
