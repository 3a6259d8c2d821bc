import { expect, runsOf, test } from './fixtures.ts';

interface GateWindow {
  assent: {
    ready: Promise<unknown>;
    accept(labels?: string[]): Promise<boolean>;
    decline(labels?: string[]): Promise<boolean>;
  };
}

const PAGE = '/fixtures/gates.html';

async function choose(page: import('@playwright/test').Page, accept: string[], decline: string[]) {
  await page.evaluate(
    async ([accept, decline]) => {
      const { assent } = window as unknown as GateWindow;
      await assent.ready;
      if (accept!.length) await assent.accept(accept);
      if (decline!.length) await assent.decline(decline);
    },
    [accept, decline],
  );
}

const pixelSrc = (page: import('@playwright/test').Page) =>
  page.locator('#pixel').evaluate((img) => img.getAttribute('src'));
const embedSrc = (page: import('@playwright/test').Page) =>
  page.locator('#embed').evaluate((frame) => frame.getAttribute('src'));

test.describe('gating under a strict CSP', () => {
  test('keeps every gated script, embed, image and stylesheet inert before a choice', async ({
    page,
    traffic,
  }) => {
    await page.goto(PAGE);
    await page.evaluate(() => (window as unknown as GateWindow).assent.ready);
    expect(await runsOf(page)).toEqual([]);
    expect(await pixelSrc(page)).toBeNull();
    expect(await embedSrc(page)).toBeNull();
    expect(
      traffic.urls.filter((url) => /count\.js|gated\.css|video\.html|module-run/.test(url)),
    ).toEqual([]);
  });

  test('runs inline, src and module scripts in document order with the loader nonce after accept', async ({
    page,
  }) => {
    await page.goto(PAGE);
    await choose(page, ['analytics'], []);
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'inline', 'module:string', 'a2']);
    await expect(page.locator('#styled')).toHaveCSS('color', 'rgb(0, 128, 0)');
    expect(await pixelSrc(page)).toBeNull();
  });

  test('runs !marketing scripts only once marketing is declined', async ({ page }) => {
    await page.goto(PAGE);
    await choose(page, ['analytics'], []);
    await expect.poll(() => runsOf(page)).toContain('a2');
    expect(await runsOf(page)).not.toContain('no-m');
    await choose(page, [], ['marketing']);
    await expect.poll(() => runsOf(page)).toContain('no-m');
    expect(await runsOf(page)).not.toContain('m1');
  });

  test('loads the gated iframe and image once marketing is accepted', async ({ page }) => {
    await page.goto(PAGE);
    await choose(page, ['marketing'], []);
    await expect.poll(() => embedSrc(page)).toBe('/embed/video.html');
    await expect(page.frameLocator('#embed').locator('#fake-video')).toBeVisible();
    await expect.poll(() => pixelSrc(page)).toBe('/img/logo.svg');
    await expect.poll(() => runsOf(page)).toEqual(['m1']);
  });

  test('gates a script and an iframe inserted after load, before and after the choice', async ({
    page,
    traffic,
  }) => {
    await page.goto(PAGE);
    await page.evaluate(() => (window as unknown as GateWindow).assent.ready);
    const insert = (name: string) =>
      page.evaluate((name) => {
        const script = document.createElement('script');
        script.type = 'text/plain';
        script.dataset.consent = 'analytics';
        script.dataset.name = name;
        script.src = '/js/count.js';
        const frame = document.createElement('iframe');
        frame.title = name;
        frame.dataset.consent = 'analytics';
        frame.dataset.src = `/embed/video.html?${name}`;
        document.body.append(script, frame);
      }, name);
    await insert('late-before');
    await page.waitForTimeout(200);
    expect(await runsOf(page)).toEqual([]);
    expect(traffic.urls.filter((url) => url.includes('video.html'))).toEqual([]);

    await choose(page, ['analytics'], []);
    await expect.poll(() => runsOf(page)).toContain('late-before');
    await insert('late-after');
    await expect.poll(() => runsOf(page)).toContain('late-after');
    await expect
      .poll(() => traffic.urls.filter((url) => url.includes('video.html?late')).length)
      .toBe(2);
    const runs = await runsOf(page);
    expect(runs.filter((name) => name.startsWith('late'))).toEqual(['late-before', 'late-after']);
  });

  test('runs each gated script once however often consent changes', async ({ page }) => {
    await page.goto(PAGE);
    await choose(page, ['analytics'], []);
    await choose(page, [], ['analytics']);
    await choose(page, ['analytics'], []);
    await page.reload();
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'inline', 'module:string', 'a2']);
    await page.waitForTimeout(200);
    expect(await runsOf(page)).toEqual(['a1', 'inline', 'module:string', 'a2']);
  });
});

test.describe('gating under Trusted Types', () => {
  // Issue 22 §5: `require-trusted-types-for 'script'` made every gated script fail with a
  // TypeError. The site allows the widget's one policy, `assent`, by name.
  test.beforeEach(async ({ page }) => {
    await page.route('**/fixtures/gates.html', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          'content-security-policy': "require-trusted-types-for 'script'; trusted-types assent",
        },
      });
    });
  });

  test('runs inline, src and module scripts after accept through the assent policy', async ({
    page,
  }) => {
    await page.goto(PAGE);
    await choose(page, ['analytics'], []);
    await expect.poll(() => runsOf(page)).toEqual(['a1', 'inline', 'module:string', 'a2']);
    await choose(page, [], ['marketing']);
    await expect.poll(() => runsOf(page)).toContain('no-m');
    expect(
      await page.evaluate(() =>
        (window as unknown as { trustedTypes?: object }).trustedTypes ? 'supported' : 'none',
      ),
    ).toBe('supported');
  });
});
