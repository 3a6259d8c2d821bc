/**
 * Google's Additional Consent string v2 ("Additional Consent Mode technical specification"),
 * read back: made by the TCF chunk (`src/tcf/ac-string.ts`), decoded by it and by the server's
 * receipt. A module of its own: in `tcf.ts` it took 110 bytes of the rest of the core into the
 * TCF chunk.
 */

/** The consented and disclosed ids of an AC string; `undefined` when the text is not one. */
export function decodeAcString(
  text: string,
): { consented: number[]; disclosed: number[] } | undefined {
  const match = /^2~([0-9.]*)~dv\.([0-9.]*)$/.exec(text);
  if (!match) return undefined;
  const ids = (part: string) => (part ? part.split('.').map(Number) : []);
  const consented = ids(match[1]!);
  return { consented, disclosed: [...consented, ...ids(match[2]!)].sort((a, b) => a - b) };
}
