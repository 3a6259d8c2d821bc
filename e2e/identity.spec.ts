/**
 * Issue 22 §1 as an attacker would try it, against the demo: knowing a victim's email (and even
 * the victim's visitor id), take over the victim's consent on the victim's next device.
 */
import { E2E_PORT } from '../playwright.config.ts';
import { expect, identifyAs, notice, PROJECT, runsOf, test, visitorOf } from './fixtures.ts';

const ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
const site = (path: string) => `${ORIGIN}/site-v1/${PROJECT}${path}`;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const get = (page: import('@playwright/test').Page, label: string) =>
  page.evaluate(
    (name) => (window as unknown as { assent: { get(l: string): string } }).assent.get(name),
    label,
  );

test('keeps marketing declined on the victim next device when someone else claims the victim email', async ({
  page,
  browser,
  request,
  traffic,
  watchContext,
}) => {
  const victim = `victim-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  // The victim rejects all and the shop signs them in.
  await page.goto('/fixture.html');
  await notice(page).getByRole('button', { name: 'Reject all' }).click();
  const victimId = await visitorOf(traffic);
  expect(await identifyAs(page, victim)).toBe(true);

  // The attacker, outside a browser: an Origin header is all it takes to open a session.
  const headers = { origin: ORIGIN, 'content-type': 'application/json' };
  const attacker = (await (
    await request.post(site('/sessions'), { headers, data: {} })
  ).json()) as { token: string; concordId: string };
  const bearer = { ...headers, authorization: `Bearer ${attacker.token}` };
  const claimed = await request.put(site('/profile'), { headers: bearer, data: { email: victim } });
  expect(claimed.status()).toBe(400);
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ email: victim, exp })}.`;
  const forged = await request.put(site('/profile'), {
    headers: bearer,
    data: { token: unsigned },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).not.toContain(victimId);
  // Even with the victim's visitor id, no session speaks for the victim without its secret.
  const hijack = await request.post(site('/sessions'), {
    headers,
    data: { concordId: victimId },
  });
  expect(hijack.status()).toBe(403);
  // Nor do the attacker's own events: one dated a month ahead, in the victim's name.
  const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const event = (concordId: string, label: string) => ({
    id: crypto.randomUUID(),
    concordId,
    label,
    consentState: 'accepted',
    consentAction: 'user_click',
    consentDate: later,
  });
  const posed = await request.post(site('/consent-events'), {
    headers: bearer,
    data: { items: [event(victimId, 'marketing')] },
  });
  expect(posed.status()).toBeGreaterThanOrEqual(400);

  // A device linked to the victim that sends an acceptance dated a month ahead (a clock far
  // ahead, or whoever got hold of one of the victim's tokens): most-recent-wins must not be won
  // by a future date.
  const ahead = (await (await request.post(site('/sessions'), { headers, data: {} })).json()) as {
    token: string;
    concordId: string;
  };
  const aheadBearer = { ...headers, authorization: `Bearer ${ahead.token}` };
  const { token } = (await (
    await request.post(`${ORIGIN}/demo/identity-token`, { data: { email: victim } })
  ).json()) as { token: string };
  expect(
    (await request.put(site('/profile'), { headers: aheadBearer, data: { token } })).status(),
  ).toBe(200);
  await request.post(site('/consent-events'), {
    headers: aheadBearer,
    data: { items: [event(ahead.concordId, 'marketing'), event(ahead.concordId, 'analytics')] },
  });

  // The victim's next device: their own Reject all, then the shop signs them in.
  const next = await browser.newContext();
  watchContext(next);
  try {
    const second = await next.newPage();
    await second.goto(`${ORIGIN}/fixture.html`);
    await notice(second).getByRole('button', { name: 'Reject all' }).click();
    expect(await identifyAs(second, victim)).toBe(true);
    expect(await get(second, 'marketing')).toBe('declined');
    expect(await get(second, 'analytics')).toBe('declined');
    await second.reload();
    await second.waitForFunction(() => 'get' in ((window as { assent?: object }).assent ?? []));
    expect(await get(second, 'marketing')).toBe('declined');
    expect(await runsOf(second)).toEqual([]);
  } finally {
    await next.close();
  }
});

// Issue 17: once the page identified the person, the first layer says the choice reaches all
// their devices, and the refusal made on one device is adopted on the next.
test('says the choice applies to all the devices once identified, and carries a refusal to the next device', async ({
  page,
  browser,
  traffic,
}) => {
  const person = `devices-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const sentence = 'Your choice applies to all your devices.';
  await page.goto('/fixture.html');
  await expect(notice(page).getByText('We value your privacy')).toBeVisible();
  await expect(notice(page).getByText(sentence)).toHaveCount(0);
  await notice(page).getByRole('button', { name: 'Reject all' }).click();
  await visitorOf(traffic);
  expect(await identifyAs(page, person)).toBe(true);
  await page.evaluate(() =>
    (window as unknown as { assent: { showNotice(): Promise<void> } }).assent.showNotice(),
  );
  await expect(notice(page).locator('[part=description]')).toContainText(sentence);
  await notice(page).screenshot({ path: '/work/notes/shots/i17a2/notice-all-devices.png' });

  // Device B: a fresh browser; signing in adopts the refusal as it would an acceptance.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto('/fixture.html');
  await expect(notice(second)).toBeVisible();
  expect(await identifyAs(second, person)).toBe(true);
  await expect.poll(() => get(second, 'marketing')).toBe('declined');
  expect(await get(second, 'analytics')).toBe('declined');
  await other.close();
});
