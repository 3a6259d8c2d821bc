import type { Queryable } from '../db/database.ts';
import { CHAIN_START, identifierCommitment, linkHash, sealHash } from './chain.ts';
import { listPersonIdentifierKeys } from '../db/repositories/person-identifiers.ts';
import {
  findChainCheckpoint,
  findChainHead,
  listChainedProjects,
  listChainRows,
} from '../db/repositories/consent-events.ts';

/** Where a project's chain first fails. */
export interface BrokenLink {
  projectId: string;
  /** The row at fault; absent when the rows are sound but the head does not match them. */
  seq?: string;
  id?: string;
  reason: string;
}

export interface ChainReport {
  projects: number;
  /** Events checked (rows written before the chain existed are counted apart). */
  events: number;
  unchained: number;
  /** Of `events`, version-1 rows whose identifiers were erased, checked by their seal. */
  sealed?: number;
  /** Projects whose chain starts at a retention checkpoint (the rows before it were purged). */
  checkpoints?: number;
  /** The first broken link, if any; checking stops there. */
  broken?: BrokenLink;
}

/**
 * Recomputes every project's hash chain, a page of rows at a time (memory stays flat), and
 * reports the first broken link: a row whose content no longer gives its hash (edited), whose
 * `prev_hash` is not the previous row's hash (removed or inserted rows), or a head that is not
 * the last row (rows removed at the end).
 */
export async function verifyChains(db: Queryable, pageSize = 1000): Promise<ChainReport> {
  const report: ChainReport = { projects: 0, events: 0, unchained: 0 };
  for (const projectId of await listChainedProjects(db)) {
    report.projects += 1;
    // After a retention purge the first remaining row links to the checkpoint's hash.
    const checkpoint = await findChainCheckpoint(db, projectId);
    if (checkpoint) report.checkpoints = (report.checkpoints ?? 0) + 1;
    let prev: string | undefined = checkpoint?.hash;
    let lastSeq = checkpoint?.seq ?? '0';
    for (;;) {
      const page = await listChainRows(db, projectId, lastSeq, pageSize);
      if (page.length === 0) break;
      for (const row of page) {
        lastSeq = row.seq;
        const at = { projectId, seq: row.seq, id: row.event.id };
        if (row.rowHash === null) {
          if (prev !== undefined) {
            report.broken = { ...at, reason: 'the row has no hash but follows chained rows' };
            return report;
          }
          report.unchained += 1;
          continue;
        }
        const expectedPrev = prev ?? CHAIN_START;
        if (row.prevHash !== expectedPrev) {
          report.broken = {
            ...at,
            reason: 'prev_hash is not the hash of the previous row (a row was removed or inserted)',
          };
          return report;
        }
        if (row.seal !== undefined && row.event.chainVersion === undefined) {
          // A version-1 row whose identifiers were erased: its seal covers the rest.
          if (sealHash(expectedPrev, row.rowHash, row.event) !== row.seal) {
            report.broken = {
              ...at,
              reason: 'the row content does not match the seal its erasure left (edited)',
            };
            return report;
          }
          report.sealed = (report.sealed ?? 0) + 1;
        } else if (linkHash(expectedPrev, row.event) !== row.rowHash) {
          report.broken = { ...at, reason: 'the row content does not match its hash (edited)' };
          return report;
        }
        prev = row.rowHash;
        report.events += 1;
      }
    }
    // The rows hash commitments (migration 075): each identifier must still be the value its
    // commitment was made from, or an edited email would pass unseen.
    for (let after = ''; ;) {
      const keys = await listPersonIdentifierKeys(db, projectId, after, pageSize);
      if (keys.length === 0) break;
      for (const { kind, value, key, commitment } of keys) {
        if (identifierCommitment(key, kind, value) !== commitment) {
          report.broken = {
            projectId,
            reason: `a ${kind} of person_identifiers is not the value its commitment was made from (edited)`,
          };
          return report;
        }
      }
      after = keys.at(-1)!.commitment;
    }
    const head = await findChainHead(db, projectId);
    if (prev !== undefined && (!head || head.hash !== prev || head.seq !== lastSeq)) {
      report.broken = {
        projectId,
        reason: `the chain head (seq ${head?.seq ?? 'none'}) is not the last row (seq ${lastSeq}): rows were removed at the end`,
      };
      return report;
    }
  }
  return report;
}
