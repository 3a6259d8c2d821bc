import type { NoticeSnapshot } from '../../../src/core/types.ts';
import type { Queryable } from '../database.ts';
import { toIso } from './timestamp.ts';

/** A notice as a project showed it (migration 070). */
export interface StoredNoticeSnapshot {
  hash: string;
  content: NoticeSnapshot;
  /** What disagreed with the project's config when it was first received; empty when nothing. */
  problems: string[];
  createdAt: string;
}

/** Stores snapshots not stored yet; a hash already stored keeps its first content (the same). */
export async function insertNoticeSnapshots(
  db: Queryable,
  projectId: string,
  snapshots: Omit<StoredNoticeSnapshot, 'createdAt'>[],
  at: string,
): Promise<void> {
  if (snapshots.length === 0) return;
  await db.query(
    `insert into notice_snapshots (project_id, hash, content, problems, created_at)
     select $1::uuid, x.hash, x.content, x.problems, $3::timestamptz
       from jsonb_to_recordset($2::text::jsonb) as x(hash text, content jsonb, problems jsonb)
     on conflict (project_id, hash) do nothing`,
    [projectId, JSON.stringify(snapshots), at],
  );
}

/** Which of `hashes` the project has stored. */
export async function findKnownSnapshotHashes(
  db: Queryable,
  projectId: string,
  hashes: string[],
): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const { rows } = await db.query<{ hash: string }>(
    `select hash from notice_snapshots
      where project_id = $1 and hash in (select jsonb_array_elements_text($2::text::jsonb))`,
    [projectId, JSON.stringify(hashes)],
  );
  return new Set(rows.map((row) => row.hash));
}

export async function findNoticeSnapshot(
  db: Queryable,
  projectId: string,
  hash: string,
): Promise<StoredNoticeSnapshot | undefined> {
  const { rows } = await db.query<{
    hash: string;
    content: NoticeSnapshot;
    problems: string[];
    created_at: Date | string;
  }>(
    'select hash, content, problems, created_at from notice_snapshots where project_id = $1 and hash = $2',
    [projectId, hash],
  );
  const row = rows[0];
  return (
    row && {
      hash: row.hash,
      content: row.content,
      problems: row.problems,
      createdAt: toIso(row.created_at),
    }
  );
}
