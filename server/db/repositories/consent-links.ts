import type { Queryable } from '../database.ts';
import { toIso } from './timestamp.ts';

/** A consent link (seed 004): one person, one collection point, until `expiresAt`. */
export interface ConsentLink {
  /** Seed 004's `event_id`. */
  id: string;
  requestId: string;
  organizationId: string;
  projectId: string;
  collectionPointId: string;
  /** E.164. */
  phone: string;
  email: string | null;
  createdBy: string;
  dataCollectionTimestamp: string;
  expiresAt: string;
  createdAt: string;
}

/** What happened to a link, in order. */
export type LinkAuditKind =
  'created' | 'email_sent' | 'email_failed' | 'opened' | 'decision' | 'expired_open';

export interface LinkAuditEntry {
  kind: LinkAuditKind;
  at: string;
  detail: Record<string, unknown>;
}

interface Row {
  id: string;
  request_id: string;
  organization_id: string;
  project_id: string;
  collection_point_id: string;
  phone: string;
  email: string | null;
  created_by: string;
  data_collection_timestamp: Date | string;
  expires_at: Date | string;
  created_at: Date | string;
}

const COLUMNS = `id, request_id, organization_id, project_id, collection_point_id, phone, email,
  created_by, data_collection_timestamp, expires_at, created_at`;

const toLink = (row: Row): ConsentLink => ({
  id: row.id,
  requestId: row.request_id,
  organizationId: row.organization_id,
  projectId: row.project_id,
  collectionPointId: row.collection_point_id,
  phone: row.phone,
  email: row.email,
  createdBy: row.created_by,
  dataCollectionTimestamp: toIso(row.data_collection_timestamp),
  expiresAt: toIso(row.expires_at),
  createdAt: toIso(row.created_at),
});

/** Inserts a link and its `created` audit row in one transaction of the caller's. */
export async function insertConsentLink(
  db: Queryable,
  link: ConsentLink,
  detail: Record<string, unknown>,
): Promise<void> {
  await db.query(
    `insert into consent_links (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      link.id,
      link.requestId,
      link.organizationId,
      link.projectId,
      link.collectionPointId,
      link.phone,
      link.email,
      link.createdBy,
      link.dataCollectionTimestamp,
      link.expiresAt,
      link.createdAt,
    ],
  );
  await appendLinkAudit(db, link.id, 'created', new Date(link.createdAt), detail);
}

export async function appendLinkAudit(
  db: Queryable,
  linkId: string,
  kind: LinkAuditKind,
  at: Date,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.query(
    `insert into consent_link_audit (link_id, kind, at, detail) values ($1, $2, $3, $4::text::jsonb)`,
    [linkId, kind, at.toISOString(), JSON.stringify(detail)],
  );
}

export async function findConsentLink(db: Queryable, id: string): Promise<ConsentLink | undefined> {
  const { rows } = await db.query<Row>(`select ${COLUMNS} from consent_links where id = $1`, [id]);
  return rows[0] && toLink(rows[0]);
}

export async function listLinkAudit(db: Queryable, linkId: string): Promise<LinkAuditEntry[]> {
  const { rows } = await db.query<{ kind: LinkAuditKind; at: Date | string; detail: object }>(
    'select kind, at, detail from consent_link_audit where link_id = $1 order by id',
    [linkId],
  );
  return rows.map((row) => ({
    kind: row.kind,
    at: toIso(row.at),
    detail: row.detail as Record<string, unknown>,
  }));
}

/** An organization's links, newest first, with the last audit step of each. */
export async function listConsentLinks(
  db: Queryable,
  organizationId: string,
  limit: number,
): Promise<(ConsentLink & { lastStep: LinkAuditKind; collectionPointDisplayId: string })[]> {
  const { rows } = await db.query<Row & { last_step: LinkAuditKind; display_id: string }>(
    `select ${COLUMNS.replace(/(\w+)/g, 'l.$1')}, p.display_id,
            (select kind from consent_link_audit a where a.link_id = l.id
              order by a.id desc limit 1) as last_step
       from consent_links l join collection_points p on p.id = l.collection_point_id
      where l.organization_id = $1 order by l.created_at desc, l.id limit $2`,
    [organizationId, limit],
  );
  return rows.map((row) => ({
    ...toLink(row),
    lastStep: row.last_step,
    collectionPointDisplayId: row.display_id,
  }));
}

export async function findDefaultCallingCode(db: Queryable, organizationId: string) {
  const { rows } = await db.query<{ default_calling_code: string }>(
    'select default_calling_code from organizations where id = $1',
    [organizationId],
  );
  return rows[0]?.default_calling_code;
}

export async function setDefaultCallingCode(db: Queryable, organizationId: string, code: string) {
  await db.query('update organizations set default_calling_code = $2 where id = $1', [
    organizationId,
    code,
  ]);
}

/** Message-IDs of the mails sent for an organization's links (the demo's mail view). */
export async function listSentMessageIds(db: Queryable, organizationId: string): Promise<string[]> {
  const { rows } = await db.query<{ message_id: string }>(
    `select a.detail->>'message_id' as message_id
       from consent_link_audit a join consent_links l on l.id = a.link_id
      where l.organization_id = $1 and a.kind = 'email_sent'`,
    [organizationId],
  );
  return rows.map((row) => row.message_id);
}
