import { readFileSync } from 'node:fs';
import { TCString } from '@iabtechlabtcf/core';
import { describe, expect, it } from 'vitest';
import type { TcfSiteConfig } from '../core/types.ts';
import { decodeAcString, encodeAcString } from './ac-string.ts';
import {
  acceptAllChoices,
  choicesOf,
  decodeTcString,
  encodeTcString,
  isTcStringCurrent,
  rejectAllChoices,
  type VendorListJson,
} from './tc-string.ts';

const full = JSON.parse(readFileSync('demo/tcf/vendor-list.json', 'utf8')) as VendorListJson;
const list: VendorListJson = {
  ...full,
  language: 'en',
  vendors: { '1': full.vendors['1']!, '2': full.vendors['2']!, '10': full.vendors['10']! },
};
const config: TcfSiteConfig = {
  cmpId: 4095,
  cmpVersion: 2,
  publisherCountryCode: 'DE',
  vendors: [1, 2, 10],
  purposes: [1, 3, 4, 9],
  specialFeatures: [1],
  legitimateInterestPurposes: [2, 7, 8],
  googleAcProviders: [89, 2822, 7],
  gdprApplies: true,
};
const NOW = new Date('2026-03-10T12:00:00Z');
const encode = (choices = acceptAllChoices(config, list)) =>
  encodeTcString({ config, list, choices, language: 'fr', consentScreen: 1, now: NOW });

describe('the TC string', () => {
  it('encodes accept all as TCF 2.3, service-specific, with the Disclosed Vendors segment', () => {
    const text = encode();
    expect(text.split('.')).toHaveLength(3);
    const model = TCString.decode(text);
    const { cmpId, cmpVersion, policyVersion, isServiceSpecific, publisherCountryCode } = model;
    expect({ cmpId, cmpVersion, policyVersion, isServiceSpecific, publisherCountryCode }).toEqual({
      cmpId: 4095,
      cmpVersion: 2,
      policyVersion: 5,
      isServiceSpecific: true,
      publisherCountryCode: 'DE',
    });
    expect([model.consentLanguage, model.vendorListVersion]).toEqual(['FR', 142]);
    expect([...model.purposeConsents.values()].sort()).toEqual([1, 3, 4, 9]);
    // Vendor 1 declares LI for 2 and 7, vendor 2 for 8: all three asked.
    expect([...model.purposeLegitimateInterests.values()].sort()).toEqual([2, 7, 8]);
    expect([...model.vendorConsents.values()].sort()).toEqual([1, 2]);
    expect([...model.vendorLegitimateInterests.values()].sort()).toEqual([1, 2]);
    expect([...model.vendorsDisclosed.values()].sort((a, b) => a - b)).toEqual([1, 2, 10]);
    expect([...model.specialFeatureOptins.values()]).toEqual([1]);
    // The core segment alone no longer tells which vendors were disclosed.
    expect(TCString.decode(text.split('.')[0]!).vendorsDisclosed.size).toBe(0);
  });

  it('encodes reject all with no consent and every legitimate interest objected', () => {
    const model = TCString.decode(encode(rejectAllChoices()));
    expect(model.purposeConsents.size).toBe(0);
    expect(model.purposeLegitimateInterests.size).toBe(0);
    expect(model.vendorConsents.size).toBe(0);
    expect(model.vendorLegitimateInterests.size).toBe(0);
    expect(model.vendorsDisclosed.size).toBe(3);
  });

  it('reads back the choices of a string and keeps it only while it is current', () => {
    const model = decodeTcString(encode())!;
    expect(choicesOf(model, [7]).purposeConsents.sort()).toEqual([1, 3, 4, 9]);
    expect(isTcStringCurrent(model, config, list, NOW)).toBe(true);
    const later = new Date(NOW.getTime() + 400 * 24 * 3600 * 1000);
    expect(isTcStringCurrent(model, config, list, later)).toBe(false);
    expect(isTcStringCurrent(model, { ...config, cmpId: 300 }, list, NOW)).toBe(false);
    const more = { ...list, vendors: { ...list.vendors, '3': full.vendors['3']! } };
    expect(isTcStringCurrent(model, config, more, NOW)).toBe(false);
    expect(decodeTcString('not a string')).toBeUndefined();
  });
});

describe("Google's Additional Consent string v2", () => {
  it('lists consented providers, then the disclosed others after dv.', () => {
    expect(encodeAcString([89, 2822, 7], [2822, 7])).toBe('2~7.2822~dv.89');
    expect(encodeAcString([89, 7], [])).toBe('2~~dv.7.89');
    expect(encodeAcString([89], [89, 5])).toBe('2~89~dv.');
    expect(decodeAcString('2~7.2822~dv.89')).toEqual({
      consented: [7, 2822],
      disclosed: [7, 89, 2822],
    });
    expect(decodeAcString('1~7.2822')).toBeUndefined();
  });
});
