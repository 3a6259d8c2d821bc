import { parseGeography } from '../../src/core/jurisdiction.ts';

/**
 * The visitor's geography: the script tag's `data-region` (sent as `?region=`, for testing) wins,
 * then the header a trusted proxy or CDN sets; else `unknown`.
 */
export function resolveGeography(headerValue: string | undefined, override?: string): string {
  const overridden = parseGeography(override);
  return overridden !== 'unknown' ? overridden : parseGeography(headerValue);
}
