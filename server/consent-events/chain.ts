import { canonicalJson } from '../crypto/canonical-json.ts';
import type { NewConsentEvent } from '../db/repositories/consent-events.ts';
import { sha256 } from '../crypto/sha256.ts';

/** The `prev_hash` of a project's first event. */
export const CHAIN_START = '';

/**
 * The hash a row stores: sha-256 over the previous row's hash and every stored column of this
 * one (as canonical JSON, absent values left out), so that changing, removing or reordering any
 * event breaks every link after it.
 */
export function linkHash(prevHash: string, event: NewConsentEvent): string {
  return sha256(`${prevHash}\n${canonicalJson(event)}`);
}
