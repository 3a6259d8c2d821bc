import type { ConsentEventInput } from '../../src/core/types.ts';
import { sha256 } from '../crypto/sha256.ts';

/**
 * The `concordId` of a Privacy API event that names its person by another identifier only.
 * Seed 000 lets an import name a person by `userId`, `email`, … alone, but seed 001's record
 * requires a `concordId`: it is derived from the project and the identifier, so the same person
 * gets the same id on every import and can be found again with the `concordId` filter.
 */
export function personConcordId(projectId: string, item: ConsentEventInput): string {
  if (item.concordId !== undefined) return item.concordId.toLowerCase();
  const [kind, value] =
    item.userId !== undefined
      ? ['userId', item.userId]
      : item.projectUserId !== undefined
        ? ['projectUserId', item.projectUserId]
        : item.email !== undefined
          ? ['email', item.email.toLowerCase()]
          : ['phoneNumber', item.phoneNumber ?? ''];
  const hex = sha256(`${projectId}\n${kind}\n${value}`);
  // Shaped as an RFC 9562 name-based uuid (version 8, variant 10) so every uuid check accepts it.
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
