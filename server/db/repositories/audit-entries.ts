import { randomUUID } from 'node:crypto';
import type { Queryable } from '../database.ts';
import { toIso } from './timestamp.ts';

/** One line of the audit log (migration 075): who did what to a person's data or a request. */
export interface AuditEntry {
  id: string;
  organizationId: string;
  projectId?: string;
  /** `member:<id>`, `api-key`, `visitor`, `system`. */
  actor: string;
  /** `person.erased`, `person.exported`, `retention.purged`, `privacy_request.<status>`, … */
  action: string;
  /** What it was about: a request id, a kind of identifier (never its value), a month. */
  subject?: string;
  detail: Record<string, unknown>;
  createdAt: string;
}

export async function insertAuditEntry(
  db: Queryable,
  entry: Omit<AuditEntry, 'id' | 'createdAt'> & { createdAt: Date },
): Promise<AuditEntry> {
  const id = randomUUID();
  await db.query(
    `insert into audit_entries (id, organization_id, project_id, actor, action, subject, detail,
       created_at)
     values ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8)`,
    [
      id,
      entry.organizationId,
      entry.projectId ?? null,
      entry.actor,
      entry.action,
      entry.subject ?? null,
      JSON.stringify(entry.detail),
      entry.createdAt.toISOString(),
    ],
  );
  return { ...entry, id, createdAt: entry.createdAt.toISOString() };
}

/** A project's audit entries, oldest first; with `subject`, only those about it. */
export async function listAuditEntries(
  db: Queryable,
  projectId: string,
  subject?: string,
): Promise<AuditEntry[]> {
  const { rows } = await db.query<{
    id: string;
    organization_id: string;
    project_id: string | null;
    actor: string;
    action: string;
    subject: string | null;
    detail: Record<string, unknown>;
    created_at: Date | string;
  }>(
    `select * from audit_entries where project_id = $1 and ($2::text is null or subject = $2)
      order by created_at, seq`,
    [projectId, subject ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    organizationId: row.organization_id,
    ...(row.project_id !== null && { projectId: row.project_id }),
    actor: row.actor,
    action: row.action,
    ...(row.subject !== null && { subject: row.subject }),
    detail: row.detail,
    createdAt: toIso(row.created_at),
  }));
}
