/**
 * Slugs of organizations and projects (issue 14): the names seed 002's path routes by. Lowercase
 * letters, digits and dashes, starting with a letter or digit, at most 63 characters (a DNS
 * label, so a slug can later become a subdomain).
 */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function isSlug(value: string | undefined): value is string {
  return value !== undefined && SLUG_PATTERN.test(value);
}

/** A slug made from a display name: `Northwind Coffee Co.` → `northwind-coffee-co`. */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug || 'unnamed';
}
