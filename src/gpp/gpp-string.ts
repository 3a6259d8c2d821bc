/**
 * The GPP string of the US sections (and of the TCF EU section, which is the TC string), encoded
 * here rather than with `@iabgpp/cmpapi`: the IAB's library does not tree-shake and weighs 140 kB minified, 17 kB gzipped even for one section
 * (measured for issue 21), more than the loader and the notice together. The layouts follow the
 * IAB's "GPP Extension: US National / State Privacy" specifications, field for field as
 * `@iabgpp/cmpapi` 3.2 reads them; `gpp-string.test.ts` decodes every string we make with it.
 */
import type { GppUsSection } from '../core/types.ts';

/** A field of a segment: its name as `getField` and `getSection` answer it, bits, list length. */
type Field = readonly [name: string, bits: number, count?: number];

/** One section's layout: id, version, core segment fields, and whether a GPC segment follows. */
interface SectionLayout {
  id: number;
  version: number;
  core: readonly Field[];
  gpcSegment: boolean;
}

const V: Field = ['Version', 6];
const MSPA: Field[] = [
  ['MspaCoveredTransaction', 2],
  ['MspaOptOutOptionMode', 2],
  ['MspaServiceProviderMode', 2],
];
const two = (name: string, count?: number): Field => (count ? [name, 2, count] : [name, 2]);
/** Virginia's model (VA, CO, UT, CT): sale and targeted advertising, sensitive data by consent. */
const stateCore = (sensitive: number, child: number, utahNotice = false): Field[] => [
  V,
  two('SharingNotice'),
  two('SaleOptOutNotice'),
  two('TargetedAdvertisingOptOutNotice'),
  ...(utahNotice ? [two('SensitiveDataProcessingOptOutNotice')] : []),
  two('SaleOptOut'),
  two('TargetedAdvertisingOptOut'),
  two('SensitiveDataProcessing', sensitive),
  child > 1
    ? two('KnownChildSensitiveDataConsents', child)
    : two('KnownChildSensitiveDataConsents'),
  ...MSPA,
];

/** Section ids and layouts (GPP v1 section list; `usnat` version 2, the states version 1). */
export const SECTIONS: Record<GppUsSection, SectionLayout> = {
  usnat: {
    id: 7,
    version: 2,
    core: [
      V,
      two('SharingNotice'),
      two('SaleOptOutNotice'),
      two('SharingOptOutNotice'),
      two('TargetedAdvertisingOptOutNotice'),
      two('SensitiveDataProcessingOptOutNotice'),
      two('SensitiveDataLimitUseNotice'),
      two('SaleOptOut'),
      two('SharingOptOut'),
      two('TargetedAdvertisingOptOut'),
      two('SensitiveDataProcessing', 16),
      two('KnownChildSensitiveDataConsents', 3),
      two('PersonalDataConsents'),
      ...MSPA,
    ],
    gpcSegment: true,
  },
  usca: {
    id: 8,
    version: 1,
    core: [
      V,
      two('SaleOptOutNotice'),
      two('SharingOptOutNotice'),
      two('SensitiveDataLimitUseNotice'),
      two('SaleOptOut'),
      two('SharingOptOut'),
      two('SensitiveDataProcessing', 9),
      two('KnownChildSensitiveDataConsents', 2),
      two('PersonalDataConsents'),
      ...MSPA,
    ],
    gpcSegment: true,
  },
  usva: { id: 9, version: 1, core: stateCore(8, 1), gpcSegment: false },
  usco: { id: 10, version: 1, core: stateCore(7, 1), gpcSegment: true },
  usut: { id: 11, version: 1, core: stateCore(8, 1, true), gpcSegment: false },
  usct: { id: 12, version: 1, core: stateCore(8, 3), gpcSegment: true },
};

