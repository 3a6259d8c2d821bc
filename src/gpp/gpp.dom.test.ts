import { readFileSync } from 'node:fs';
import { GppModel } from '@iabgpp/cmpapi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmitter } from '../core/emitter.ts';
import type { ConsentState, ConsentType, SiteConfig } from '../core/types.ts';
import { installGppStub } from '../loader/gpp-stub.ts';
import type { AssentEvents } from '../runtime/runtime.ts';
import type { Runtime } from '../runtime/runtime.ts';
import {
  acceptAllChoices,
  encodeTcString,
  rejectAllChoices,
  type VendorListJson,
} from '../tcf/tc-string.ts';
import { startGpp } from './index.ts';
import { tcfEuV2Values } from './tcf-section.ts';

const type = (label: string, subcategory?: string): ConsentType => ({
  id: `id-${label}`,
  category: 'privacy_setting',
  label,
  version: 1,
  name: label,
  description: '',
  required: false,
  readOnly: false,
  validStates: ['viewed', 'accepted', 'declined', 'implied'],
  status: 'active',
  ...(subcategory && { subcategory }),
});
const config: SiteConfig = {
  projectId: 'p',
  name: 'Test',
  consentTypes: [type('analytics'), type('marketing', 'sale_or_sharing')],
  defaultConsentDuration: 'P6M',
  texts: {},
  defaultLanguage: 'en',
  theme: { accent: '#000' },
  geography: 'US-CA',
  policy: 'opt-out',
  usState: {
    region: 'US-CA',
    law: 'CCPA',
    effective: '2020-01-01',
    optOuts: ['sale', 'sharing', 'sensitive_data'],
    gpc: ['sale', 'sharing'],
    notice: { atCollection: true, optOutLink: 'do-not-sell-or-share', signalHonoured: true },
    gppSection: 'usca',
  },
  gpp: { sections: ['usnat', 'usca', 'usco'] },
};

function fakeRuntime(states: Record<string, ConsentState>) {
  const emitter = createEmitter<AssentEvents>(() => {});
  const runtime = { config, emitter, states: () => states } as unknown as Runtime;
  return {
    runtime,
    change(next: Record<string, ConsentState>) {
      states = next;
      emitter.emit('change', { states, changed: Object.keys(next) });
    },
  };
}

const call = (command: string, parameter?: unknown) => {
  let result: unknown;
  window.__gpp!(command, (data) => (result = data), parameter);
  return result;
};

afterEach(() => {
  delete window.__gpp;
  delete window.__tcfapi;
  document.body.innerHTML = '';
});

