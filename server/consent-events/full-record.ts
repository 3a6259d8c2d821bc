import type { ConsentEventRecord, PersonIdentifiers } from '../../src/core/types.ts';
import type { StoredConsentEvent } from '../db/repositories/consent-events.ts';

/**
 * An event with what the server keeps beside seed 001's record (whose schema is closed): the
 * person's other identifiers, the surface and the caller's metadata. The Privacy API lists it
 * with `?view=full`; webhooks send it as their `data`.
 */
export type FullConsentEventRecord = ConsentEventRecord &
  Omit<PersonIdentifiers, 'concordId'> & { surface?: string; metadata?: Record<string, unknown> };

export function fullRecord(stored: StoredConsentEvent): FullConsentEventRecord {
  return {
    ...stored.record,
    ...stored.person,
    ...(stored.surface !== undefined && { surface: stored.surface }),
    ...(stored.metadata !== undefined && { metadata: stored.metadata }),
  };
}
