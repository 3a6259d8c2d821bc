import type { ConsentPolicy } from './types.ts';

/** Countries of the European Economic Area (EU 27 and Iceland, Liechtenstein, Norway). */
export const EEA = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
] as const;

/** Which policy applies where: a region (`US-CA`) first, then its country (`US`), then `default`. */
export interface PolicyTable {
  default: ConsentPolicy;
  regions: Record<string, ConsentPolicy>;
}

/** GDPR and its UK and Swiss twins ask first; US state laws allow opting out. */
export const DEFAULT_POLICIES: PolicyTable = {
  default: 'opt-in',
  regions: {
    ...Object.fromEntries(EEA.map((country) => [country, 'opt-in' as const])),
    GB: 'opt-in',
    CH: 'opt-in',
    US: 'opt-out',
  },
};

const GEOGRAPHY = /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/;

/** Reads a country or country-region code (`de`, `US-CA`); anything else is `unknown`. */
export function parseGeography(value: string | undefined | null): string {
  const code = value?.trim().toUpperCase();
  return code && GEOGRAPHY.test(code) ? code : 'unknown';
}

/** The policy for a geography. Unknown geography gets the strictest policy, opt-in. */
export function policyFor(geography: string, table: PolicyTable = DEFAULT_POLICIES): ConsentPolicy {
  if (!GEOGRAPHY.test(geography)) return 'opt-in';
  const country = geography.slice(0, 2);
  return table.regions[geography] ?? table.regions[country] ?? table.default;
}
