/**
 * The IAB strings an event's proof carries (issues 20, 21), read on the server with the IAB's own
 * libraries: the TC string with `@iabtechlabtcf/core`, the GPP string with `@iabgpp/cmpapi` (too
 * big for the browser chunk, which encodes the US sections itself, but the server pays nothing
 * for its size). The proof schema checks their syntax; a batch whose strings these libraries
 * cannot decode is refused whole (400) before anything is stored, and the receipt decodes the
 * stored strings the same way.
 */
import { TCString } from '@iabtechlabtcf/core';
import { GppModel, Sections } from '@iabgpp/cmpapi';
import type { ConsentProof } from '../../src/core/types.ts';
import { httpError } from '../http/http-error.ts';

/** What a TC string says, its vectors as ascending ids. */
export interface DecodedTcString {
  version: number;
  cmpId: number;
  cmpVersion: number;
  policyVersion: number;
  vendorListVersion: number;
  /** 1: the first layer, 2: the preference center (what this CMP writes). */
  consentScreen: number;
  consentLanguage: string;
  publisherCountryCode: string;
  isServiceSpecific: boolean;
  created: string;
  lastUpdated: string;
  purposeConsents: number[];
  /** Purposes on legitimate interest the person did not object to. */
  purposeLegitimateInterests: number[];
  specialFeatureOptins: number[];
  vendorConsents: number[];
  vendorLegitimateInterests: number[];
  /** The vendors shown to the person (TCF 2.3's Disclosed Vendors segment). */
  vendorsDisclosed: number[];
}

/** One section of a GPP string with its fields as `@iabgpp/cmpapi` names them. */
export interface DecodedGppSection {
  id: number;
  name: string;
  fields: Record<string, unknown>;
}

const ids = (vector: { forEach(f: (value: boolean, id: number) => void): void }) => {
  const out: number[] = [];
  vector.forEach((value, id) => value && out.push(id));
  return out.sort((a, b) => a - b);
};

const problemOf = (error: unknown) =>
  error instanceof Error && error.message ? error.message : String(error);

/** The decoded TC string, or what is wrong with it. */
export function decodeTcString(text: string): DecodedTcString | { problem: string } {
  let model;
  try {
    model = TCString.decode(text);
  } catch (error) {
    return { problem: problemOf(error) };
  }
  if (model.version !== 2) return { problem: `version ${model.version} is not TCF v2` };
  return {
    version: model.version,
    cmpId: Number(model.cmpId),
    cmpVersion: Number(model.cmpVersion),
    policyVersion: Number(model.policyVersion),
    vendorListVersion: Number(model.vendorListVersion),
    consentScreen: Number(model.consentScreen),
    consentLanguage: model.consentLanguage,
    publisherCountryCode: model.publisherCountryCode,
    isServiceSpecific: model.isServiceSpecific,
    created: model.created.toISOString(),
    lastUpdated: model.lastUpdated.toISOString(),
    purposeConsents: ids(model.purposeConsents),
    purposeLegitimateInterests: ids(model.purposeLegitimateInterests),
    specialFeatureOptins: ids(model.specialFeatureOptins),
    vendorConsents: ids(model.vendorConsents),
    vendorLegitimateInterests: ids(model.vendorLegitimateInterests),
    vendorsDisclosed: ids(model.vendorsDisclosed),
  };
}

/** The GPP string's sections in the header's order, or what is wrong with it. */
export function decodeGppString(text: string): DecodedGppSection[] | { problem: string } {
  try {
    const model = new GppModel(text);
    return (model.getSectionIds() as number[]).map((id) => {
      const name = Sections.SECTION_ID_NAME_MAP.get(id) ?? String(id);
      return { id, name, fields: { ...(model.getSection(name) as Record<string, unknown>) } };
    });
  } catch (error) {
    return { problem: problemOf(error) };
  }
}

/**
 * Strings that decoded lately, with a GPP string's section ids: a batch's events all carry their
 * decision's strings, and a visitor's next batches the same ones, so each is decoded once rather
 * than per event.
 */
const decodable = new Map<string, number[]>(); // by `tc:` or `gpp:` and the string
const DECODABLE_KEPT = 512;
function remember(text: string, sectionIds: number[] = []) {
  if (decodable.size >= DECODABLE_KEPT) decodable.delete(decodable.keys().next().value!);
  decodable.set(text, sectionIds);
}

/** Refuses (400) a proof whose IAB strings do not decode, or name a section they do not hold. */
export function refuseUndecodableStrings(proof: ConsentProof, at: string): void {
  if (proof.tcf && !decodable.has(`tc:${proof.tcf.tcString}`)) {
    const decoded = decodeTcString(proof.tcf.tcString);
    if ('problem' in decoded) {
      throw httpError(400, `${at}/tcf/tcString is not a TC string (${decoded.problem})`);
    }
    remember(`tc:${proof.tcf.tcString}`);
  }
  if (proof.gpp) {
    const text = proof.gpp.gppString;
    let held = decodable.get(`gpp:${text}`);
    if (!held) {
      const sections = decodeGppString(text);
      if ('problem' in sections) {
        throw httpError(400, `${at}/gpp/gppString is not a GPP string (${sections.problem})`);
      }
      remember(`gpp:${text}`, (held = sections.map((section) => section.id)));
    }
    const absent = (proof.gpp.applicableSections ?? []).filter(
      (id) => id !== -1 && !held.includes(id),
    );
    if (absent.length) {
      throw httpError(
        400,
        `${at}/gpp/applicableSections: section ${absent.join(', ')} is not in the GPP string`,
      );
    }
  }
}
