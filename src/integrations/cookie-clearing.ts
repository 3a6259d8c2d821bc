/**
 * Cookie clearing: when a visitor withdraws a consent, the cookies its tags set are deleted.
 * JavaScript cannot see a cookie's domain or path, and deleting needs both to match, so every
 * plausible pair is expired: host-only and each parent domain, `/` and each prefix of the path.
 */
import { isAllowingState } from '../core/decision.ts';
import type { ConsentState, ConsentType, SiteConfig } from '../core/types.ts';

const allowedIn = (states: Record<string, ConsentState>, label: string) =>
  isAllowingState(states[label]);

/** Whether a cookie name matches a pattern where `*` stands for any run of characters. */
export function matchesCookiePattern(name: string, pattern: string): boolean {
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${source}$`).test(name);
}

/**
 * The patterns to clear now: those of the types among `labels` that `states` does not allow,
 * less any pattern an allowed type also lists (its tags still need the cookie).
 */
export function cookiePatternsToClear(
  types: readonly ConsentType[],
  states: Record<string, ConsentState>,
  labels: readonly string[],
): string[] {
  const kept = new Set(
    types.filter((type) => allowedIn(states, type.label)).flatMap((type) => type.cookies ?? []),
  );
  return types
    .filter((type) => labels.includes(type.label) && !allowedIn(states, type.label))
    .flatMap((type) => type.cookies ?? [])
    .filter((pattern) => !kept.has(pattern));
}

/** Labels allowed `before` and no longer allowed `after`: a withdrawal. */
export function withdrawnLabels(
  before: Record<string, ConsentState>,
  after: Record<string, ConsentState>,
): string[] {
  return Object.keys(before).filter(
    (label) => allowedIn(before, label) && !allowedIn(after, label),
  );
}

const IP_ADDRESS = /^[\d.]+$|:/;

/**
 * The `document.cookie` assignments that expire a cookie for `hostname` and `pathname`: host-only
 * and every parent domain (`shop.example.com`, `example.com`; a public suffix refuses it
 * harmlessly), on `/` and every prefix of the path with and without its trailing slash.
 */
export function expiringAssignments(name: string, hostname: string, pathname: string): string[] {
  const labels = hostname.split('.');
  const domains = [''];
  if (!IP_ADDRESS.test(hostname) && labels.length > 1) {
    for (let i = 0; i < labels.length - 1; i++)
      domains.push(`;domain=${labels.slice(i).join('.')}`);
  }
  const paths = new Set(['/']);
  const segments = pathname.split('/').filter(Boolean);
  for (let i = 1; i <= segments.length; i++) {
    const path = `/${segments.slice(0, i).join('/')}`;
    paths.add(path).add(`${path}/`);
  }
  const assignments: string[] = [];
  for (const domain of domains) {
    for (const path of paths) {
      assignments.push(`${name}=;max-age=0;path=${path}${domain}`);
    }
  }
  return assignments;
}

/** Deletes the page's cookies whose names match any of `patterns`. */
export function clearCookies(patterns: readonly string[]): void {
  if (!patterns.length) return;
  try {
    const names = document.cookie
      .split(';')
      .map((pair) => pair.split('=')[0]!.trim())
      .filter(Boolean);
    for (const name of new Set(names)) {
      if (!patterns.some((pattern) => matchesCookiePattern(name, pattern))) continue;
      for (const assignment of expiringAssignments(name, location.hostname, location.pathname)) {
        document.cookie = assignment;
      }
    }
  } catch {
    // Cookies disabled or a sandboxed document: there is nothing to clear.
  }
}

const reload = () => location.reload();

/**
 * After a change from `before` to `after` (the labels in `changed`; none after reset(), meaning
 * every type), deletes the cookies of the changed types that are no longer allowed, and reloads
 * the page after a withdrawal when the project asks for it, once `stored` resolves. Its own
 * bundle: the loader imports it only when a project lists cookies or reloads on withdrawal.
 */
export function clearAfterChange(
  config: SiteConfig | undefined,
  before: Record<string, ConsentState>,
  after: Record<string, ConsentState>,
  changed: readonly string[],
  stored: () => Promise<unknown>,
): void {
  const types = config?.consentTypes ?? [];
  const labels = changed.length ? changed : types.map((type) => type.label);
  clearCookies(cookiePatternsToClear(types, after, labels));
  if (withdrawnLabels(before, after).length && config?.reloadOnWithdrawal) {
    setTimeout(() => void stored().then(reload, reload));
  }
}
