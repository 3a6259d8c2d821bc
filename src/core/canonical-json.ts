/**
 * JSON with object keys sorted at every depth, so that the same item sent twice with its keys in
 * another order hashes the same. Written as loops and string concatenation rather than
 * `Object.entries().filter().sort().map().join()`: it runs for every event on the write path
 * (issue 19), and the widget hashes the notice it showed with it (issue 17), and the text is the same byte for byte (keys in UTF-16 code unit order, `undefined`
 * members left out, an `undefined` array element as an empty slot).
 */
export function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) out += ',';
      const entry = canonicalJson(value[index]) as string | undefined;
      if (entry !== undefined) out += entry;
    }
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let out = '{';
  for (const key of keys) {
    const entry = object[key];
    if (entry === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${canonicalJson(entry)}`;
  }
  return `${out}}`;
}
