import type { PersonIdentifier } from '../../src/core/identifiers.ts';
import { linkHash, sealHash } from '../consent-events/chain.ts';
import type { Database } from '../db/database.ts';
import { insertAuditEntry } from '../db/repositories/audit-entries.ts';
import {
  commitmentsCondition,
  listChainRows,
  lockChainHead,
} from '../db/repositories/consent-events.ts';
import { deleteProfileLinks, forgetSessions, insertSeal } from '../db/repositories/people.ts';
import { deletePersonIdentifiers } from '../db/repositories/person-identifiers.ts';
import { findPersonReach } from './person-reach.ts';

/** What an erasure removed (counts only: the answer names no identifier). */
export interface ErasureReport {
  /** Identifiers removed (values and their keys), by kind. */
  identifiers: Partial<Record<PersonIdentifier, number>>;
  /** Visitor ids unlinked from every identifier. */
  concordIds: number;
  profileLinks: number;
  /** Sessions whose IP address and user agent were forgotten. */
  sessions: number;
  /** The person's events: they stay, as anonymous proof. */
  events: number;
  /** Version-1 rows sealed before their identifiers went (migration 075). */
  sealed: number;
  /** Version-1 rows whose hash did not check before the erasure: left unsealed, still broken. */
  unverified: number;
}

/**
 * Erases a person from a project (issue 17): starting from one identifier, every identifier the
 * same events or the same visitor ids name, and every link of those visitor ids. The events
 * stay, append-only, with their states, dates and commitments, so the project's chain and every
 * other person's records still verify; a commitment whose key is gone names nobody.
 *
 * Runs in one transaction that holds the project's chain lock, so that no event of the person is
 * written half before and half after.
 */
export async function erasePerson(
  db: Database,
  request: {
    organizationId: string;
    projectId: string;
    kind: PersonIdentifier;
    value: string;
    actor: string;
    now: Date;
    /** What the audit entry names besides the kind of identifier (a privacy request's id). */
    subject?: string;
  },
): Promise<ErasureReport> {
  const { projectId, now } = request;
  return db.transaction(async (tx) => {
    await lockChainHead(tx, projectId);
    const reach = await findPersonReach(tx, projectId, {
      kind: request.kind,
      value: request.value,
    });
    const { concordIds } = reach;
    const erased = reach.identifiers;
    const commitments = erased.map((row) => row.commitment);

    // Version-1 rows hashed the identifiers in clear: seal what they keep before they go.
    let events = 0;
    let sealed = 0;
    let unverified = 0;
    const where = {
      sql: `(${commitmentsCondition('$4')})
        or e.concord_id in (select value::uuid from jsonb_array_elements_text($5::text::jsonb))`,
      params: [JSON.stringify(commitments), JSON.stringify(concordIds)],
    };
    for (let after = '0'; commitments.length + concordIds.length > 0;) {
      const page = await listChainRows(tx, projectId, after, 1000, where);
      if (page.length === 0) break;
      for (const row of page) {
        after = row.seq;
        events += 1;
        if (row.event.chainVersion !== undefined || row.seal !== undefined) continue;
        if (row.rowHash === null || row.prevHash === null) continue;
        if (linkHash(row.prevHash, row.event) !== row.rowHash) {
          unverified += 1;
          continue;
        }
        await insertSeal(tx, {
          projectId,
          seq: row.seq,
          seal: sealHash(row.prevHash, row.rowHash, row.event),
          createdAt: now,
        });
        sealed += 1;
      }
    }

    await deletePersonIdentifiers(tx, projectId, commitments);
    const profileLinks = await deleteProfileLinks(tx, projectId, concordIds, [
      ...reach.profileLinks,
      ...erased,
    ]);
    const sessions = await forgetSessions(tx, projectId, concordIds);
    const identifiers: ErasureReport['identifiers'] = {};
    for (const row of erased) identifiers[row.kind] = (identifiers[row.kind] ?? 0) + 1;
    const report: ErasureReport = {
      identifiers,
      concordIds: concordIds.length,
      profileLinks,
      sessions,
      events,
      sealed,
      unverified,
    };
    await insertAuditEntry(tx, {
      organizationId: request.organizationId,
      projectId,
      actor: request.actor,
      action: 'person.erased',
      subject: request.subject ?? request.kind,
      detail: { ...report },
      createdAt: now,
    });
    return report;
  });
}
