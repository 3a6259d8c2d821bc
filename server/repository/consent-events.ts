import { isIPv4 } from 'node:net';
import type { ConsentEventRecord, PersonIdentifiers } from '../../src/core/types.ts';
import type { Queryable } from '../db/database.ts';
import { toIso } from './timestamp.ts';

/** A consent event about to be inserted; dates are ISO 8601 strings. */
export interface NewConsentEvent {
  id: string;
  projectId: string;
  organizationId: string;
  concordId?: string;
  userId?: string;
  email?: string;
  phoneNumber?: string;
  projectUserId?: string;
  consentTypeId: string;
  version: number;
  category: string;
  subcategory?: unknown;
  label: string;
  consentState: string;
  consentAction: string;
  consentDate: string;
  expirationDate: string;
  sessionId?: string;
  bodyHash: string;
  createdAt: string;
}

/** A stored event: its API record plus what the server keeps beside it. */
export interface StoredConsentEvent {
  /** Insertion order, for cursors. A decimal string: `bigint` does not fit a JS number. */
  seq: string;
  bodyHash: string;
  record: ConsentEventRecord;
  /** Identifiers besides `concordId`: stored and exported, but not part of seed 001's record. */
  person: Omit<PersonIdentifiers, 'concordId'>;
}

interface ConsentEventRow {
  seq: string;
  id: string;
  project_id: string;
  organization_id: string;
  concord_id: string | null;
  user_id: string | null;
  email: string | null;
  phone_number: string | null;
  project_user_id: string | null;
  consent_type_id: string;
  version: number;
  category: ConsentEventRecord['category'];
  subcategory: unknown;
  label: string;
  consent_state: ConsentEventRecord['consentState'];
  consent_action: ConsentEventRecord['consentAction'];
  consent_date: Date;
  expiration_date: Date;
  body_hash: string;
  created_at: Date;
  session_id: string | null;
  session_ip_address: string | null;
  session_domain: string | null;
  session_geography: string | null;
  session_user_agent: string | null;
}

const COLUMNS = `e.seq::text as seq, e.id, e.project_id, e.organization_id, e.concord_id,
  e.user_id, e.email, e.phone_number, e.project_user_id,
  e.consent_type_id, e.version, e.category, e.subcategory, e.label, e.consent_state,
  e.consent_action, e.consent_date, e.expiration_date, e.body_hash, e.created_at, e.session_id,
  s.ip_address as session_ip_address, s.domain as session_domain,
  s.geography as session_geography, s.user_agent as session_user_agent`;

function toStored(row: ConsentEventRow): StoredConsentEvent {
  const created = toIso(row.created_at);
  const session: NonNullable<ConsentEventRecord['session']> | undefined = row.session_id
    ? {
        id: row.session_id,
        // Seed 001 types `ipAddress` as ipv4: an IPv6 peer is left out rather than mistyped.
        ...(row.session_ip_address !== null &&
          isIPv4(row.session_ip_address) && { ipAddress: row.session_ip_address }),
        ...(row.session_domain !== null && { domain: row.session_domain }),
        ...(row.session_geography !== null && { geography: row.session_geography }),
        ...(row.session_user_agent !== null && { userAgent: row.session_user_agent }),
      }
    : undefined;
  return {
    seq: row.seq,
    bodyHash: row.body_hash,
    record: {
      id: row.id,
      // Site API events always carry the visitor's id; the column is nullable for imports.
      concordId: row.concord_id ?? '',
      consentAction: row.consent_action,
      consentDate: toIso(row.consent_date),
      consentState: row.consent_state,
      expirationDate: toIso(row.expiration_date),
      dateCreated: created,
      // Events are append-only, so they are never updated after creation.
      dateUpdated: created,
      consentType: row.consent_type_id,
      organization: row.organization_id,
      project: row.project_id,
      ...(session && { session }),
      ...(row.category !== null && { category: row.category }),
      ...(row.subcategory !== null && { subcategory: row.subcategory }),
      label: row.label,
      version: row.version,
    },
    person: {
      ...(row.user_id !== null && { userId: row.user_id }),
      ...(row.email !== null && { email: row.email }),
      ...(row.phone_number !== null && { phoneNumber: row.phone_number }),
      ...(row.project_user_id !== null && { projectUserId: row.project_user_id }),
    },
  };
}

