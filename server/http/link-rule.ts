import { isWebLink, urlScheme } from '../../src/core/link.ts';
import { LOOPBACK_HOSTS } from './origin-rule.ts';

// A stand-in origin to resolve a relative URL against: if the result is elsewhere, the URL named
// another host (`//evil.example`, `/\evil.example`, which browsers read as `//`).
const SITE = 'https://site.invalid';

/**
 * Whether the server stores `url` as a link a visitor may click (issue 22 §3): an `https:` URL,
 * an `http:` one on a loopback host (the demo, development), or a path on the site itself
 * (`/privacy.html`). Everything else, `javascript:`, `data:`, `vbscript:` and other schemes
 * however spelt (src/core/link.ts), plain `http:`, and relative URLs that are not site paths, is
 * refused. The widget drops what it would not link to as well; this keeps it out of the records.
 */
export function isClickableUrl(url: string): boolean {
  if (!isWebLink(url)) return false;
  const scheme = urlScheme(url);
  let parsed: URL;
  try {
    parsed = new URL(url, SITE);
  } catch {
    return false;
  }
  if (scheme === undefined) return url.startsWith('/') && parsed.origin === SITE;
  if (scheme === 'https') return parsed.protocol === 'https:' && parsed.hostname !== '';
  return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
}

/** `url` when {@link isClickableUrl}, else `undefined`. */
export function clickableUrl(url: string | undefined): string | undefined {
  return url !== undefined && isClickableUrl(url) ? url : undefined;
}
