import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../../src/core/site-config.ts';
import type { SiteConfig } from '../../../src/core/types.ts';
import {
  createTestContext,
  DEMO_PROJECT_ID,
  expectError,
  type TestContext,
} from '../../testing/test-context.ts';

describe('GET /site-v1/{projectId}/site-client', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ geoHeader: 'CF-IPCountry' });
  }, 60_000);
  afterAll(() => t.db.close());

  const url = `/site-v1/${DEMO_PROJECT_ID}/site-client`;

  it('carries cookie patterns per consent type and the Google Consent Mode settings', async () => {
    const config = (await (await t.app.request(url)).json()) as SiteConfig;
    const cookies = Object.fromEntries(
      config.consentTypes.map((type) => [type.label, type.cookies]),
    );
    expect(cookies).toEqual({
      necessary: undefined,
      analytics: ['_ga', '_ga_*', '_nw_an*'],
      marketing: ['_nw_px', '_fbp', '_gcl_*'],
      privacy_policy: undefined,
    });
    expect(config.googleConsentMode).toEqual({ adsDataRedaction: true, urlPassthrough: true });
    expect(config.reloadOnWithdrawal).toBeUndefined();
  });

  it('answers the demo project config that the widget accepts', async () => {
    const response = await t.app.request(url);
    expect(response.status).toBe(200);
    const config = (await response.json()) as SiteConfig;
    expect(parseSiteConfig(config)).toEqual(config);
    expect(config).toMatchObject({
      projectId: DEMO_PROJECT_ID,
      name: 'Northwind Coffee',
      defaultConsentDuration: 'P6M',
      defaultLanguage: 'en',
      privacyPolicyUrl: '/privacy.html',
      theme: { accent: '#1f5f8b' },
      geography: 'unknown',
      policy: 'opt-in',
    });
    expect(Object.keys(config.texts).sort()).toEqual(['de', 'en', 'fr']);
    expect(config.texts.en).toMatchObject({ acceptAll: 'Accept all', customize: 'Choose' });
    expect(config.consentTypes.map((type) => type.label)).toEqual([
      'necessary',
      'analytics',
      'marketing',
      'privacy_policy',
      'newsletter',
    ]);
    expect(config.consentTypes[0]).toMatchObject({
      required: true,
      readOnly: true,
      validStates: ['accepted'],
      consentDuration: 'P12M',
    });
    const policy = config.consentTypes[3]!;
    expect(policy).toMatchObject({ category: 'disclosure', url: '/privacy.html' });
    expect('consentDuration' in policy).toBe(false);
    expect('document' in policy).toBe(false);
  });

  it('takes the geography from the configured header and answers its policy', async () => {
    for (const [value, geography, policy] of [
      ['de', 'DE', 'opt-in'],
      ['US-CA', 'US-CA', 'opt-out'],
      ['gb', 'GB', 'opt-in'],
      ['not a country', 'unknown', 'opt-in'],
    ]) {
      const response = await t.app.request(url, { headers: { 'cf-ipcountry': value! } });
      expect(await response.json()).toMatchObject({ geography, policy });
    }
  });

  it('lets the script tag region override the header, for testing', async () => {
    const response = await t.app.request(`${url}?region=us-ca`, {
      headers: { 'cf-ipcountry': 'DE' },
    });
    expect(await response.json()).toMatchObject({ geography: 'US-CA', policy: 'opt-out' });
    const ignored = await t.app.request(`${url}?region=nowhere`, {
      headers: { 'cf-ipcountry': 'DE' },
    });
    expect(await ignored.json()).toMatchObject({ geography: 'DE', policy: 'opt-in' });
  });

  it('reports Global Privacy Control from the Sec-GPC header', async () => {
    const on = await t.app.request(url, { headers: { 'sec-gpc': '1' } });
    expect(((await on.json()) as SiteConfig).gpc).toBe(true);
    expect(((await (await t.app.request(url)).json()) as SiteConfig).gpc).toBe(false);
  });

  it('sends the state law of a US state visitor, and none elsewhere', async () => {
    const california = (await (await t.app.request(`${url}?region=US-CA`)).json()) as SiteConfig;
    expect(california.usState).toMatchObject({
      region: 'US-CA',
      gpc: ['sale', 'sharing'],
      gppSection: 'usca',
    });
    const colorado = (await (await t.app.request(`${url}?region=US-CO`)).json()) as SiteConfig;
    expect(colorado.usState?.gpc).toEqual(['sale', 'targeted_advertising']);
    // The demo's marketing type is marked sale_or_sharing: GPC declines it everywhere.
    expect(california.gpcDeclines).toEqual(['marketing']);
    const germany = (await (await t.app.request(`${url}?region=DE`)).json()) as SiteConfig;
    expect(germany.usState).toBeUndefined();
  });

  it('marks the demo marketing type as a sale or sharing', async () => {
    const config = (await (await t.app.request(url)).json()) as SiteConfig;
    expect(config.consentTypes.find((type) => type.label === 'marketing')?.subcategory).toBe(
      'sale_or_sharing',
    );
  });

  it('answers 404 for a project that does not exist', async () => {
    await expectError(
      await t.app.request('/site-v1/00000000-0000-4000-8000-0000000000ff/site-client'),
      404,
    );
  });

  it('answers 400 for a project id that is not a uuid', async () => {
    expect(await expectError(await t.app.request('/site-v1/northwind/site-client'), 400)).toBe(
      'projectId must be a uuid',
    );
  });

  it('gives an allowed origin CORS headers and another origin none', async () => {
    const allowed = await t.app.request(url, { headers: { origin: 'http://127.0.0.1:5173' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(allowed.headers.get('vary')).toContain('Origin');
    const refused = await t.app.request(url, { headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(200);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /site-v1/{projectId}/site-client with links stored before issue 22 §3', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ projectCacheTtlMs: 0 });
  }, 60_000);
  afterAll(() => t.db.close());

  it('leaves out a consent type url or privacy policy url that is not a web link', async () => {
    await t.db.query(`update consent_types set url = 'javascript:window.__x=1' where label = $1`, [
      'privacy_policy',
    ]);
    await t.db.query(`update projects set privacy_policy_url = 'data:text/html,x' where id = $1`, [
      DEMO_PROJECT_ID,
    ]);
    const config = (await (
      await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/site-client`)
    ).json()) as SiteConfig;
    expect(config.privacyPolicyUrl).toBeUndefined();
    const policy = config.consentTypes.find((type) => type.label === 'privacy_policy')!;
    expect(policy.url).toBeUndefined();
    expect(policy.name).toBeTruthy();
  });
});