/** A section's values by field name: numbers, lists of numbers, and `Gpc` (a boolean). */
export type SectionValues = Record<string, number | number[] | boolean>;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bits to base64url, padded with zeros to whole bytes and then whole characters (GPP's rule). */
function toBase64Url(bits: string): string {
  while (bits.length % 8) bits += '0';
  while (bits.length % 6) bits += '0';
  let out = '';
  for (let i = 0; i < bits.length; i += 6) out += BASE64URL[parseInt(bits.slice(i, i + 6), 2)];
  return out;
}

const fixed = (value: number, bits: number) => value.toString(2).padStart(bits, '0').slice(-bits);

/** Fibonacci coding (Zeckendorf representation, ending in `11`), as the GPP header's ranges use. */
export function fibonacci(value: number): string {
  const fib = [1, 2];
  while (fib[fib.length - 1]! + fib[fib.length - 2]! <= value) {
    fib.push(fib[fib.length - 1]! + fib[fib.length - 2]!);
  }
  let bits = '';
  for (let i = fib.length - 1; i >= 0; i--) {
    if (value >= fib[i]!) {
      bits = '1' + bits;
      value -= fib[i]!;
    } else {
      bits = '0' + bits;
    }
  }
  return bits.replace(/0+$/, '') + '1';
}

/** The header: type 3, version 1, and the section ids as a Fibonacci-coded range list. */
function header(ids: number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const id of sorted) {
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1]! + 1 === id) last.push(id);
    else groups.push([id]);
  }
  let bits = fixed(3, 6) + fixed(1, 6) + fixed(groups.length, 12);
  let offset = 0;
  for (const group of groups) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    if (group.length === 1) {
      bits += '0' + fibonacci(first - offset);
    } else {
      bits += '1' + fibonacci(first - offset) + fibonacci(last - first);
    }
    offset = last;
  }
  return toBase64Url(bits);
}

/**
 * The section's default values, as the IAB library's: every field 0 (not applicable) but the
 * version and `MspaCoveredTransaction`, which has no "not applicable" (1 yes, 2 no).
 */
export function emptySection(name: GppUsSection): SectionValues {
  const layout = SECTIONS[name];
  const values: SectionValues = {};
  for (const [field, , count] of layout.core) {
    values[field] = count ? Array.from({ length: count }, () => 0) : 0;
  }
  values.Version = layout.version;
  values.MspaCoveredTransaction = 1;
  if (layout.gpcSegment)
    Object.assign(values, { GpcSegmentType: 1, GpcSegmentIncluded: true, Gpc: false });
  return values;
}

/** One section, encoded: its core segment and, where the section has one, the GPC segment. */
export function encodeSection(name: GppUsSection, values: SectionValues): string {
  const layout = SECTIONS[name];
  let bits = '';
  for (const [field, size, count] of layout.core) {
    const value = values[field];
    const list = count ? (value as number[]) : [value as number];
    for (let i = 0; i < (count ?? 1); i++) bits += fixed(Number(list[i] ?? 0), size);
  }
  const core = toBase64Url(bits);
  return layout.gpcSegment && values.GpcSegmentIncluded !== false
    ? `${core}.${toBase64Url(fixed(1, 2) + (values.Gpc ? '1' : '0'))}`
    : core;
}

/** GPP's section id of the IAB TCF EU section (`tcfeuv2`), whose text is the TC string as is. */
export const TCF_EU_SECTION_ID = 2;

/**
 * The whole GPP string of these sections, in section-id order, with the `tcfeuv2` section (the
 * TC string, unchanged: "GPP Extension: IAB Europe TCF") when there is one.
 */
export function encodeGppString(
  sections: Partial<Record<GppUsSection, SectionValues>>,
  tcString?: string,
): string {
  const parts = (Object.keys(sections) as GppUsSection[]).map(
    (name) => [SECTIONS[name].id, encodeSection(name, sections[name]!)] as const,
  );
  const all = tcString ? [[TCF_EU_SECTION_ID, tcString] as const, ...parts] : parts;
  all.sort((a, b) => a[0] - b[0]);
  return [header(all.map(([id]) => id)), ...all.map(([, text]) => text)].join('~');
}
