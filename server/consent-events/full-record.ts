import type { ConsentEventRecord, ConsentProof, PersonIdentifiers } from '../../src/core/types.ts';
import type { StoredConsentEvent } from '../db/repositories/consent-events.ts';

/**
 * An event with what the server keeps beside seed 001's record (whose schema is closed): the
 * person's other identifiers, the surface, the caller's metadata and the proof. The Privacy API lists it
 * with `?view=full`; webhooks send it as their `data`.
 */
export type FullConsentEventRecord = ConsentEventRecord &
  Omit<PersonIdentifiers, 'concordId'> & {
    surface?: string;
    metadata?: Record<string, unknown>;
    /** What the person saw (issue 17); its snapshot is `GET …/notice-snapshots/{noticeHash}`. */
    proof?: ConsentProof;
  };

export function fullRecord(stored: StoredConsentEvent): FullConsentEventRecord {
  return {
    ...stored.record,
    ...stored.person,
    ...(stored.surface !== undefined && { surface: stored.surface }),
    ...(stored.metadata !== undefined && { metadata: stored.metadata }),
    ...(stored.proof !== undefined && { proof: stored.proof }),
  };
}
