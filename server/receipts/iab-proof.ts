/**
 * The IAB part of a receipt (issues 20, 21): the event's TC string decoded, its purposes, special
 * features and vendors named from the Global Vendor List version the string names (the server
 * keeps every version it fetched; the newest when that one is gone), its Additional Consent
 * string read, and its GPP string's sections with their fields.
 */
import { decodeAcString } from '../../src/core/additional-consent.ts';
import type { ProofGpp, ProofTcf } from '../../src/core/types.ts';
import type { Queryable } from '../db/database.ts';
import { findGvlDocument } from '../db/repositories/gvl-documents.ts';
import {
  decodeGppString,
  decodeTcString,
  type DecodedGppSection,
  type DecodedTcString,
} from '../consent-events/iab-strings.ts';

/** An id of the GVL with its English name, when the list the server holds has it. */
export interface Named {
  id: number;
  name?: string;
}

type Vector =
  | 'purposeConsents'
  | 'purposeLegitimateInterests'
  | 'specialFeatureOptins'
  | 'vendorConsents'
  | 'vendorLegitimateInterests'
  | 'vendorsDisclosed';

/** The TC string as a receipt shows it: what the IAB's library decodes, each id named. */
export type TcfReceipt = {
  tcString: string;
  /** Why it does not decode (only a row stored before the server checked it). */
  problem?: string;
  /** The Global Vendor List version that named the ids (absent: none is stored). */
  namedWithVendorListVersion?: number;
  /** Google's Additional Consent string v2, read. */
  additionalConsent?: { acString: string; consented: number[]; disclosed: number[] };
} & Partial<Omit<DecodedTcString, Vector> & Record<Vector, Named[]>>;

/** The GPP string as a receipt shows it: its sections and which were in force. */
export interface GppReceipt {
  gppString: string;
  problem?: string;
  sections?: DecodedGppSection[];
  /** The sections in force for the person (GPP 1.1 `applicableSections`). */
  applicableSections?: Named[];
}

type Declarations = Record<string, { name?: unknown } | undefined>;

const named = (ids: number[], names: Declarations | undefined): Named[] =>
  ids.map((id) => {
    const name = names?.[String(id)]?.name;
    return typeof name === 'string' ? { id, name } : { id };
  });

export async function tcfReceipt(db: Queryable, tcf: ProofTcf): Promise<TcfReceipt> {
  const ac = tcf.acString !== undefined ? decodeAcString(tcf.acString) : undefined;
  const receipt: TcfReceipt = {
    tcString: tcf.tcString,
    ...(ac && { additionalConsent: { acString: tcf.acString!, ...ac } }),
  };
  const decoded = decodeTcString(tcf.tcString);
  if ('problem' in decoded) return { ...receipt, problem: decoded.problem };
  const list =
    (await findGvlDocument(db, 'vendor-list', decoded.vendorListVersion)) ??
    (await findGvlDocument(db, 'vendor-list'));
  const body = list?.body as Record<string, Declarations> | undefined;
  return {
    ...receipt,
    ...decoded,
    ...(list && { namedWithVendorListVersion: list.version }),
    purposeConsents: named(decoded.purposeConsents, body?.purposes),
    purposeLegitimateInterests: named(decoded.purposeLegitimateInterests, body?.purposes),
    specialFeatureOptins: named(decoded.specialFeatureOptins, body?.specialFeatures),
    vendorConsents: named(decoded.vendorConsents, body?.vendors),
    vendorLegitimateInterests: named(decoded.vendorLegitimateInterests, body?.vendors),
    vendorsDisclosed: named(decoded.vendorsDisclosed, body?.vendors),
  };
}

export function gppReceipt(gpp: ProofGpp): GppReceipt {
  const sections = decodeGppString(gpp.gppString);
  if ('problem' in sections) return { gppString: gpp.gppString, problem: sections.problem };
  const names = Object.fromEntries(sections.map((section) => [section.id, section]));
  return {
    gppString: gpp.gppString,
    sections,
    ...(gpp.applicableSections && {
      applicableSections: named(gpp.applicableSections, names),
    }),
  };
}
