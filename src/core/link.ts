/**
 * The one rule for a link a visitor may click (issue 22 §3): a consent type's `url` and every
 * other config URL become links only when they are web links. `javascript:`, `data:`,
 * `vbscript:` and every other scheme are dropped, however they are spelled: browsers remove tabs
 * and newlines anywhere in a URL and blanks and control characters around it before they read the
 * scheme (WHATWG URL, "basic URL parser"), so `java\tscript:` is `javascript:`. Both the widget's
 * renderers and the server's checks call this; the server adds that absolute `http:` is for
 * loopback only.
 */

/** The scheme of `url` as a browser would read it (lower case, without `:`), or `undefined` for a relative URL. */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** Whether `url` may become a link: an `http:` or `https:` URL, or a relative one on the site. */
export function isWebLink(url: string | undefined): url is string {
  if (!url) return false;
  const scheme = urlScheme(url);
  return scheme === undefined || scheme === 'https' || scheme === 'http';
}

/** `url` when it may become a link, else `undefined`: what every renderer puts in `href`. */
export function safeLinkHref(url: string | undefined): string | undefined {
  return isWebLink(url) ? url : undefined;
}
