import { randomUUID } from 'node:crypto';
import { GppModel } from '@iabgpp/cmpapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TcfSiteConfig } from '../../src/core/types.ts';
import { encodeTcString, type VendorListJson } from '../../src/tcf/tc-string.ts';
import { verifyChains } from '../consent-events/chain-verification.ts';
import { verifyExport } from '../consent-events/export-verification.ts';
import { startGvlServer, type GvlServer } from '../testing/gvl-server.ts';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  LOCAL_ORIGIN,
  openTestSession,
  postEvents,
  type TestContext,
  type TestSession,
} from '../testing/test-context.ts';
import {
  addOtherOrganization,
  OTHER_KEY,
  OTHER_ORGANIZATION_ID,
  OTHER_PROJECT_ID,
} from '../testing/tenants.ts';
import type { ConsentReceipt } from './receipt.ts';

const base = (org = DEMO_ORGANIZATION_ID, project = DEMO_PROJECT_ID) =>
  `/privacy-v1/organizations/${org}/projects/${project}`;

const TCF = {
  enabled: true,
  cmpId: 4095,
  cmpVersion: 3,
  publisherCountryCode: 'DE',
  vendors: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  purposes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  specialFeatures: [1, 2],
  legitimateInterestPurposes: [2, 7, 8, 9, 10, 11],
  googleAcProviders: [89, 2822],
};

/** A California visitor's GPP string with GPC, made by the IAB's own library. */
function californiaGpp(): string {
  const model = new GppModel();
  model.setFieldValue('usca', 'SaleOptOutNotice', 1);
  model.setFieldValue('usca', 'SharingOptOutNotice', 1);
  model.setFieldValue('usca', 'SaleOptOut', 1);
  model.setFieldValue('usca', 'SharingOptOut', 1);
  model.setFieldValue('usca', 'Gpc', true);
  model.setFieldValue('usnat', 'SaleOptOut', 1);
  return model.encode();
}

