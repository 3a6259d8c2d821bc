import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { LAYOUTS, anyNotice, widgetUrl } from './widget-fixture.ts';

interface TestWindow {
  assent: { ready: Promise<unknown>; get(label: string): string | undefined };
}

/** WCAG 2.0–2.2 A and AA rules; axe-core also audits open shadow roots. */
const audit = (page: Page) =>
  new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();

const violationsOf = async (page: Page) =>
  (await audit(page)).violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`,
  );

/** The focused element's accessible-ish text, looking through shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    return (
      active.getAttribute('aria-label') ??
      (active.id && active.getRootNode() instanceof ShadowRoot
        ? ((active.getRootNode() as ShadowRoot).querySelector(`label[for="${active.id}"]`)
            ?.textContent ?? '')
        : '') + (active.textContent ?? '')
    ).trim();
  });

/** Presses Tab (Shift+Tab when `back`) until the focused element's text is `name`. */
async function tabTo(page: Page, name: string, back = false) {
  for (let i = 0; i < 40; i++) {
    if ((await focused(page)) === name) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`no focusable "${name}" within 40 tabs (at "${await focused(page)}")`);
}

const stateOf = (page: Page, label: string) =>
  page.evaluate((label) => (window as unknown as TestWindow).assent.get(label), label);

test.describe('accessibility', () => {
  for (const layout of LAYOUTS) {
    for (const theme of ['light', 'dark'] as const) {
      for (const language of ['en', 'ar'] as const) {
        test(`has no axe violations in the ${layout} notice and its preference center, ${theme}, ${language}`, async ({
          page,
        }) => {
          await page.emulateMedia({ colorScheme: theme });
          await page.goto(widgetUrl(layout, { theme: 'auto', language }));
          await expect(anyNotice(page)).toBeVisible();
          expect(await violationsOf(page)).toEqual([]);
          await anyNotice(page)
            .getByRole('button', { name: language === 'ar' ? 'اختيار' : 'Choose' })
            .click();
          await expect(page.locator('#assent-preferences dialog')).toBeVisible();
          expect(await violationsOf(page)).toEqual([]);
        });
      }
    }
  }

  for (const [theme, language] of [
    ['light', 'en'],
    ['dark', 'en'],
    ['light', 'ar'],
    ['dark', 'ar'],
  ] as const) {
    test(`has no axe violations in the floating button, ${theme}, ${language}`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(widgetUrl('box', { theme: 'auto', language, floating: '1' }));
      await anyNotice(page)
        .getByRole('button', { name: language === 'ar' ? 'رفض الكل' : 'Reject all' })
        .click();
      const button = page.locator('#assent-floating-button');
      await expect(button.getByRole('button')).toBeVisible();
      expect(await violationsOf(page)).toEqual([]);
      await button.getByRole('button').focus();
      expect(await violationsOf(page)).toEqual([]);
    });
  }

  for (const language of ['en', 'fr', 'ar'] as const) {
    test(`has no axe violations in the gate placeholder, ${language}`, async ({ page }) => {
      await page.goto(widgetUrl('bar-bottom', { language }));
      await anyNotice(page)
        .getByRole('button', {
          name: { en: 'Reject all', fr: 'Tout refuser', ar: 'رفض الكل' }[language],
        })
        .click();
      await expect(page.locator('assent-gate').getByRole('button')).toBeVisible();
      expect(await violationsOf(page)).toEqual([]);
    });
  }

  test('is a labelled region, not a modal, when it does not block', async ({ page }) => {
    await page.goto(widgetUrl('bar-bottom'));
    const region = page.getByRole('region', { name: 'We value your privacy' });
    await expect(region).toBeVisible();
    await expect(page.locator('#assent-notice [aria-modal]')).toHaveCount(0);
    // The page stays usable around it.
    await page.locator('#page-button').focus();
    await expect(page.locator('#page-button')).toBeFocused();
  });

  test('is a modal dialog holding focus when it blocks, and Escape does not dismiss it', async ({
    page,
  }) => {
    await page.goto(widgetUrl('modal-blocking'));
    const dialog = page.getByRole('dialog', { name: 'We value your privacy' });
    await expect(dialog).toBeVisible();
    expect(await focused(page)).not.toBe('');
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      // Past the last control Chromium's own UI may take focus (body): never the page's controls.
      expect(
        await page.evaluate(() =>
          document.activeElement === document.body ? 'assent-notice' : document.activeElement?.id,
        ),
        'focus never reaches the page behind',
      ).toBe('assent-notice');
    }
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await expect(page.locator('#page-button')).not.toBeFocused();
  });

  test('keeps a skip link visible while it has focus under a top bar', async ({ page }) => {
    await page.goto(widgetUrl('bar-top'));
    await expect(anyNotice(page)).toBeVisible();
    await page.locator('.skip').focus();
    await expect(page.locator('.skip')).toBeFocused();
    const hit = await page.evaluate(() => {
      const rect = document.querySelector('.skip')!.getBoundingClientRect();
      return document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2)
        ?.className;
    });
    expect(hit).toBe('skip');
  });

  test('keeps every control reachable at 200 % zoom (a 640 × 360 viewport)', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 360 });
    await page.goto(widgetUrl('bar-bottom'));
    await expect(anyNotice(page)).toBeVisible();
    for (const name of ['Reject all', 'Accept all', 'Choose']) {
      const button = anyNotice(page).getByRole('button', { name });
      await button.scrollIntoViewIfNeeded();
      await expect(button).toBeInViewport();
    }
    const overflow = await anyNotice(page).evaluate((box) => box.scrollWidth - box.clientWidth);
    expect(overflow).toBe(0);
  });

  test('gives every control a target of at least 24 × 24 px', async ({ page }) => {
    await page.goto(widgetUrl('box'));
    await anyNotice(page).getByRole('button', { name: 'Choose' }).click();
    const dialog = page.locator('#assent-preferences dialog');
    await expect(dialog).toBeVisible();
    const sizes = await page.evaluate(() =>
      [document.querySelector('#assent-notice'), document.querySelector('#assent-preferences')]
        .flatMap((host) => [...host!.shadowRoot!.querySelectorAll('button, input')])
        .map((element) => element.getBoundingClientRect())
        .map((rect) => Math.min(rect.width, rect.height)),
    );
    expect(sizes.length).toBeGreaterThan(5);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(24);
  });

  test('does not animate the switches when the visitor prefers reduced motion', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(widgetUrl('bar-bottom'));
    await anyNotice(page).getByRole('button', { name: 'Choose' }).click();
    const duration = await page
      .locator('#assent-preferences dialog input[role="switch"]')
      .first()
      .evaluate((element) => getComputedStyle(element).transitionDuration);
    expect(duration).toBe('0s');
  });

  for (const layout of LAYOUTS) {
    for (const [button, state] of [
      ['Accept all', 'accepted'],
      ['Reject all', 'declined'],
    ] as const) {
      test(`lets a keyboard ${button.toLowerCase()} in the ${layout} layout`, async ({ page }) => {
        await page.goto(widgetUrl(layout));
        await expect(anyNotice(page)).toBeVisible();
        await tabTo(page, button);
        await page.keyboard.press('Enter');
        await expect(anyNotice(page)).toHaveCount(0);
        expect(await stateOf(page, 'analytics')).toBe(state);
      });
    }

    test(`lets a keyboard save one type from the preference center in the ${layout} layout, focus going in and back`, async ({
      page,
    }) => {
      await page.goto(widgetUrl(layout));
      await expect(anyNotice(page)).toBeVisible();
      await tabTo(page, 'Choose');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Privacy preferences' });
      await expect(dialog).toBeVisible();
      // Focus moved into the center, to its first control, and stays there once the center's
      // effects have run (Preact runs them after the next frame): "Choose" opens it at the top,
      // not at the opt-out choices as the "Do Not Sell" link does (its click event once arrived
      // as that link's argument, and focus jumped to Marketing a frame later).
      await page.evaluate(
        () =>
          new Promise((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 150))),
          ),
      );
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('assent-preferences');
      expect(await focused(page)).toBe('Close');
      // Escape closes it and focus returns to "Choose".
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      expect(await focused(page)).toBe('Choose');
      await page.keyboard.press('Enter');
      await expect(dialog).toBeVisible();
      await tabTo(page, 'Analytics');
      await page.keyboard.press('Space');
      await tabTo(page, 'Save choices');
      await page.keyboard.press('Enter');
      await expect(dialog).toHaveCount(0);
      await expect(anyNotice(page)).toHaveCount(0);
      expect(await stateOf(page, 'analytics')).toBe('accepted');
      expect(await stateOf(page, 'marketing')).toBe('declined');
    });
  }
});