/**
 * Inserts the event unless `(project, id)` is taken. Returns the stored event, or `undefined`
 * when the id was already there (the caller compares body hashes).
 */
export async function insertConsentEvent(
  db: Queryable,
  event: NewConsentEvent,
): Promise<StoredConsentEvent | undefined> {
  const { rows } = await db.query<ConsentEventRow>(
    `with e as (
       insert into consent_events (id, project_id, organization_id, concord_id, user_id, email,
         phone_number, project_user_id, consent_type_id, version, category, subcategory, label,
         consent_state, consent_action, consent_date, expiration_date, session_id, body_hash,
         created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13, $14, $15, $16,
               $17, $18, $19, $20)
       on conflict (project_id, id) do nothing
       returning *
     )
     select ${COLUMNS} from e left join sessions s on s.id = e.session_id`,
    [
      event.id,
      event.projectId,
      event.organizationId,
      event.concordId ?? null,
      event.userId ?? null,
      event.email ?? null,
      event.phoneNumber ?? null,
      event.projectUserId ?? null,
      event.consentTypeId,
      event.version,
      event.category,
      event.subcategory === undefined ? null : JSON.stringify(event.subcategory),
      event.label,
      event.consentState,
      event.consentAction,
      event.consentDate,
      event.expirationDate,
      event.sessionId ?? null,
      event.bodyHash,
      event.createdAt,
    ],
  );
  return rows[0] && toStored(rows[0]);
}

export async function findConsentEvent(
  db: Queryable,
  projectId: string,
  id: string,
): Promise<StoredConsentEvent | undefined> {
  const { rows } = await db.query<ConsentEventRow>(
    `select ${COLUMNS} from consent_events e left join sessions s on s.id = e.session_id
      where e.project_id = $1 and e.id = $2`,
    [projectId, id],
  );
  return rows[0] && toStored(rows[0]);
}

/** Filters of the Privacy API's event list; all optional, combined with "and". */
export interface ConsentEventFilter {
  consentType?: string;
  label?: string;
  consentState?: string;
  concordId?: string;
  userId?: string;
  email?: string;
  phoneNumber?: string;
  projectUserId?: string;
  /** Inclusive lower bound on `consentDate` (ISO 8601). */
  from?: string;
  /** Exclusive upper bound on `consentDate` (ISO 8601). */
  to?: string;
}

/** One page of a project's events in insertion order, starting after `afterSeq`. */
export async function listConsentEvents(
  db: Queryable,
  query: { projectId: string; afterSeq?: string; limit: number; filter: ConsentEventFilter },
): Promise<StoredConsentEvent[]> {
  const params: unknown[] = [query.projectId];
  const where = ['e.project_id = $1'];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  const { filter } = query;
  if (query.afterSeq !== undefined) add((p) => `e.seq > ${p}::bigint`, query.afterSeq);
  if (filter.consentType !== undefined) add((p) => `e.consent_type_id = ${p}`, filter.consentType);
  if (filter.label !== undefined) add((p) => `e.label = ${p}`, filter.label);
  if (filter.consentState !== undefined) add((p) => `e.consent_state = ${p}`, filter.consentState);
  if (filter.concordId !== undefined) add((p) => `e.concord_id = ${p}`, filter.concordId);
  if (filter.userId !== undefined) add((p) => `e.user_id = ${p}`, filter.userId);
  if (filter.email !== undefined) add((p) => `lower(e.email) = ${p}`, filter.email.toLowerCase());
  if (filter.phoneNumber !== undefined) add((p) => `e.phone_number = ${p}`, filter.phoneNumber);
  if (filter.projectUserId !== undefined) {
    add((p) => `e.project_user_id = ${p}`, filter.projectUserId);
  }
  if (filter.from !== undefined) add((p) => `e.consent_date >= ${p}::timestamptz`, filter.from);
  if (filter.to !== undefined) add((p) => `e.consent_date < ${p}::timestamptz`, filter.to);
  params.push(query.limit);
  const { rows } = await db.query<ConsentEventRow>(
    `select ${COLUMNS} from consent_events e left join sessions s on s.id = e.session_id
      where ${where.join(' and ')} order by e.seq limit $${params.length}`,
    params,
  );
  return rows.map(toStored);
}
