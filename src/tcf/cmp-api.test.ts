import { describe, expect, it } from 'vitest';
import type { TcfSiteConfig } from '../core/types.ts';
import { createCmpApi } from './cmp-api.ts';

const config: TcfSiteConfig = {
  cmpId: 4095,
  cmpVersion: 2,
  publisherCountryCode: 'DE',
  vendors: [1],
  purposes: [1],
  specialFeatures: [],
  legitimateInterestPurposes: [],
  googleAcProviders: [],
  gdprApplies: true,
};

describe('__tcfapi once the TCF chunk runs', () => {
  it('answers ping at once as loaded, and refuses unknown commands and version 1', () => {
    const api = createCmpApi(config);
    const answers: unknown[] = [];
    api.handle('ping', 2, (value: unknown, success: boolean) => answers.push([value, success]));
    api.handle('getVendorList', 2, (value: unknown, success: boolean) => answers.push(success));
    api.handle('ping', 1, (value: unknown, success: boolean) => answers.push(success));
    expect(answers[0]).toEqual([
      expect.objectContaining({
        cmpStatus: 'loaded',
        cmpLoaded: true,
        gdprApplies: true,
        cmpId: 4095,
      }),
      true,
    ]);
    expect(answers.slice(1)).toEqual([false, false]);
  });

  it('holds getTCData and listeners until the state is known, then tells every listener of each change', () => {
    const api = createCmpApi(config);
    const heard: string[] = [];
    const answered: string[] = [];
    let id = 0;
    api.handle('addEventListener', 2, (data: { eventStatus: string; listenerId: number }) => {
      id = data.listenerId;
      heard.push(data.eventStatus);
    });
    api.handle('getTCData', 2, (data: { eventStatus: string }) => answered.push(data.eventStatus));
    expect([heard, answered]).toEqual([[], []]);
    api.update({ eventStatus: 'cmpuishown', displayStatus: 'visible' });
    api.update({ eventStatus: 'useractioncomplete', tcString: 'CQ', acString: '2~~dv.' });
    expect(heard).toEqual(['cmpuishown', 'useractioncomplete']);
    // getTCData answers once.
    expect(answered).toEqual(['cmpuishown']);
    const removed: unknown[] = [];
    api.handle('removeEventListener', 2, (value: unknown) => removed.push(value), id);
    api.update({ eventStatus: 'useractioncomplete' });
    expect(heard).toHaveLength(2);
    expect(removed).toEqual([true]);
  });

  it('sends no TC string where GDPR does not apply', () => {
    const api = createCmpApi({ ...config, gdprApplies: false });
    api.update({ eventStatus: 'tcloaded', tcString: 'CQ' });
    let data: { tcString?: string; gdprApplies?: boolean } = {};
    api.handle('getTCData', 2, (value: typeof data) => (data = value));
    expect(data).toMatchObject({ tcString: '', gdprApplies: false });
  });
});
