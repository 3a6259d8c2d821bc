import type { Page } from '@playwright/test';
import type { Decision } from '../src/core/types.ts';
import { PROJECT, expect, notice, runsOf, test } from './fixtures.ts';

/**
 * Issue 22 §4: storage is the browser's, and anyone with the page's origin can write it. The
 * widget honours only decisions the rules could have made, and every tab and storage agree on
 * the latest one.
 */

interface TestWindow {
  assent: {
    ready: Promise<unknown>;
    get(label: string): unknown;
    allowed(label: string): boolean;
    accept(labels?: string[]): Promise<boolean>;
    decline(labels?: string[]): Promise<boolean>;
  };
}

type Decisions = Record<string, Decision>;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The decisions IndexedDB holds for the demo project. */
const storedDecisions = (page: Page) =>
  page.evaluate(
    (project) =>
      new Promise<Decisions | undefined>((resolve, reject) => {
        const open = indexedDB.open('assent');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('kv').objectStore('kv').get(`${project}:decisions`);
          get.onsuccess = () => resolve(get.result as Decisions | undefined);
          get.onerror = () => reject(get.error);
        };
      }),
    PROJECT,
  );

/** The decisions of the synchronous localStorage mirror. */
const mirroredDecisions = (page: Page) =>
  page.evaluate(
    (project) =>
      (JSON.parse(localStorage.getItem(`assent:${project}`) ?? '{}') as { decisions?: Decisions })
        .decisions,
    PROJECT,
  );