describe('the GPP stub and bundle', () => {
  it('answers ping at once from the stub, queues the rest and adds the locator frame', () => {
    installGppStub();
    expect(call('ping')).toMatchObject({
      gppVersion: '1.1',
      cmpStatus: 'stub',
      signalStatus: 'not ready',
    });
    expect(call('getSection', 'usca')).toBeUndefined();
    expect((window.__gpp!() as unknown[]).length).toBe(1);
    expect(document.querySelector('iframe[name="__gppLocator"]')).not.toBeNull();
  });

  it('answers queued calls, writes usnat and the state section, and decodes with the IAB library', () => {
    installGppStub();
    const queued: unknown[] = [];
    window.__gpp!('getField', (data) => queued.push(data), 'usca.SaleOptOut');
    const { runtime } = fakeRuntime({ analytics: 'implied', marketing: 'declined' });
    startGpp(runtime, true);
    expect(queued).toEqual([1]);
    const ping = call('ping') as { gppString: string; applicableSections: number[] };
    expect(ping).toMatchObject({ cmpStatus: 'loaded', signalStatus: 'ready', sectionList: [7, 8] });
    expect(ping.applicableSections).toEqual([8]);
    expect(call('hasSection', 'usco')).toBe(false);
    const model = new GppModel(ping.gppString);
    expect(model.getFieldValue('usca', 'SaleOptOut')).toBe(1);
    expect(model.getFieldValue('usca', 'SharingOptOut')).toBe(1);
    expect(model.getFieldValue('usca', 'Gpc')).toBe(true);
    expect(model.getFieldValue('usnat', 'TargetedAdvertisingOptOut')).toBe(1);
    expect(call('getSection', 'usca')).toMatchObject({ SaleOptOut: 1, SaleOptOutNotice: 1 });
  });

  it('goes not ready → ready around a change, with a sectionChange for each changed section', () => {
    const { runtime, change } = fakeRuntime({ marketing: 'declined' });
    startGpp(runtime, false);
    const events: [string, unknown][] = [];
    let id: unknown;
    window.__gpp!('addEventListener', (data) => {
      const event = data as { eventName: string; data: unknown; listenerId: number };
      id = event.listenerId;
      events.push([event.eventName, event.data]);
    });
    change({ marketing: 'accepted' });
    expect(events).toEqual([
      ['listenerRegistered', true],
      ['signalStatus', 'not ready'],
      ['sectionChange', 'usnat'],
      ['sectionChange', 'usca'],
      ['signalStatus', 'ready'],
    ]);
    expect(call('getField', 'usca.SaleOptOut')).toBe(2);
    expect(call('removeEventListener', id)).toMatchObject({ data: true });
    change({ marketing: 'declined' });
    expect(events).toHaveLength(5);
    expect(call('getField', 'usca.nothing')).toBeNull();
    expect(call('getSection', 'constructor')).toBeNull();
  });

  it('hands the proof the GPP string as each change made it, with the section in force', () => {
    const { runtime, change } = fakeRuntime({ marketing: 'declined' });
    startGpp(runtime, true);
    const before = runtime.proofExtras?.gpp;
    expect(before).toEqual({
      gppString: (call('ping') as { gppString: string }).gppString,
      applicableSections: [8],
    });
    change({ marketing: 'accepted' });
    const after = runtime.proofExtras!.gpp!;
    expect(after.gppString).toBe((call('ping') as { gppString: string }).gppString);
    expect(after.gppString).not.toBe(before!.gppString);
    expect(new GppModel(after.gppString).getFieldValue('usca', 'SaleOptOut')).toBe(2);
  });

  it('answers an iframe postMessage call through the locator protocol', async () => {
    installGppStub();
    const answers: unknown[] = [];
    const source = { postMessage: (message: unknown) => answers.push(message) };
    window.dispatchEvent(
      new MessageEvent('message', {
        data: JSON.stringify({ __gppCall: { command: 'ping', callId: 7, version: '1.1' } }),
        source: source as unknown as Window,
      }),
    );
    // Each earlier test's stub listens too (one page, many installs): every one answers alike.
    expect(answers.length).toBeGreaterThan(0);
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0] as string)).toMatchObject({
      __gppReturn: { callId: 7, success: true, returnValue: { cmpStatus: 'stub' } },
    });
  });

  it('writes no section outside the US', () => {
    const { runtime } = fakeRuntime({});
    runtime.config = { ...config, geography: 'DE', usState: undefined } as SiteConfig;
    startGpp(runtime, false);
    expect(call('ping')).toMatchObject({ sectionList: [], applicableSections: [-1] });
  });

  it('carries the TC string as the tcfeuv2 section where the project uses the TCF and GDPR applies', async () => {
    const list = {
      ...(JSON.parse(readFileSync('demo/tcf/vendor-list.json', 'utf8')) as VendorListJson),
      language: 'en',
    };
    const tcf = {
      cmpId: 4095,
      cmpVersion: 2,
      publisherCountryCode: 'DE',
      vendors: Object.keys(list.vendors).map(Number),
      purposes: [1, 2, 3, 4],
      specialFeatures: [1],
      legitimateInterestPurposes: [2, 7],
      googleAcProviders: [],
      gdprApplies: true,
    };
    const tcString = (choices = acceptAllChoices(tcf, list)) =>
      encodeTcString({
        config: tcf,
        list,
        choices,
        language: 'de',
        consentScreen: 1,
        now: new Date(),
      });
    // `__tcfapi` as the TCF chunk answers `addEventListener`: now, and on every new string.
    const listeners: ((data: unknown, success: boolean) => void)[] = [];
    window.__tcfapi = (...args) => {
      if (args[0] !== 'addEventListener') return;
      const callback = args[2] as (data: unknown, success: boolean) => void;
      listeners.push(callback);
      callback({ eventStatus: 'cmpuishown', tcString: '' }, true);
    };
    const { runtime } = fakeRuntime({});
    runtime.config = { ...config, geography: 'DE', usState: undefined, tcf } as SiteConfig;
    startGpp(runtime, false);
    // Not ready until `__tcfapi` told the TCF's state (its reader is a chunk of its own).
    expect(call('ping')).toMatchObject({ signalStatus: 'not ready' });
    await vi.waitFor(() => expect(listeners).toHaveLength(1));
    // In force before the visitor chose, with no section yet.
    expect(call('ping')).toMatchObject({
      signalStatus: 'ready',
      applicableSections: [2],
      sectionList: [],
      cmpId: 4095,
      supportedAPIs: ['2:tcfeuv2', '7:usnat', '8:usca', '10:usco'],
    });
    const events: unknown[] = [];
    window.__gpp!('addEventListener', (data) => {
      const { eventName, data: detail } = data as { eventName: string; data: unknown };
      if (eventName === 'sectionChange') events.push(detail);
    });

    const accepted = tcString();
    for (const listener of listeners)
      listener({ eventStatus: 'useractioncomplete', tcString: accepted }, true);
    expect(events).toEqual(['tcfeuv2']);
    const ping = call('ping') as { gppString: string; sectionList: number[] };
    expect(ping.sectionList).toEqual([2]);
    const model = new GppModel(ping.gppString);
    expect(model.getSectionIds()).toEqual([2]);
    expect(model.getSection('tcfeuv2')).toEqual(tcfEuV2Values(accepted));
    expect(model.getFieldValue('tcfeuv2', 'PurposeConsents')).toEqual(
      Array.from({ length: 24 }, (_, i) => i < 4),
    );
    expect(ping.gppString.split('~')[1]).toBe(accepted);
    expect(call('getField', 'tcfeuv2.CmpId')).toBe(4095);

    // Reject all afterwards: a new string, a new section.
    const rejected = tcString(rejectAllChoices());
    for (const listener of listeners)
      listener({ eventStatus: 'useractioncomplete', tcString: rejected }, true);
    expect(events).toEqual(['tcfeuv2', 'tcfeuv2']);
    expect(
      new GppModel((call('ping') as { gppString: string }).gppString).getFieldValue(
        'tcfeuv2',
        'PurposeConsents',
      ),
    ).toEqual(Array.from({ length: 24 }, () => false));
  });

  it('writes no tcfeuv2 section where GDPR does not apply, TCF or not', () => {
    let asked = false;
    window.__tcfapi = () => void (asked = true);
    const { runtime } = fakeRuntime({});
    runtime.config = {
      ...config,
      tcf: {
        cmpId: 4095,
        cmpVersion: 1,
        publisherCountryCode: 'US',
        vendors: [],
        purposes: [],
        specialFeatures: [],
        legitimateInterestPurposes: [],
        googleAcProviders: [],
        gdprApplies: false,
      },
    } as SiteConfig;
    startGpp(runtime, false);
    expect(asked).toBe(false);
    expect(call('ping')).toMatchObject({ sectionList: [7, 8], applicableSections: [8] });
    expect(call('hasSection', 'tcfeuv2')).toBe(false);
  });
});
