import { addDuration, parseDuration } from '../../src/core/duration.ts';
import type { Database } from '../db/database.ts';
import { insertAuditEntry } from '../db/repositories/audit-entries.ts';
import { lockChainHead } from '../db/repositories/consent-events.ts';
import { DEFAULT_RETENTION } from '../db/repositories/projects.ts';
import {
  deleteEventsBefore,
  deleteUnusedIdentifiers,
  dropPartition,
  insertCheckpoint,
  listEmptyPartitions,
  listProjectMonths,
  listProjectRetentions,
  type ProjectMonth,
} from '../db/repositories/retention.ts';
import { CHAIN_START } from './chain.ts';

/** What a purge removed from one project. */
export interface ProjectPurge {
  projectId: string;
  /** Events removed. */
  removed: number;
  /** The months (`2025-03`, UTC) removed whole. */
  months: string[];
  /** Identifiers no remaining event names, removed with their keys. */
  identifiers: number;
  /** The checkpoint written: the last removed row's seq and hash, where verification starts. */
  checkpoint?: { seq: string; hash: string };
}

export interface PurgeReport {
  /** Projects that lost events (the others are left out). */
  projects: ProjectPurge[];
  removed: number;
  /** Monthly partitions left empty by every project and dropped whole. */
  partitionsDropped: string[];
}

/**
 * The months of a project that may go: a month goes when it has ended and every one of its
 * events expired at least `retention` ago, and only from the oldest on (the chain can lose its
 * start, never a stretch of its middle). A month whose rows are not all before the next one's
 * in chain order (clocks of several instances) stops the run there.
 */
export function expiredMonths(
  months: ProjectMonth[],
  retention: string,
  now: Date,
): ProjectMonth[] {
  const duration = parseDuration(retention) ?? parseDuration(DEFAULT_RETENTION)!;
  const expired: ProjectMonth[] = [];
  for (const [index, month] of months.entries()) {
    if (new Date(month.end) > now) break;
    if (addDuration(new Date(month.lastExpiration), duration) > now) break;
    const next = months[index + 1];
    if (next && BigInt(month.maxSeq) >= BigInt(next.minSeq)) break;
    expired.push(month);
  }
  return expired;
}

/**
 * The retention purge (issue 17, `npm run admin -- purge`, and daily in `npm start`): removes
 * each project's expired months in one transaction per project (holding the chain lock, the
 * append-only trigger lifted for that transaction only), writes a checkpoint with the last
 * removed row's hash so that what remains still verifies from there, and drops a monthly
 * partition whole once no project has rows in it. Idempotent: a second run finds nothing more.
 * `dryRun` reports what would go and changes nothing.
 */
export async function purgeExpired(
  db: Database,
  { now, dryRun = false }: { now: Date; dryRun?: boolean },
): Promise<PurgeReport> {
  const report: PurgeReport = { projects: [], removed: 0, partitionsDropped: [] };
  for (const project of await listProjectRetentions(db)) {
    const months = await listProjectMonths(db, project.id);
    const expired = expiredMonths(months, project.retention, now);
    if (expired.length === 0) continue;
    const before = expired.at(-1)!.end;
    if (dryRun) {
      const removed = expired.reduce((sum, month) => sum + month.rows, 0);
      report.projects.push({
        projectId: project.id,
        removed,
        months: expired.map((month) => month.month),
        identifiers: 0,
      });
      report.removed += removed;
      continue;
    }
    const purge = await db.transaction(async (tx) => {
      await lockChainHead(tx, project.id);
      const deleted = await deleteEventsBefore(tx, project.id, before);
      const identifiers = await deleteUnusedIdentifiers(tx, project.id, deleted.commitments);
      const checkpoint = { seq: deleted.lastSeq, hash: deleted.lastHash ?? CHAIN_START };
      const monthNames = expired.map((month) => month.month);
      await insertCheckpoint(tx, {
        projectId: project.id,
        ...checkpoint,
        removed: deleted.removed,
        months: monthNames,
        createdAt: now,
      });
      await insertAuditEntry(tx, {
        organizationId: project.organizationId,
        projectId: project.id,
        actor: 'system',
        action: 'retention.purged',
        subject: `${monthNames[0]}..${monthNames.at(-1)}`,
        detail: { removed: deleted.removed, months: monthNames, identifiers, checkpoint },
        createdAt: now,
      });
      return {
        projectId: project.id,
        removed: deleted.removed,
        months: monthNames,
        identifiers,
        checkpoint,
      };
    });
    report.projects.push(purge);
    report.removed += purge.removed;
  }
  if (!dryRun) {
    // A month this instance may still write into (this one, the next) is never dropped.
    const thisMonth = now.toISOString().slice(0, 7).replace('-', '_');
    for (const name of await listEmptyPartitions(db)) {
      if (name.slice('consent_events_'.length) >= thisMonth) continue;
      await dropPartition(db, name);
      report.partitionsDropped.push(name);
    }
  }
  return report;
}
