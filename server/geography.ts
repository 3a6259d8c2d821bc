// A country (ISO 3166-1 alpha-2), optionally with a subdivision: `DE`, `US-CA`.
const GEOGRAPHY = /^[A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?$/;

/** The visitor's geography from the header a proxy or CDN sets, else `unknown`. */
export function resolveGeography(headerValue: string | undefined): string {
  const value = headerValue?.trim();
  return value && GEOGRAPHY.test(value) ? value.toUpperCase() : 'unknown';
}
