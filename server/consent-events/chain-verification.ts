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

/** One project's chain, verified: what `verifyProjectChain` answers. */
export interface ProjectChainReport {
  events: number;
  unchained: number;
  /** Of `events`, version-1 rows whose identifiers were erased, checked by their seal. */
  sealed?: number;
  /** Whether the chain starts at a retention checkpoint. */
  checkpoint?: boolean;
  broken?: BrokenLink;
}

export interface ProjectChainOptions {
  /** Rows per query: memory stays flat whatever the project's size. */
  pageSize?: number;
  /**
   * Verify up to this head, read before the first page, so that a server that keeps writing
   * while the check runs is not mistaken for a broken one: rows after it are newer writes (the
   * writer moves the head in the transaction that inserts the rows, under the head's lock).
   * Without it the head is read at the end and must be the last row.
   */
  upTo?: { seq: string; hash: string };
  /** Called after each page with the rows checked so far (the console's progress). */
  onPage?: (checked: number) => void | Promise<void>;
}

/**
 * Recomputes one project's hash chain, a page of rows at a time, and reports the first broken
 * link: a row whose content no longer gives its hash (edited), whose `prev_hash` is not the
 * previous row's hash (removed or inserted rows), or a head that is not the last row (rows
 * removed at the end). After a retention purge the chain starts at the checkpoint's hash; an
 * erased version-1 row is checked by its seal; every identifier against its commitment.
 */
export async function verifyProjectChain(
  db: Queryable,
  projectId: string,
  { pageSize = 1000, upTo, onPage }: ProjectChainOptions = {},
): Promise<ProjectChainReport> {
  const report: ProjectChainReport = { events: 0, unchained: 0 };
  const checkpoint = await findChainCheckpoint(db, projectId);
  if (checkpoint) report.checkpoint = true;
  let prev: string | undefined = checkpoint?.hash;
  let lastSeq = checkpoint?.seq ?? '0';
  pages: for (;;) {
    const page = await listChainRows(db, projectId, lastSeq, pageSize);
    if (page.length === 0) break;
    for (const row of page) {
      if (upTo && BigInt(row.seq) > BigInt(upTo.seq)) break pages;
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
    await onPage?.(report.events + report.unchained);
    if (page.length < pageSize) break;
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
  const head = upTo ?? (await findChainHead(db, projectId));
  if (prev !== undefined && (!head || head.hash !== prev || head.seq !== lastSeq)) {
    report.broken = {
      projectId,
      reason: `the chain head (seq ${head?.seq ?? 'none'}) is not the last row (seq ${lastSeq}): rows were removed at the end`,
    };
  }
  return report;
}

/** Recomputes every project's hash chain (`npm run verify`) and stops at the first broken link. */
export async function verifyChains(db: Queryable, pageSize = 1000): Promise<ChainReport> {
  const report: ChainReport = { projects: 0, events: 0, unchained: 0 };
  for (const projectId of await listChainedProjects(db)) {
    report.projects += 1;
    const project = await verifyProjectChain(db, projectId, { pageSize });
    report.events += project.events;
    report.unchained += project.unchained;
    if (project.sealed) report.sealed = (report.sealed ?? 0) + project.sealed;
    if (project.checkpoint) report.checkpoints = (report.checkpoints ?? 0) + 1;
    if (project.broken) {
      report.broken = project.broken;
      return report;
    }
  }
  return report;
}
