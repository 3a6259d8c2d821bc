/**
 * GPP's IAB TCF EU section (`tcfeuv2`, section id 2: "GPP Extension: IAB Europe TCF"): the
 * section's text is the TC string itself, segment for segment, so the GPP string carries the
 * string `__tcfapi` holds unchanged. What `getSection('tcfeuv2')` and `parsedSections` answer
 * is the string read here into the section's fields, named and shaped as `@iabgpp/cmpapi` 3.2
 * reads them (`tcf-section.test.ts` compares the two on strings `@iabtechlabtcf/core` made):
 * the GPP bundle does not carry the TCF library.
 */
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DAY_OF = (deciseconds: number) => new Date(deciseconds * 100);

/** A reader of one segment's bits. */
function reader(segment: string) {
  let bits = '';
  for (const char of segment) bits += BASE64URL.indexOf(char).toString(2).padStart(6, '0');
  let at = 0;
  const int = (size: number) => parseInt(bits.slice(at, (at += size)) || '0', 2);
  const bool = () => int(1) === 1;
  const bools = (size: number) => Array.from({ length: size }, bool);
  const letters = () => String.fromCharCode(65 + int(6), 65 + int(6));
  /** A list of ids as ranges: a count, then single ids or first and last (16 bits each). */
  const ranges = () => {
    const ids: number[] = [];
    for (let n = int(12); n > 0; n--) {
      const range = bool();
      const first = int(16);
      const last = range ? int(16) : first;
      for (let id = first; id <= last; id++) ids.push(id);
    }
    return ids;
  };
  /** The TC string's vendor list: a bit per vendor up to the largest id, or ranges. */
  const vendors = () => {
    const max = int(16);
    if (bool()) return ranges();
    return bools(max).flatMap((on, index) => (on ? [index + 1] : []));
  };
  return { int, bool, bools, letters, ranges, vendors };
}

/** The section's fields from a TC string; `undefined` when the string is not one. */
export function tcfEuV2Values(tcString: string): Record<string, unknown> | undefined {
  const [core, ...segments] = tcString.split('.');
  if (!core || !/^[A-Za-z0-9_-]+$/.test(tcString.replace(/\./g, ''))) return undefined;
  const r = reader(core);
  if (r.int(6) !== 2) return undefined;
  const values: Record<string, unknown> = {
    Version: 2,
    Created: DAY_OF(r.int(36)),
    LastUpdated: DAY_OF(r.int(36)),
    CmpId: r.int(12),
    CmpVersion: r.int(12),
    ConsentScreen: r.int(6),
    ConsentLanguage: r.letters(),
    VendorListVersion: r.int(12),
    PolicyVersion: r.int(6),
    IsServiceSpecific: r.bool(),
    UseNonStandardStacks: r.bool(),
    SpecialFeatureOptins: r.bools(12),
    PurposeConsents: r.bools(24),
    PurposeLegitimateInterests: r.bools(24),
    PurposeOneTreatment: r.bool(),
    PublisherCountryCode: r.letters(),
    VendorConsents: r.vendors(),
    VendorLegitimateInterests: r.vendors(),
    PublisherRestrictions: Array.from({ length: r.int(12) }, () => ({
      key: r.int(6),
      type: r.int(2),
      ids: r.ranges(),
    })),
    // The segments a string leaves out read as the IAB library's defaults.
    PublisherPurposesSegmentType: 3,
    PublisherConsents: Array<boolean>(24).fill(false),
    PublisherLegitimateInterests: Array<boolean>(24).fill(false),
    NumCustomPurposes: 0,
    PublisherCustomConsents: [],
    PublisherCustomLegitimateInterests: [],
    VendorsAllowedSegmentType: 2,
    VendorsAllowed: [],
    VendorsDisclosedSegmentType: 1,
    VendorsDisclosed: [],
  };
  for (const segment of segments) {
    const s = reader(segment);
    const type = s.int(3);
    if (type === 1 || type === 2) {
      const name = type === 1 ? 'VendorsDisclosed' : 'VendorsAllowed';
      values[`${name}SegmentType`] = type;
      values[name] = s.vendors();
    } else if (type === 3) {
      values.PublisherConsents = s.bools(24);
      values.PublisherLegitimateInterests = s.bools(24);
      const custom = s.int(6);
      values.NumCustomPurposes = custom;
      values.PublisherCustomConsents = s.bools(custom);
      values.PublisherCustomLegitimateInterests = s.bools(custom);
    }
  }
  return values;
}
