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

/** The consented and disclosed ids of an AC string v2; `undefined` when it is not one. */
export function decodeAcString(
  text: string,
): { consented: number[]; disclosed: number[] } | undefined {
  const match = /^2~([0-9.]*)~dv\.([0-9.]*)$/.exec(text);
  if (!match) return undefined;
  const ids = (part: string) => (part ? part.split('.').map(Number) : []);
  const consented = ids(match[1]!);
  return { consented, disclosed: [...consented, ...ids(match[2]!)].sort((a, b) => a - b) };
}
