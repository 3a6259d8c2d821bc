import { expect, test } from './fixtures.ts';

// The automatic guard of fixtures.ts fails every test whose page throws or logs an error. These
// tests are marked `test.fail()`: each passes only while the guard fails it, so the suite goes red
// the day the guard stops working. Each body waits for the error it provokes, so a failing body
// step cannot stand in for the guard.

const throwInPage = () =>
  setTimeout(() => {
    throw new Error('thrown on purpose');
  });

test.describe('the page error guard', () => {
  test('fails a test whose page throws an uncaught error', async ({ page }) => {
    test.fail();
    await page.goto('/fixture.html');
    const thrown = page.waitForEvent('pageerror');
    await page.evaluate(throwInPage);
    expect((await thrown).message).toBe('thrown on purpose');
  });

  test('fails a test whose page logs a console error', async ({ page }) => {
    test.fail();
    await page.goto('/fixture.html');
    const logged = page.waitForEvent('console', (message) => message.type() === 'error');
    await page.evaluate(() => console.error('logged on purpose'));
    expect((await logged).text()).toBe('logged on purpose');
  });

  test('fails a test on an error in a page it opens itself', async ({ context }) => {
    test.fail();
    const opened = await context.newPage();
    const thrown = opened.waitForEvent('pageerror');
    await opened.evaluate(throwInPage);
    expect((await thrown).message).toBe('thrown on purpose');
  });

  test('fails a test on an error in a browser context it watches', async ({
    browser,
    watchContext,
  }) => {
    test.fail();
    const other = await browser.newContext();
    watchContext(other);
    try {
      const opened = await other.newPage();
      const thrown = opened.waitForEvent('pageerror');
      await opened.evaluate(throwInPage);
      expect((await thrown).message).toBe('thrown on purpose');
    } finally {
      await other.close();
    }
  });
});

test.describe('errors a test declares', () => {
  test.use({ expectedPageErrors: [/thrown on purpose/], expectedConsoleErrors: [/on purpose/] });

  test('pass the guard when the test expects them', async ({ page }) => {
    await page.goto('/fixture.html');
    const thrown = page.waitForEvent('pageerror');
    const logged = page.waitForEvent('console', (message) => message.type() === 'error');
    await page.evaluate(throwInPage);
    await page.evaluate(() => console.error('logged on purpose'));
    await thrown;
    await logged;
  });
});
