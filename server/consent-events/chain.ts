import { canonicalJson } from '../crypto/canonical-json.ts';
import type { NewConsentEvent } from '../db/repositories/consent-events.ts';
import { PERSON_IDENTIFIERS, type PersonIdentifier } from '../../src/core/identifiers.ts';
import { sha256 } from '../crypto/sha256.ts';

/** The `prev_hash` of a project's first event. */
export const CHAIN_START = '';

/**
 * The chain version of rows written since migration 075: the hash covers each identifier's
 * commitment ({@link identifierCommitment}) rather than the identifier. Rows without a version
 * (version 1) hashed the identifiers in clear.
 */
export const KEYED_CHAIN_VERSION = 2;

/**
 * The commitment to one identifier that a version-2 row carries: sha-256 over the identifier's
 * own random key (`person_identifiers.key`), its kind and its value. Migration 075 computes the
 * same in SQL. A secret prefix of 256 bits: length extension gives nothing here, since nobody is
 * asked to accept a longer message, and without the key a guess of the value cannot be tested.
 */
export function identifierCommitment(key: string, kind: PersonIdentifier, value: string): string {
  return sha256(`${key}\n${kind}\n${value}`);
}

function omit(event: NewConsentEvent, keys: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...event };
  for (const key of keys) delete copy[key];
  return copy;
}

/**
 * What a row's hash covers: a version-2 row, everything but the identifiers (their commitments
 * stand for them); a version-1 row, everything it stored before migration 075, the identifiers in
 * clear and without the columns that migration added.
 */
function hashedContent(event: NewConsentEvent): Record<string, unknown> {
  return event.chainVersion === KEYED_CHAIN_VERSION
    ? omit(event, PERSON_IDENTIFIERS)
    : omit(event, ['chainVersion', 'identifierCommitments']);
}

/** Every member a {@link NewConsentEvent} can have, in canonical JSON's order (sorted). */
const EVENT_KEYS = (
  [
    'id',
    'projectId',
    'organizationId',
    'concordId',
    'userId',
    'email',
    'phoneNumber',
    'projectUserId',
    'consentTypeId',
    'version',
    'category',
    'subcategory',
    'label',
    'consentState',
    'consentAction',
    'consentDate',
    'expirationDate',
    'clientConsentDate',
    'sessionId',
    'surface',
    'metadata',
    'proof',
    'bodyHash',
    'createdAt',
    'chainVersion',
    'identifierCommitments',
  ] satisfies (keyof NewConsentEvent)[]
).sort();
/** Each member's name as the text writes it, `"id":`, made once. */
const MEMBER_PREFIXES = new Map(EVENT_KEYS.map((key) => [key, `${JSON.stringify(key)}:`]));
const LEFT_OUT_OF_V2 = new Set<string>(PERSON_IDENTIFIERS);
const LEFT_OUT_OF_V1 = new Set<string>(['chainVersion', 'identifierCommitments']);

/**
 * What a row's link covers besides the previous hash, as canonical JSON: {@link hashedContent}.
 * Written member by member in their known order (issue 19: once per stored event, under the
 * chain lock until it was made before it), with no copy of the event and no sort; an object
 * with any other member takes the general path, so the text is always `canonicalJson`'s.
 */
export function linkText(event: NewConsentEvent): string {
  const leftOut = event.chainVersion === KEYED_CHAIN_VERSION ? LEFT_OUT_OF_V2 : LEFT_OUT_OF_V1;
  const members = event as unknown as Record<string, unknown>;
  let out = '{';
  let known = 0;
  for (const key of EVENT_KEYS) {
    if (!Object.hasOwn(members, key)) continue;
    known += 1;
    const value = members[key];
    if (value === undefined || leftOut.has(key)) continue;
    if (out.length > 1) out += ',';
    // A string is its JSON text (most members are); anything else, canonical JSON's.
    out += MEMBER_PREFIXES.get(key)!;
    out += typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value);
  }
  let count = 0;
  for (const key in members) if (Object.hasOwn(members, key)) count += 1;
  return count === known ? `${out}}` : canonicalJson(hashedContent(event));
}

/** The link from the previous row's hash and this row's {@link linkText}. */
export function linkHashOf(prevHash: string, text: string): string {
  return sha256(`${prevHash}\n${text}`);
}

/**
 * The hash a row stores: sha-256 over the previous row's hash and every stored column of this
 * one (as canonical JSON, absent values left out), so that changing, removing or reordering any
 * event breaks every link after it.
 */
export function linkHash(prevHash: string, event: NewConsentEvent): string {
  return linkHashOf(prevHash, linkText(event));
}

/**
 * The seal erasure writes for a version-1 row whose identifiers it removes (migration 075): the
 * row's links and every hashed column but the identifiers, so that the rest of the row stays
 * checkable once its version-1 hash no longer can be.
 */
export function sealHash(prevHash: string, rowHash: string, event: NewConsentEvent): string {
  const rest = omit(event, [...PERSON_IDENTIFIERS, 'chainVersion']);
  return sha256(`seal\n${prevHash}\n${rowHash}\n${canonicalJson(rest)}`);
}