/** Writes `decisions` where the loader reads them: IndexedDB and the localStorage mirror. */
const plantDecisions = (page: Page, decisions: Decisions) =>
  page.evaluate(
    ({ project, decisions }) =>
      new Promise<void>((resolve, reject) => {
        const key = `assent:${project}`;
        const mirror = JSON.parse(localStorage.getItem(key) ?? '{}') as object;
        localStorage.setItem(key, JSON.stringify({ ...mirror, decisions }));
        const open = indexedDB.open('assent');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put(decisions, `${project}:decisions`);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { project: PROJECT, decisions },
  );

const stateOf = (page: Page, label: string) =>
  page.evaluate(
    (l) => (window as unknown as TestWindow).assent.get(l) as string | undefined,
    label,
  );

const iso = (ms: number) => new Date(ms).toISOString();

test.describe('stored decisions the rules refuse', () => {
  const forged: Array<[string, (now: number) => Pick<Decision, 'consentDate' | 'expirationDate'>]> =
    [
      [
        'dated a day in the future',
        (now) => ({ consentDate: iso(now + DAY), expirationDate: iso(now + 30 * DAY) }),
      ],
      [
        'expiring before it was made',
        // Within the clock skew of now, so that only the order of the two dates is wrong.
        (now) => ({ consentDate: iso(now + 4 * MINUTE), expirationDate: iso(now + 2 * MINUTE) }),
      ],
      [
        'lasting ten years on a six-month type',
        (now) => ({ consentDate: iso(now - MINUTE), expirationDate: iso(now + 3650 * DAY) }),
      ],
    ];

  for (const [name, dates] of forged) {
    test(`asks again and keeps gated tags inert for a stored acceptance ${name}`, async ({
      page,
    }) => {
      await page.goto('/fixture.html');
      await page.evaluate(() => (window as unknown as TestWindow).assent.accept());
      await expect
        .poll(() => storedDecisions(page).then((d) => d?.marketing?.state))
        .toBe('accepted');
      const real = (await storedDecisions(page))!;
      const now = Date.now();
      const decisions = { ...real };
      for (const label of ['analytics', 'marketing']) {
        decisions[label] = { ...real[label]!, ...dates(now) };
      }
      await plantDecisions(page, decisions);

      await page.reload();
      await expect(notice(page)).toBeVisible();
      expect(await runsOf(page)).toEqual([]);
      expect([await stateOf(page, 'analytics'), await stateOf(page, 'marketing')]).toEqual([
        undefined,
        undefined,
      ]);
      expect(await page.locator('iframe[data-consent="marketing"]').getAttribute('src')).toBeNull();
    });
  }
});

test.describe('labels of Object.prototype', () => {
  test('answers no decision for __proto__ and constructor, before and after a choice', async ({
    page,
  }) => {
    await page.goto('/fixture.html');
    const probe = () =>
      page.evaluate(async () => {
        const { assent } = window as unknown as TestWindow;
        await assent.ready;
        return ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map((label) => [
          typeof assent.get(label),
          assent.allowed(label),
        ]);
      });
    const none = [
      ['undefined', false],
      ['undefined', false],
      ['undefined', false],
      ['undefined', false],
    ];
    expect(await probe()).toEqual(none);
    await page.evaluate(() => (window as unknown as TestWindow).assent.accept());
    await expect.poll(() => stateOf(page, 'analytics')).toBe('accepted');
    expect(await probe()).toEqual(none);
    await page.reload();
    await expect.poll(() => stateOf(page, 'analytics')).toBe('accepted');
    expect(await probe()).toEqual(none);
  });
});

test.describe('two tabs deciding at once', () => {
  test('converge on the later decision in both tabs and in storage, whichever comes last', async ({
    context,
  }) => {
    const [early, late] = [await context.newPage(), await context.newPage()];
    // The early tab's clock runs a minute behind (within the skew the rules allow): its
    // acceptance, made after the other tab's decline, is the earlier decision, and reaches the
    // declining tab after that tab's own decline.
    await early.addInitScript(() => {
      const Real = Date;
      const behind = () => Real.now() - 60_000;
      class Behind extends Real {
        constructor(...args: []) {
          if (args.length) super(...args);
          else super(behind());
        }
        static override now() {
          return behind();
        }
      }
      window.Date = Behind as DateConstructor;
    });
    for (const page of [early, late]) {
      await page.goto('/fixture.html');
      await expect(notice(page)).toBeVisible();
    }
    await late.evaluate(() => (window as unknown as TestWindow).assent.decline());
    await expect.poll(() => stateOf(early, 'analytics')).toBe('declined');
    await early.evaluate(() => (window as unknown as TestWindow).assent.accept());
    await early.waitForTimeout(300);

    for (const page of [early, late]) {
      expect([await stateOf(page, 'analytics'), await stateOf(page, 'marketing')]).toEqual([
        'declined',
        'declined',
      ]);
      expect(await runsOf(page)).toEqual([]);
    }
    const stored = await storedDecisions(early);
    expect([stored?.analytics?.state, stored?.marketing?.state]).toEqual(['declined', 'declined']);
    expect((await mirroredDecisions(early))?.analytics?.state).toBe('declined');
    expect((await mirroredDecisions(late))?.analytics?.state).toBe('declined');
  });

  test('agree with each other and with storage after Accept and Decline within milliseconds', async ({
    context,
  }) => {
    const [first, second] = [await context.newPage(), await context.newPage()];
    for (const page of [first, second]) {
      await page.goto('/fixture.html');
      await expect(notice(page)).toBeVisible();
    }
    await Promise.all([
      first.evaluate(() => (window as unknown as TestWindow).assent.accept()),
      second.evaluate(() => (window as unknown as TestWindow).assent.decline()),
    ]);
    await first.waitForTimeout(300);
    const state = await stateOf(first, 'analytics');
    expect(['accepted', 'declined']).toContain(state);
    expect(await stateOf(second, 'analytics')).toBe(state);
    await expect.poll(() => storedDecisions(first).then((d) => d?.analytics?.state)).toBe(state);
    expect((await mirroredDecisions(first))?.analytics?.state).toBe(state);
    expect((await mirroredDecisions(second))?.analytics?.state).toBe(state);
  });
});
