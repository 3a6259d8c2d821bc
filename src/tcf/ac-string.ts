/**
 * Google's Additional Consent string, version 2 (Google's "Additional Consent Mode technical
 * specification"): `2~<consented ATP ids>~dv.<disclosed but not consented ATP ids>`, ids
 * dot-separated, ascending, for Google ad technology providers that are not in the GVL.
 */
export function encodeAcString(disclosed: readonly number[], consented: readonly number[]): string {
  const yes = new Set(consented.filter((id) => disclosed.includes(id)));
  const sorted = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b).join('.');
  return `2~${sorted(yes)}~dv.${sorted(disclosed.filter((id) => !yes.has(id)))}`;
}

export { decodeAcString } from '../core/additional-consent.ts';
