import { readFileSync } from 'node:fs';
import { GppModel } from '@iabgpp/cmpapi';
import { GVL, PurposeRestriction, RestrictionType, TCModel, TCString } from '@iabtechlabtcf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TcfSiteConfig } from '../core/types.ts';
import {
  acceptAllChoices,
  encodeTcString,
  rejectAllChoices,
  type VendorListJson,
} from '../tcf/tc-string.ts';
import { encodeGppString, emptySection } from './gpp-string.ts';
import { tcfEuV2Values } from './tcf-section.ts';

const full = JSON.parse(readFileSync('demo/tcf/vendor-list.json', 'utf8')) as VendorListJson;
const list: VendorListJson = { ...full, language: 'en' };
const config: TcfSiteConfig = {
  cmpId: 4095,
  cmpVersion: 2,
  publisherCountryCode: 'DE',
  vendors: Object.keys(full.vendors).map(Number),
  purposes: [1, 2, 3, 4, 7, 9],
  specialFeatures: [1, 2],
  legitimateInterestPurposes: [2, 7, 8],
  googleAcProviders: [],
  gdprApplies: true,
};
const NOW = new Date('2026-03-10T12:00:00Z');

/** What the IAB's GPP library reads from our GPP string holding this TC string as section 2. */
const iabRead = (tcString: string) =>
  new GppModel(encodeGppString({}, tcString)).getSection('tcfeuv2') as Record<string, unknown>;

describe('the tcfeuv2 section', () => {
  it('reads accept all and reject all as the IAB library does, every field', () => {
    for (const choices of [acceptAllChoices(config, list), rejectAllChoices()]) {
      const tcString = encodeTcString({
        config,
        list,
        choices,
        language: 'el',
        consentScreen: 2,
        now: NOW,
      });
      expect(tcfEuV2Values(tcString)).toEqual(iabRead(tcString));
    }
  });

  it('reads random TC strings as the IAB library does (ranges, bitfields, restrictions, custom purposes)', () => {
    const listed = Object.keys(list.vendors).map(Number);
    // Listed vendors and others, near and far apart: bitfields and ranges both come out.
    const ids = fc.uniqueArray(
      fc.oneof(fc.constantFrom(...listed), fc.integer({ min: 1, max: 400 })),
      {
        maxLength: 30,
      },
    );
    const some = (max: number) => fc.uniqueArray(fc.integer({ min: 1, max }), { maxLength: max });
    fc.assert(
      fc.property(
        ids,
        ids,
        ids,
        some(11),
        some(11),
        some(2),
        fc.integer({ min: 2, max: 4095 }),
        fc.boolean(),
        (consents, interests, disclosed, purposes, lis, features, cmpId, publisher) => {
          const model = new TCModel(new GVL(list));
          model.cmpId = cmpId;
          model.cmpVersion = 3;
          model.isServiceSpecific = true;
          model.publisherCountryCode = 'FR';
          model.created = NOW;
          model.lastUpdated = NOW;
          model.vendorConsents.set(consents);
          model.vendorLegitimateInterests.set(interests);
          model.vendorsDisclosed.set(disclosed);
          model.purposeConsents.set(purposes);
          model.purposeLegitimateInterests.set(lis);
          model.specialFeatureOptins.set(features);
          // Publisher restrictions on the listed vendors (the encoder checks them against the GVL).
          for (const id of consents.filter((id) => list.vendors[String(id)]))
            model.publisherRestrictions.add(
              id,
              new PurposeRestriction(2, RestrictionType.REQUIRE_CONSENT),
            );
          if (publisher) {
            model.publisherConsents.set(purposes);
            model.publisherLegitimateInterests.set(lis);
            model.numCustomPurposes = 3;
            model.publisherCustomConsents.set([2]);
          }
          const tcString = TCString.encode(model);
          expect(tcfEuV2Values(tcString)).toEqual(iabRead(tcString));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('goes first in the GPP string, before the US sections, with the header the IAB writes', () => {
    const tcString = encodeTcString({
      config,
      list,
      choices: acceptAllChoices(config, list),
      language: 'en',
      consentScreen: 1,
      now: NOW,
    });
    const ours = encodeGppString(
      { usca: emptySection('usca'), usnat: emptySection('usnat') },
      tcString,
    );
    const iab = new GppModel();
    iab.setFieldValue('usnat', 'Version', 2);
    iab.setFieldValue('usca', 'Version', 1);
    iab.setFieldValue('tcfeuv2', 'Version', 2);
    expect(ours.split('~')[0]).toBe(iab.encode().split('~')[0]);
    const model = new GppModel(ours);
    expect(model.getSectionIds()).toEqual([2, 7, 8]);
    expect(ours.split('~')[1]).toBe(tcString);
    expect(model.getFieldValue('tcfeuv2', 'CmpId')).toBe(4095);
    expect(model.getFieldValue('usnat', 'Version')).toBe(2);
  });

  it('is no section for what is not a TC string', () => {
    expect(tcfEuV2Values('')).toBeUndefined();
    expect(tcfEuV2Values('not a tc string!')).toBeUndefined();
    // Version 1 (the TCF v1 consent string): not a tcfeuv2 section.
    expect(tcfEuV2Values('BOEFEAyOEFEAyAHABDENAI4AAAB9vABAASA')).toBeUndefined();
  });
});
