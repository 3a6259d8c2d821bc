/** The rule word that allows every loopback origin, on any port. */
export const LOOPBACK = 'loopback';

/** Host names of the loopback interface, as `URL.hostname` spells them. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether `origin` (an `Origin` header) is allowed by a project's rules: exact origins such as
 * `https://shop.example`, or `loopback` for http(s) on localhost, 127.0.0.1 and [::1].
 */
export function isAllowedOrigin(origin: string, rules: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  // An Origin header is scheme://host[:port] and nothing else; `null` and paths are refused.
  if (url.origin !== origin.toLowerCase().replace(/\/$/, '')) return false;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return rules.some((rule) =>
    rule === LOOPBACK ? LOOPBACK_HOSTS.has(url.hostname) : rule.toLowerCase() === url.origin,
  );
}