describe('the IAB strings in the proof (issues 20, 21)', () => {
  let t: TestContext;
  let gvl: GvlServer;
  let visitor: TestSession;
  let tcString: string;
  const gppString = californiaGpp();

  beforeAll(async () => {
    gvl = await startGvlServer();
    t = await createTestContext({ gvl: { url: gvl.url } });
    await addOtherOrganization(t);
    const patched = await t.app.request(base(), {
      method: 'PATCH',
      headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ tcf: TCF }),
    });
    expect(patched.status).toBe(200);
    // The widget's own vendor list, from the site API: the server fetches and keeps the GVL.
    const list = (await (
      await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/vendor-list`)
    ).json()) as VendorListJson;
    const { enabled: _enabled, ...settings } = TCF;
    const config: TcfSiteConfig = { ...settings, gdprApplies: true };
    // One vendor and two purposes consented, the legitimate interest of purpose 7 objected to.
    tcString = encodeTcString({
      config,
      list,
      choices: {
        purposeConsents: [1, 8],
        purposeLegitimateInterests: [2, 9, 10, 11],
        specialFeatureOptins: [1],
        vendorConsents: [3],
        vendorLegitimateInterests: [2, 4],
        acConsents: [],
      },
      language: 'en',
      consentScreen: 2,
      now: t.clock.now,
    });
    visitor = await openTestSession(t.app);
  }, 60_000);
  afterAll(async () => {
    await t.db.close();
    await gvl.close();
  });

  const item = (proof: unknown, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    concordId: visitor.concordId,
    label: 'analytics',
    consentState: 'accepted',
    consentAction: 'user_click',
    proof,
    ...extra,
  });
  const get = (path: string, key = DEMO_API_KEY, accept = 'application/json') =>
    t.app.request(path, { headers: { 'x-api-key': key, accept } });
  const good = () => ({
    surface: 'preferences',
    tcf: { tcString, acString: '2~~dv.89.2822' },
    gpp: { gppString, applicableSections: [8] },
    signals: { gpc: true, gpcHonoured: true },
  });

  async function expectRefused(proof: unknown) {
    const before = await countRows(t.db, 'consent_events');
    // A good item first: the batch is refused whole.
    const body = { items: [item(good()), item(proof, { label: 'marketing' })] };
    const message = await expectError(await postEvents(t.app, visitor.token, body), 400);
    expect(await countRows(t.db, 'consent_events')).toBe(before);
    return message;
  }

  it('refuses a batch whose TC or GPP string does not decode, and stores nothing of it', async () => {
    const proof = good();
    // Base64url that the IAB's library cannot read, and a TCF v1 string.
    expect(await expectRefused({ ...proof, tcf: { tcString: 'CPxxxx' } })).toMatch(
      /items\/1\/proof\/tcf\/tcString is not a TC string/,
    );
    await expectRefused({ ...proof, tcf: { tcString: 'BOEFEAyOEFEAyAHABDENAI4AAAB9vABAASA' } });
    // A string cut short, as a forgery that edits a few characters often is.
    await expectRefused({ ...proof, tcf: { tcString: tcString.slice(0, 12) } });
    expect(await expectRefused({ ...proof, gpp: { gppString: 'DBABBg~garbage' } })).toMatch(
      /proof\/gpp\/gppString is not a GPP string/,
    );
    expect(await expectRefused({ ...proof, gpp: { gppString, applicableSections: [10] } })).toMatch(
      /section 10 is not in the GPP string/,
    );
    // The schema's part: syntax, lengths, honoured without the signal.
    await expectRefused({ ...proof, tcf: { tcString: `${tcString}~x` } });
    await expectRefused({ ...proof, tcf: { tcString, acString: '1~89' } });
    await expectRefused({ ...proof, tcf: { tcString: 'C'.repeat(10_001) } });
    await expectRefused({ ...proof, signals: { gpc: false, gpcHonoured: true } });
    await expectRefused({ ...proof, tcString });
  });

  let eventId: string;

  it('stores the strings with the event and returns them on the Privacy API and in exports', async () => {
    const first = item(good());
    eventId = first.id;
    const response = await postEvents(t.app, visitor.token, { items: [first] });
    expect(response.status).toBe(201);
    const listed = await get(`${base()}/consent-events?view=full&concordId=${visitor.concordId}`);
    const { items } = (await listed.json()) as { items: { id: string; proof?: unknown }[] };
    expect(items.find((event) => event.id === eventId)?.proof).toEqual(good());

    const ndjson = await get(`${base()}/consent-events`, DEMO_API_KEY, 'application/x-ndjson');
    const lines = (await ndjson.text()).split('\n');
    expect(lines.some((line) => line.includes(tcString) && line.includes(gppString))).toBe(true);
    expect((await verifyExport(lines)).broken).toBeUndefined();
    const csv = await (await get(`${base()}/consent-events`, DEMO_API_KEY, 'text/csv')).text();
    expect(csv).toContain(tcString);
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });

  it('decodes the TC string on the receipt, naming its purposes and vendors', async () => {
    const response = await get(`${base()}/consent-events/${eventId}/receipt`);
    expect(response.status).toBe(200);
    const { tcf, gpp } = (await response.json()) as ConsentReceipt;
    expect(tcf).toMatchObject({
      tcString,
      cmpId: 4095,
      cmpVersion: 3,
      policyVersion: 5,
      vendorListVersion: 142,
      namedWithVendorListVersion: 142,
      consentScreen: 2,
      publisherCountryCode: 'DE',
      isServiceSpecific: true,
      purposeConsents: [
        { id: 1, name: 'Store and/or access information on a device' },
        { id: 8, name: 'Measure content performance' },
      ],
      specialFeatureOptins: [{ id: 1, name: expect.any(String) }],
      vendorConsents: [{ id: 3, name: 'Quartz Bidder' }],
      vendorLegitimateInterests: [
        { id: 2, name: 'Blue Heron Analytics' },
        { id: 4, name: 'Lumen Measurement' },
      ],
      additionalConsent: { acString: '2~~dv.89.2822', consented: [], disclosed: [89, 2822] },
    });
    expect(tcf!.purposeLegitimateInterests!.map((purpose) => purpose.id)).toEqual([2, 9, 10, 11]);
    expect(tcf!.vendorsDisclosed!.map((vendor) => vendor.id)).toEqual(TCF.vendors);
    // TCF 2.2 on: both dates are the day the string was made.
    expect(tcf!.created!.slice(0, 10)).toBe(t.clock.now.toISOString().slice(0, 10));
    expect(gpp).toMatchObject({
      gppString,
      applicableSections: [{ id: 8, name: 'usca' }],
      sections: [
        { id: 7, name: 'usnat', fields: { SaleOptOut: 1 } },
        { id: 8, name: 'usca', fields: { SaleOptOut: 1, SharingOptOut: 1, Gpc: true } },
      ],
    });

    const page = await get(
      `${base()}/consent-events/${eventId}/receipt`,
      DEMO_API_KEY,
      'text/html',
    );
    const html = await page.text();
    expect(html).toContain('IAB TCF choices');
    expect(html).toContain('Vendors consented</dt><dd>3 Quartz Bidder</dd>');
    expect(html).toContain(
      'Purposes consented</dt><dd>1 Store and/or access information on a device; 8 Measure content performance</dd>',
    );
    expect(html).toContain('4095 (version 3)');
    expect(html).toContain('in force for the person: usca (8)');
    expect(html).toContain('<dt>SaleOptOut</dt><dd>1</dd>');
    expect(html).toContain('<dt>Opt-out preference signal</dt><dd>honoured');
    expect(html).not.toMatch(/<script|style=/);
  });

  it('keeps the strings from another organization and from another visitor', async () => {
    await expectError(await get(`${base()}/consent-events/${eventId}/receipt`, OTHER_KEY), 403);
    await expectError(await get(`${base()}/consent-events?view=full`, OTHER_KEY), 403);
    const own = base(OTHER_ORGANIZATION_ID, OTHER_PROJECT_ID);
    await expectError(await get(`${own}/consent-events/${eventId}/receipt`, OTHER_KEY), 404);
    const theirs = await get(`${own}/consent-events?view=full`, OTHER_KEY);
    expect(theirs.status).toBe(200);
    expect(await theirs.text()).not.toContain(tcString);
    const stranger = await openTestSession(t.app);
    const read = await t.app.request(
      `/site-v1/${DEMO_PROJECT_ID}/consent-events/${eventId}/receipt`,
      {
        headers: { authorization: `Bearer ${stranger.token}`, origin: LOCAL_ORIGIN },
      },
    );
    await expectError(read, 404);
  });
});
