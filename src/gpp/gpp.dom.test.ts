import { GppModel } from '@iabgpp/cmpapi';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmitter } from '../core/emitter.ts';
import type { ConsentState, ConsentType, SiteConfig } from '../core/types.ts';
import { installGppStub } from '../loader/gpp-stub.ts';
import type { AssentEvents } from '../runtime/runtime.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { startGpp } from './index.ts';

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
});
