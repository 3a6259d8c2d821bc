import { canonicalJson } from '../crypto/canonical-json.ts';
import type { NewConsentEvent } from '../db/repositories/consent-events.ts';
import { sha256 } from '../crypto/sha256.ts';

/** The `prev_hash` of a project's first event. */
export const CHAIN_START = '';

/**
 * What a row's link covers besides the previous hash: every stored column of the event, as
 * canonical JSON (absent values left out). The writer makes it once per event, when the batch is
 * checked, before it waits for the project's chain lock (issue 19): under the lock only
 * {@link linkHashOf} is left to do.
 */
export function linkText(event: NewConsentEvent): string {
  return canonicalJson(event);
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
