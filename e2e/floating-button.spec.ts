import type { Page } from '@playwright/test';
import { assetsOf, expect, preferences, test } from './fixtures.ts';
import { anyNotice, widgetUrl } from './widget-fixture.ts';

interface TestWindow {
  assent: { ready: Promise<unknown>; showNotice(): Promise<void>; reset(): Promise<void> };
}

const floatingButton = (page: Page) =>
  page.getByRole('button', { name: 'Open privacy preferences' });

/** What has focus, looking into shadow roots: the floating button is `floating-button`. */
const focusedPart = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('part') ?? active?.id ?? active?.tagName;
  });

/** Presses Tab until the floating button has focus (it is last in the page). */
async function tabToButton(page: Page) {
  for (let i = 0; i < 20; i++) {
    if ((await focusedPart(page)) === 'floating-button') return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the floating button never got focus (at ${await focusedPart(page)})`);
}

const box = (page: Page) =>
  floatingButton(page).evaluate((button) => {
    const rect = button.getBoundingClientRect();
    return {
      left: rect.left,
      right: innerWidth - rect.right,
      bottom: innerHeight - rect.bottom,
      width: rect.width,
      height: rect.height,
    };
  });

test.describe('floating button', () => {
  test('is off by default: no button and no download after a decision', async ({
    page,
    traffic,
  }) => {
    await page.goto(widgetUrl('bar-bottom'));
    await anyNotice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(anyNotice(page)).toHaveCount(0);
    await page.reload();
    await page.evaluate(() => (window as unknown as TestWindow).assent.ready);
    await page.waitForTimeout(300);
    await expect(page.locator('#assent-floating-button')).toHaveCount(0);
    expect(assetsOf(traffic).filter((path) => path.includes('floating-button'))).toEqual([]);
  });

  test('appears only after a decision, in the bottom left corner, and again on the next page', async ({
    page,
    traffic,
  }) => {
    await page.goto(widgetUrl('bar-bottom', { floating: '1' }));
    await expect(anyNotice(page)).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.locator('#assent-floating-button')).toHaveCount(0);
    expect(assetsOf(traffic).filter((path) => path.includes('floating-button'))).toEqual([]);

    await anyNotice(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(floatingButton(page)).toBeVisible();
    // Polled: it slides in over 0.2 s.
    await expect
      .poll(() => box(page))
      .toMatchObject({ left: 16, bottom: 16, width: 44, height: 44 });
    await expect(page.locator('#assent-floating-button')).toHaveAttribute('data-nosnippet', '');

    await page.reload();
    await expect(floatingButton(page)).toBeVisible();
    await expect(anyNotice(page)).toHaveCount(0);
  });

  test('sits in the bottom right corner with data-floating-button="right"', async ({ page }) => {
    await page.goto(widgetUrl('box', { floating: 'right' }));
    await anyNotice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(floatingButton(page)).toBeVisible();
    await expect.poll(() => box(page)).toMatchObject({ right: 16, bottom: 16 });
  });

  test('opens the preference center from the keyboard, hides while it is open, and takes focus back', async ({
    page,
  }) => {
    await page.goto(widgetUrl('bar-bottom', { floating: '1' }));
    await anyNotice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(floatingButton(page)).toBeVisible();
    for (const key of ['Enter', 'Space']) {
      await tabToButton(page);
      await page.keyboard.press(key);
      await expect(preferences(page)).toBeVisible();
      await expect(floatingButton(page)).toBeHidden();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('assent-preferences');
      await page.keyboard.press('Escape');
      await expect(preferences(page)).toHaveCount(0);
      await expect(floatingButton(page)).toBeVisible();
      expect(await focusedPart(page)).toBe('floating-button');
    }
  });

  test('shows a visible focus ring and opens the center on a click', async ({ page }) => {
    await page.goto(widgetUrl('bar-bottom', { floating: '1' }));
    await anyNotice(page).getByRole('button', { name: 'Accept all' }).click();
    await tabToButton(page);
    const outline = await floatingButton(page).evaluate((button) => {
      const style = getComputedStyle(button);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(outline).toBe('solid 3px');
    await floatingButton(page).click();
    await expect(preferences(page)).toBeVisible();
  });

  test('hides while the notice shows again and goes with reset()', async ({ page }) => {
    await page.goto(widgetUrl('bar-bottom', { floating: '1' }));
    await anyNotice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(floatingButton(page)).toBeVisible();
    await page.evaluate(() => (window as unknown as TestWindow).assent.showNotice());
    await expect(anyNotice(page)).toBeVisible();
    await expect(floatingButton(page)).toBeHidden();
    await anyNotice(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(floatingButton(page)).toBeVisible();

    await page.evaluate(() => (window as unknown as TestWindow).assent.reset());
    await expect(anyNotice(page)).toBeVisible();
    await expect(floatingButton(page)).toBeHidden();
  });

  test('moves to the other corner while a page element under it has focus', async ({ page }) => {
    await page.goto(widgetUrl('bar-bottom', { floating: '1' }));
    await anyNotice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(floatingButton(page)).toBeVisible();
    // A page's own fixed control in the same corner (a chat launcher, a "back to top" link).
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = '#main';
      link.id = 'corner-link';
      link.textContent = 'Top';
      link.className = 'corner';
      document.body.append(link);
    });
    await page.locator('#corner-link').focus();
    // Polled: on a busy machine the button may still be in its 0.2 s appearing scale.
    await expect.poll(() => box(page)).toMatchObject({ right: 16 });
    const hit = await page.evaluate(() => {
      const rect = document.querySelector('#corner-link')!.getBoundingClientRect();
      return document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2)?.id;
    });
    expect(hit).toBe('corner-link');
  });

  test('does not animate when the visitor prefers reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(widgetUrl('bar-bottom', { floating: '1' }));
    await anyNotice(page).getByRole('button', { name: 'Accept all' }).click();
    const animation = await floatingButton(page).evaluate(
      (button) => getComputedStyle(button).animationName,
    );
    expect(animation).toBe('none');
  });

  test('takes the accent colour and the dark theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(widgetUrl('bar-bottom', { floating: '1', theme: 'auto' }));
    await anyNotice(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(floatingButton(page)).toBeVisible();
    await expect(floatingButton(page)).toHaveCSS('background-color', 'rgb(31, 95, 139)');
    await expect(page.locator('#assent-floating-button')).toHaveAttribute('data-theme', 'auto');
    await tabToButton(page);
    // The focus ring is the dark theme's text colour.
    await expect(floatingButton(page)).toHaveCSS('outline-color', 'rgb(242, 242, 245)');
  });

  test('is named in the visitor language, right to left in Arabic', async ({ page }) => {
    await page.goto(widgetUrl('bar-bottom', { floating: '1', language: 'ar' }));
    await anyNotice(page).getByRole('button', { name: 'قبول الكل' }).click();
    const button = page.getByRole('button', { name: 'فتح تفضيلات الخصوصية' });
    await expect(button).toBeVisible();
    await expect(page.locator('#assent-floating-button')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('#assent-floating-button')).toHaveAttribute('lang', 'ar');
  });
});
