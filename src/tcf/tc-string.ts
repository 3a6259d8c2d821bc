/**
 * The TC string (TCF 2.3) of a visitor's choices, encoded and decoded with the IAB's own
 * `@iabtechlabtcf/core`: the core segment, the Disclosed Vendors segment (mandatory for strings
 * made after 28 February 2026) and the publisher segment, service-specific (the global scope is
 * gone from the TCF).
 */
import { GVL, TCModel, TCString, type VendorList } from '@iabtechlabtcf/core';
import type { TcfSiteConfig } from '../core/types.ts';

/** One GVL v3 document as the site API serves it (`server/tcf/vendor-list.ts`). */
export type VendorListJson = VendorList & { language: string };

/** What the visitor chose in the TCF notice. */
export interface TcfChoices {
  purposeConsents: number[];
  /** Purposes on legitimate interest the visitor did not object to. */
  purposeLegitimateInterests: number[];
  specialFeatureOptins: number[];
  vendorConsents: number[];
  /** Vendors whose legitimate interest the visitor did not object to. */
  vendorLegitimateInterests: number[];
  /** Google ad technology providers consented to (Additional Consent). */
  acConsents: number[];
}

/** A TC string is asked again after this (the TCF policy's 13 months at most). */
export const TC_STRING_MAX_AGE_MS = 395 * 24 * 60 * 60 * 1000;
/** TCF 2.3's policy version: strings of older policies are asked again. */
export const TCF_POLICY_VERSION = 5;

export const vendorIds = (list: VendorListJson) => Object.keys(list.vendors).map(Number);

/** What the project's vendors may ask, and its legitimate-interest purposes. */
export function vendorPurposes(list: VendorListJson, id: number) {
  const vendor = list.vendors[String(id)];
  return {
    consent: vendor?.purposes ?? [],
    legitimateInterest: vendor?.legIntPurposes ?? [],
    specialFeatures: vendor?.specialFeatures ?? [],
  };
}

/** Purposes asked for on legitimate interest: the project allows it, some vendor declares it. */
export function legitimateInterestPurposes(config: TcfSiteConfig, list: VendorListJson): number[] {
  return config.legitimateInterestPurposes.filter((purpose) =>
    vendorIds(list).some((id) => vendorPurposes(list, id).legitimateInterest.includes(purpose)),
  );
}

/** Vendors with a legitimate interest the project allows. */
export function legitimateInterestVendors(config: TcfSiteConfig, list: VendorListJson): number[] {
  return vendorIds(list).filter((id) =>
    vendorPurposes(list, id).legitimateInterest.some((purpose) =>
      config.legitimateInterestPurposes.includes(purpose),
    ),
  );
}

/** Accept all: every purpose, feature and vendor the project uses, no objection. */
export function acceptAllChoices(config: TcfSiteConfig, list: VendorListJson): TcfChoices {
  return {
    purposeConsents: [...config.purposes],
    purposeLegitimateInterests: legitimateInterestPurposes(config, list),
    specialFeatureOptins: [...config.specialFeatures],
    vendorConsents: vendorIds(list).filter((id) => vendorPurposes(list, id).consent.length),
    vendorLegitimateInterests: legitimateInterestVendors(config, list),
    acConsents: [...config.googleAcProviders],
  };
}

/** Reject all: no consent, and an objection to every legitimate interest. */
export function rejectAllChoices(): TcfChoices {
  return {
    purposeConsents: [],
    purposeLegitimateInterests: [],
    specialFeatureOptins: [],
    vendorConsents: [],
    vendorLegitimateInterests: [],
    acConsents: [],
  };
}

export interface EncodeInput {
  config: TcfSiteConfig;
  list: VendorListJson;
  choices: TcfChoices;
  /** `en`, `fr`: the language the notice was shown in. */
  language: string;
  /** 1: the first layer, 2: the preference center. */
  consentScreen: number;
  now: Date;
}

/** Encodes the choices as a TC string. */
export function encodeTcString(input: EncodeInput): string {
  const { config, list, choices } = input;
  // The encoder takes the consent language from the GVL's (two letters).
  const model = new TCModel(new GVL(list, { language: input.language.slice(0, 2) }));
  model.cmpId = config.cmpId;
  model.cmpVersion = config.cmpVersion;
  model.isServiceSpecific = true;
  model.publisherCountryCode = config.publisherCountryCode;
  model.consentScreen = input.consentScreen;
  model.policyVersion = TCF_POLICY_VERSION;
  model.created = input.now;
  model.lastUpdated = input.now;
  model.purposeConsents.set(choices.purposeConsents);
  model.purposeLegitimateInterests.set(choices.purposeLegitimateInterests);
  model.specialFeatureOptins.set(choices.specialFeatureOptins);
  model.vendorConsents.set(choices.vendorConsents);
  model.vendorLegitimateInterests.set(choices.vendorLegitimateInterests);
  // Every vendor shown to the visitor (TCF 2.3).
  model.vendorsDisclosed.set(vendorIds(list));
  return TCString.encode(model);
}

/** The decoded string, or `undefined` when it is not one. */
export function decodeTcString(text: string): TCModel | undefined {
  try {
    return TCString.decode(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether a stored string still stands: made by this CMP under TCF 2.3, less than 13 months old,
 * and every vendor the project lists now was disclosed with it (a new vendor is asked about).
 */
export function isTcStringCurrent(
  model: TCModel | undefined,
  config: TcfSiteConfig,
  list: VendorListJson,
  now: Date,
): model is TCModel {
  if (!model) return false;
  if (model.cmpId !== config.cmpId || Number(model.policyVersion) < TCF_POLICY_VERSION)
    return false;
  if (now.getTime() - model.created.getTime() > TC_STRING_MAX_AGE_MS) return false;
  return vendorIds(list).every((id) => model.vendorsDisclosed.has(id));
}

/** The choices a decoded string holds, for the preference center. */
export function choicesOf(model: TCModel, acConsents: number[]): TcfChoices {
  const ids = (vector: { forEach(f: (value: boolean, id: number) => void): void }) => {
    const out: number[] = [];
    vector.forEach((value, id) => value && out.push(id));
    return out;
  };
  return {
    purposeConsents: ids(model.purposeConsents),
    purposeLegitimateInterests: ids(model.purposeLegitimateInterests),
    specialFeatureOptins: ids(model.specialFeatureOptins),
    vendorConsents: ids(model.vendorConsents),
    vendorLegitimateInterests: ids(model.vendorLegitimateInterests),
    acConsents,
  };
}
