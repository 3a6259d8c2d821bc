import type { Queryable } from '../database.ts';
import { toIso } from './timestamp.ts';

export const PRIVACY_REQUEST_KINDS = ['access', 'export', 'correct', 'delete', 'opt_out'] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

export const PRIVACY_REQUEST_STATUSES = [
  'received',
  'verified',
  'in_progress',
  'completed',
  'refused',
] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];

/** A privacy request as the Privacy API shows it (migration 077). */
export interface PrivacyRequest {
  id: string;
  organizationId: string;
  projectId: string;
  kind: PrivacyRequestKind;
  /** Absent once a completed delete request erased it. */
  email?: string;
  concordId?: string;
  details?: string;
  geography: string;
  language?: string;
  status: PrivacyRequestStatus;
  note?: string;
  dueAt: string;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  organization_id: string;
  project_id: string;
  kind: PrivacyRequestKind;
  email: string | null;
  concord_id: string | null;
  details: string | null;
  geography: string;
  language: string | null;
  status: PrivacyRequestStatus;
  note: string | null;
  due_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
  code_hash: string | null;
  code_expires_at: Date | string | null;
  code_attempts: number;
}

function toRequest(row: Row): PrivacyRequest {
  return {
    id: row.id,
    organizationId: row.organization_id,
    projectId: row.project_id,
    kind: row.kind,
    ...(row.email !== null && { email: row.email }),
    ...(row.concord_id !== null && { concordId: row.concord_id }),
    ...(row.details !== null && { details: row.details }),
    geography: row.geography,
    ...(row.language !== null && { language: row.language }),
    status: row.status,
    ...(row.note !== null && { note: row.note }),
    dueAt: toIso(row.due_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export async function insertPrivacyRequest(
  db: Queryable,
  request: Omit<PrivacyRequest, 'status' | 'updatedAt' | 'note'> & {
    codeHash: string;
    codeExpiresAt: string;
  },
): Promise<void> {
  await db.query(
    `insert into privacy_requests (id, organization_id, project_id, kind, email, concord_id,
       details, geography, language, code_hash, code_expires_at, due_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
    [
      request.id,
      request.organizationId,
      request.projectId,
      request.kind,
      request.email ?? null,
      request.concordId ?? null,
      request.details ?? null,
      request.geography,
      request.language ?? null,
      request.codeHash,
      request.codeExpiresAt,
      request.dueAt,
      request.createdAt,
    ],
  );
}

/** A project's request with its verification state; `undefined` when not in that project. */
export async function findPrivacyRequest(
  db: Queryable,
  projectId: string,
  id: string,
  lock = false,
): Promise<
  (PrivacyRequest & { codeHash?: string; codeExpiresAt?: string; codeAttempts: number }) | undefined
> {
  const { rows } = await db.query<Row>(
    `select * from privacy_requests where project_id = $1 and id = $2${lock ? ' for update' : ''}`,
    [projectId, id],
  );
  const row = rows[0];
  return (
    row && {
      ...toRequest(row),
      ...(row.code_hash !== null && { codeHash: row.code_hash }),
      ...(row.code_expires_at !== null && { codeExpiresAt: toIso(row.code_expires_at) }),
      codeAttempts: row.code_attempts,
    }
  );
}

/** A project's requests, oldest first; with `status`, only those; with `email`, only theirs. */
export async function listPrivacyRequests(
  db: Queryable,
  projectId: string,
  filter: { status?: PrivacyRequestStatus; email?: string } = {},
): Promise<PrivacyRequest[]> {
  const { rows } = await db.query<Row>(
    `select * from privacy_requests
      where project_id = $1 and ($2::text is null or status = $2)
        and ($3::text is null or lower(email) = lower($3))
      order by created_at, id limit 1000`,
    [projectId, filter.status ?? null, filter.email ?? null],
  );
  return rows.map(toRequest);
}

/** Counts a wrong code; answers the attempts so far. */
export async function countCodeAttempt(db: Queryable, id: string): Promise<number> {
  const { rows } = await db.query<{ code_attempts: number }>(
    `update privacy_requests set code_attempts = code_attempts + 1 where id = $1
     returning code_attempts`,
    [id],
  );
  return rows[0]?.code_attempts ?? 0;
}

/** Moves a request to `status` with a note; `eraseEmail` forgets the requester's email. */
export async function updatePrivacyRequest(
  db: Queryable,
  id: string,
  change: { status: PrivacyRequestStatus; note?: string; at: Date; eraseEmail?: boolean },
): Promise<void> {
  await db.query(
    `update privacy_requests
        set status = $2, note = coalesce($3, note), updated_at = $4,
            code_hash = case when $2 = 'received' then code_hash else null end,
            email = case when $5 then null else email end
      where id = $1`,
    [id, change.status, change.note ?? null, change.at.toISOString(), change.eraseEmail ?? false],
  );
}

/** The geography the server saw for a session (`sessions.geography`). */
export async function findSessionGeography(
  db: Queryable,
  projectId: string,
  sessionId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ geography: string }>(
    'select geography from sessions where project_id = $1 and id = $2',
    [projectId, sessionId],
  );
  return rows[0]?.geography;
}
