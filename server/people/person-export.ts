import type { PersonIdentifier } from '../../src/core/identifiers.ts';
import type { Queryable } from '../db/database.ts';
import { listPersonEvents, type StoredConsentEvent } from '../db/repositories/consent-events.ts';
import type { StoredProfileLink } from '../db/repositories/people.ts';
import { findPersonReach, type PersonQuery } from './person-reach.ts';
import { listPrivacyRequests, type PrivacyRequest } from '../db/repositories/privacy-requests.ts';
import { fullRecord, type FullConsentEventRecord } from '../consent-events/full-record.ts';

export type { PersonQuery };

/** An exported event: its full record and its place in the chain. */
export type ExportedPersonEvent = FullConsentEventRecord & {
  seq: string;
  bodyHash: string;
  prevHash: string | null;
  rowHash: string | null;
  chainVersion?: 2;
  identifierCommitments?: Partial<Record<PersonIdentifier, string>>;
  clientConsentDate?: string;
};

/** Everything a project holds about a person (`GET …/people/export`). */
export interface PersonExport {
  /** The identifiers the project holds for the person (none once erased). */
  identifiers: { kind: PersonIdentifier; value: string }[];
  /** The visitor ids (browsers) linked to the person. */
  concordIds: string[];
  profileLinks: StoredProfileLink[];
  events: ExportedPersonEvent[];
  /** The privacy requests filed with one of the person's emails. */
  privacyRequests: PrivacyRequest[];
}

function exported(event: StoredConsentEvent): ExportedPersonEvent {
  return {
    ...fullRecord(event),
    seq: event.seq,
    bodyHash: event.bodyHash,
    prevHash: event.prevHash,
    rowHash: event.rowHash,
    ...(event.chainVersion !== undefined && { chainVersion: event.chainVersion }),
    ...(event.identifierCommitments !== undefined && {
      identifierCommitments: event.identifierCommitments,
    }),
    ...(event.clientConsentDate !== undefined && { clientConsentDate: event.clientConsentDate }),
  };
}

/**
 * Gathers what a project holds about a person: their reach (`person-reach.ts`: identifiers,
 * visitor ids, links) and every event that names one of the identifiers or was made by one of
 * the visitor ids. The same reach as `erasePerson`, so that what an export shows is what an
 * erasure removes.
 */
export async function exportPerson(
  db: Queryable,
  projectId: string,
  query: PersonQuery,
): Promise<PersonExport> {
  const reach = await findPersonReach(db, projectId, query);
  const commitments = reach.identifiers.map((row) => row.commitment);
  const events: ExportedPersonEvent[] = [];
  if (commitments.length > 0 || reach.concordIds.length > 0) {
    for (let afterSeq = '0'; ;) {
      const page = await listPersonEvents(db, {
        projectId,
        commitments,
        concordIds: reach.concordIds,
        afterSeq,
        limit: 1000,
      });
      if (page.length === 0) break;
      events.push(...page.map(exported));
      afterSeq = page.at(-1)!.seq;
    }
  }
  const emails = new Set(
    [
      ...(query.kind === 'email' ? [query.value] : []),
      ...reach.identifiers.filter((row) => row.kind === 'email').map((row) => row.value),
    ].map((email) => email.toLowerCase()),
  );
  const privacyRequests = new Map<string, PrivacyRequest>();
  for (const email of emails) {
    for (const request of await listPrivacyRequests(db, projectId, { email })) {
      privacyRequests.set(request.id, request);
    }
  }
  return {
    identifiers: reach.identifiers.map(({ kind, value }) => ({ kind, value })),
    concordIds: reach.concordIds,
    profileLinks: reach.profileLinks,
    events,
    privacyRequests: [...privacyRequests.values()],
  };
}
