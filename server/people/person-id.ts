import type { PersonIdentifier } from '../../src/core/identifiers.ts';
import { sha256 } from '../crypto/sha256.ts';

/** The identifiers a derived `concordId` is made from, first found first. */
const DERIVING_ORDER: PersonIdentifier[] = ['userId', 'projectUserId', 'email', 'phoneNumber'];

/**
 * The `concordId` of a Privacy API event that names its person by another identifier only.
 * Seed 000 lets an import name a person by `userId`, `email`, … alone, but seed 001's record
 * requires a `concordId`: it is derived from the project and the identifier's commitment
 * (migration 075; before it, from the identifier in clear), so the same person gets the same id
 * on every import and can be found again with the `concordId` filter, while an erased person's
 * id can no longer be recomputed from their email.
 */
export function personConcordId(
  projectId: string,
  commitments: Partial<Record<PersonIdentifier, string>>,
): string | undefined {
  const kind = DERIVING_ORDER.find((candidate) => commitments[candidate] !== undefined);
  if (kind === undefined) return undefined;
  const hex = sha256(`${projectId}\n${kind}\n${commitments[kind]}`);
  // Shaped as an RFC 9562 name-based uuid (version 8, variant 10) so every uuid check accepts it.
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
