import { isIPv4 } from 'node:net';
import type {
  ConsentEventRecord,
  ConsentProof,
  PersonIdentifiers,
} from '../../../src/core/types.ts';
import { PERSON_IDENTIFIERS, type PersonIdentifier } from '../../../src/core/identifiers.ts';
import type { Queryable } from '../database.ts';
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
  /**
   * The browser's `consentDate` when the server stored its own time instead (issue 22 §2);
   * absent otherwise, so rows without it hash as they did before it existed.
   */
  clientConsentDate?: string;
  sessionId?: string;
  /** Where it was decided (`api`, `import`, …); absent on events of before migration 040. */
  surface?: string;
  /** What the caller sent beside an event's fields (seeds 002 and 003). */
  metadata?: Record<string, unknown>;
  /**
   * What the person saw (issue 17; migration 070), without the snapshot itself (stored once by
   * hash in `notice_snapshots`); absent on older rows, which hash as they did.
   */
  proof?: ConsentProof;
  bodyHash: string;
  createdAt: string;
  /**
   * 2 for rows whose hash covers `identifierCommitments` instead of the identifiers (migration
   * 075, consent-events/chain.ts); absent on version-1 rows.
   */
  chainVersion?: 2;
  /** The commitment to each identifier the event names (`person_identifiers.commitment`). */
  identifierCommitments?: Partial<Record<PersonIdentifier, string>>;
}

/** A stored event: its API record plus what the server keeps beside it. */
export interface StoredConsentEvent {
  /** Insertion order, for cursors. A decimal string: `bigint` does not fit a JS number. */
  seq: string;
  bodyHash: string;
  record: ConsentEventRecord;
  /** Identifiers besides `concordId`: stored and exported, but not part of seed 001's record. */
  person: Omit<PersonIdentifiers, 'concordId'>;
  /** Also outside seed 001's record (its schema is closed). */
  surface?: string;
  metadata?: Record<string, unknown>;
  /** What the person saw (migration 070). */
  proof?: ConsentProof;
  /** The browser's own `consentDate` when the server stored its time instead (migration 036). */
  clientConsentDate?: string;
  /** Its place in the project's hash chain; `null` for rows from before the chain. */
  prevHash: string | null;
  rowHash: string | null;
  /** 2 when the row's hash covers identifier commitments (migration 075). */
  chainVersion?: 2;
  identifierCommitments?: Partial<Record<PersonIdentifier, string>>;
  /** The seal erasure left on a version-1 row (migration 075). */
  seal?: string;
  /**
   * The key of each identifier the event still names, for the NDJSON export: with it a file
   * checked on its own shows that each identifier is the one its commitment stands for.
   */
  identifierKeys?: Partial<Record<PersonIdentifier, string>>;
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
  consent_date: Date | string;
  expiration_date: Date | string;
  body_hash: string;
  created_at: Date | string;
  session_id: string | null;
  surface: string | null;
  metadata: Record<string, unknown> | null;
  proof: ConsentProof | null;
  session_ip_address: string | null;
  session_domain: string | null;
  session_geography: string | null;
  session_user_agent: string | null;
  client_consent_date: Date | string | null;
  prev_hash: string | null;
  row_hash: string | null;
  chain_version: number | null;
  identifier_commitments: Partial<Record<PersonIdentifier, string>> | null;
  seal?: string | null;
  identifier_keys?: Partial<Record<PersonIdentifier, string>> | null;
}

/**
 * An identifier of the event, read back from `person_identifiers` through its commitment
 * (migration 075): null once erased.
 */
const identifierColumn = (kind: PersonIdentifier, column: string) =>
  `(select p.value from person_identifiers p where p.project_id = e.project_id
     and p.commitment = e.identifier_commitments ->> '${kind}') as ${column}`;

/** The four identifier columns, as {@link identifierColumn}s. */
export const IDENTIFIER_COLUMNS = [
  identifierColumn('userId', 'user_id'),
  identifierColumn('email', 'email'),
  identifierColumn('phoneNumber', 'phone_number'),
  identifierColumn('projectUserId', 'project_user_id'),
].join(', ');

const COLUMNS = `e.seq::text as seq, e.id, e.project_id, e.organization_id, e.concord_id,
  ${IDENTIFIER_COLUMNS}, e.chain_version, e.identifier_commitments,
  (select seal from consent_event_seals x where x.project_id = e.project_id and x.seq = e.seq)
    as seal,
  (select jsonb_object_agg(p.kind, p.key) from person_identifiers p
    where p.project_id = e.project_id
      and p.commitment in (select value from jsonb_each_text(e.identifier_commitments)))
    as identifier_keys,
  e.consent_type_id, e.version, e.category, e.subcategory, e.label, e.consent_state,
  e.consent_action, e.consent_date, e.expiration_date, e.body_hash, e.created_at, e.session_id,
  e.surface, e.metadata, e.proof, e.client_consent_date, e.prev_hash, e.row_hash,
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
    ...(row.client_consent_date !== null && {
      clientConsentDate: toIso(row.client_consent_date),
    }),
    prevHash: row.prev_hash,
    rowHash: row.row_hash,
    ...(row.chain_version === 2 && { chainVersion: 2 as const }),
    ...(row.identifier_commitments !== null &&
      row.identifier_commitments !== undefined && {
        identifierCommitments: row.identifier_commitments,
      }),
    ...(row.seal !== null && row.seal !== undefined && { seal: row.seal }),
    ...(row.identifier_keys !== null &&
      row.identifier_keys !== undefined && { identifierKeys: row.identifier_keys }),
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
    ...(row.surface !== null && { surface: row.surface }),
    ...(row.metadata !== null && { metadata: row.metadata }),
    ...(row.proof !== null && { proof: row.proof }),
  };
}

/** An event with its place in its project's hash chain. */
export interface ChainedConsentEvent extends NewConsentEvent {
  prevHash: string;
  rowHash: string;
}

/**
 * Locks the project's chain head until the transaction ends and returns its hash, with the
 * project's `config_version` (migration 030) so that a cached configuration can be checked at no
 * extra round trip: every insert of a project's events goes through here, so they are chained
 * one transaction at a time.
 */
export async function lockChainHead(
  db: Queryable,
  projectId: string,
): Promise<{ hash: string; configVersion: string; webhooks: boolean }> {
  // `on conflict do update` creates the head or locks the existing row. `webhooks`: whether any
  // endpoint of the project wants new events, so that a write makes no payloads for nobody.
  const { rows } = await db.query<{
    head_hash: string;
    config_version: string;
    webhooks: boolean;
  }>(
    `with head as (
       insert into consent_event_chains (project_id) values ($1)
       on conflict (project_id) do update set head_hash = consent_event_chains.head_hash
       returning head_hash
     )
     select head.head_hash, p.config_version::text as config_version,
            exists (select 1 from webhook_endpoints w
                     where w.project_id = $1 and w.deleted_at is null
                       and w.events ? 'consent_event.created') as webhooks
       from head, projects p where p.id = $1`,
    [projectId],
  );
  return {
    hash: rows[0]!.head_hash,
    configVersion: rows[0]!.config_version,
    webhooks: rows[0]!.webhooks,
  };
}

/**
 * Makes sure the monthly partition of `consent_events` holding `at` exists (migration 031): an
 * insert into a month without one would fail.
 */
export async function ensureEventPartition(db: Queryable, at: Date | string): Promise<void> {
  await db.query('select consent_events_ensure_partition($1::timestamptz)', [toIso(at)]);
}

/** The project's head as stored, or `undefined` when it has never had an event. */
export async function findChainHead(
  db: Queryable,
  projectId: string,
): Promise<{ hash: string; seq: string } | undefined> {
  const { rows } = await db.query<{ head_hash: string; head_seq: string }>(
    'select head_hash, head_seq::text as head_seq from consent_event_chains where project_id = $1',
    [projectId],
  );
  return rows[0] && { hash: rows[0].head_hash, seq: rows[0].head_seq };
}

/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) of text, for `$n::text::uuid[]` and the like:
 * one parameter per column that both drivers pass as plain text.
 */
function arrayLiteral<T>(
  items: readonly T[],
  pick: (item: T) => string | number | null | undefined,
): string {
  let out = '{';
  let any = false;
  for (let index = 0; index < items.length; index += 1) {
    const value = pick(items[index]!);
    if (index > 0) out += ',';
    if (value === null || value === undefined) {
      out += 'NULL';
      continue;
    }
    any = true;
    if (typeof value === 'number') out += String(value);
    // Most values (ids, dates, hashes) hold neither: no replace, no regular expression.
    else if (value.includes('"') || value.includes('\\')) {
      out += `"${value.replace(/[\\"]/g, '\\$&')}"`;
    } else out += `"${value}"`;
  }
  // A column of nulls only (say, no event has metadata) goes as an empty array: `unnest` of
  // several arrays pads the shorter ones with nulls, and PostgreSQL parses nothing.
  return any ? `${out}}` : '{}';
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Inserts events in one statement, in the given order (so `seq` follows the chain), and moves
 * the project's chain head to the last of them. Set-based (issue 19): one array parameter per
 * column, `unnest`ed in the given order, so a group of 1,000 events is one statement with 25
 * parameters rather than 25,000 bind parameters or one JSON document parsed row by row. Only
 * `seq` and the session's fields come back; the rest of each record is what was sent.
 */
export async function insertConsentEvents(
  db: Queryable,
  projectId: string,
  events: ChainedConsentEvent[],
): Promise<InsertedConsentEvent[]> {
  const { rows: inserted } = await db.query<{
    seq: string;
    session_ip_address: string | null;
    session_domain: string | null;
    session_geography: string | null;
    session_user_agent: string | null;
  }>(
    `with x as (
       select * from unnest($1::text::uuid[], $2::text::uuid[], $3::text::uuid[], $4::text[],
              $5::text[], $6::text[], $7::text[], $8::text::uuid[], $9::text::integer[],
              $10::text[], $11::text::jsonb[], $12::text[], $13::text[], $14::text[],
              $15::text::timestamptz[], $16::text::timestamptz[], $17::text::timestamptz[],
              $18::text::uuid[], $19::text[], $20::text::jsonb[], $21::text[],
              $22::text::timestamptz[], $23::text[], $24::text[], $27::text::jsonb[],
              $28::text::smallint[], $29::text::jsonb[])
         with ordinality as x(id, organization_id, concord_id, user_id, email, phone_number,
              project_user_id, consent_type_id, version, category, subcategory, label,
              consent_state, consent_action, consent_date, expiration_date, client_consent_date,
              session_id, surface, metadata, body_hash, created_at, prev_hash, row_hash, proof,
              chain_version, identifier_commitments, ord)
     ),
     e as (
       insert into consent_events (id, project_id, organization_id, concord_id, user_id, email,
         phone_number, project_user_id, consent_type_id, version, category, subcategory, label,
         consent_state, consent_action, consent_date, expiration_date, client_consent_date,
         session_id, surface, metadata, proof, body_hash, created_at, prev_hash, row_hash,
         chain_version, identifier_commitments)
       select id, $25::uuid, organization_id, concord_id, user_id, email, phone_number,
              project_user_id, consent_type_id, version, category, subcategory, label,
              consent_state, consent_action, consent_date, expiration_date, client_consent_date,
              session_id, surface, metadata, proof, body_hash, created_at, prev_hash, row_hash,
              chain_version, identifier_commitments
         from x order by ord
       returning project_id, seq, id, session_id, created_at
     ),
     ids as (
       insert into consent_event_ids (project_id, id, seq, created_at)
       select project_id, id, seq, created_at from e
     ),
     head as (
       update consent_event_chains set head_hash = $26, head_seq = (select max(seq) from e)
        where project_id = $25
     )
     select e.seq::text as seq, s.ip_address as session_ip_address,
            s.domain as session_domain, s.geography as session_geography,
            s.user_agent as session_user_agent
       from e left join sessions s on s.project_id = $25 and s.id = e.session_id
      order by e.seq`,
    [
      arrayLiteral(events, (e) => e.id),
      arrayLiteral(events, (e) => e.organizationId),
      arrayLiteral(events, (e) => e.concordId),
      // Version-2 rows keep identifiers in person_identifiers only (migration 075).
      arrayLiteral(events, (e) => (e.chainVersion === 2 ? null : e.userId)),
      arrayLiteral(events, (e) => (e.chainVersion === 2 ? null : e.email)),
      arrayLiteral(events, (e) => (e.chainVersion === 2 ? null : e.phoneNumber)),
      arrayLiteral(events, (e) => (e.chainVersion === 2 ? null : e.projectUserId)),
      arrayLiteral(events, (e) => e.consentTypeId),
      arrayLiteral(events, (e) => e.version),
      arrayLiteral(events, (e) => e.category),
      arrayLiteral(events, (e) => json(e.subcategory)),
      arrayLiteral(events, (e) => e.label),
      arrayLiteral(events, (e) => e.consentState),
      arrayLiteral(events, (e) => e.consentAction),
      arrayLiteral(events, (e) => e.consentDate),
      arrayLiteral(events, (e) => e.expirationDate),
      arrayLiteral(events, (e) => e.clientConsentDate),
      arrayLiteral(events, (e) => e.sessionId),
      arrayLiteral(events, (e) => e.surface),
      arrayLiteral(events, (e) => json(e.metadata)),
      arrayLiteral(events, (e) => e.bodyHash),
      arrayLiteral(events, (e) => e.createdAt),
      arrayLiteral(events, (e) => e.prevHash),
      arrayLiteral(events, (e) => e.rowHash),
      projectId,
      events.at(-1)!.rowHash,
      arrayLiteral(events, (e) => json(e.proof)),
      arrayLiteral(events, (e) => e.chainVersion),
      arrayLiteral(events, (e) => json(e.identifierCommitments)),
    ],
  );
  // `seq` is given in insertion order, so the rows come back in the events' order.
  return events.map((event, index) => ({ event, back: inserted[index]! }));
}

/**
 * Why `consent_events_append` (migration 130) refused a group, by SQLSTATE: the writer then
 * writes the group the long way, in a transaction that handles each case.
 */
export const APPEND_REFUSALS: Readonly<Record<string, string>> = {
  AS001: 'the project changed',
  AS002: 'an endpoint wants the events',
  AS003: 'an id is already recorded',
};

/** A group of events for {@link appendConsentEvents}, all made before the chain lock. */
export interface AppendedGroup {
  /** The `config_version` the events were checked against. */
  configVersion: string;
  /** Whether the caller adds the webhook deliveries in the same transaction. */
  webhooks: boolean;
  /** The ids the callers chose (the server's own are fresh random uuids). */
  clientIds: string[];
  /** Notice snapshots to store with the events (`insertNoticeSnapshots`). */
  snapshots: unknown[];
  /** The rollup counts of the events (`addToRollup`). */
  rollup: unknown[];
  /**
   * The events, as chain version 2 stores them, without person identifiers; each gets its
   * `prevHash` and `rowHash` once stored.
   */
  events: NewConsentEvent[];
  /**
   * Each event's link text (consent-events/chain.ts `linkText`), from which the database makes
   * the row: none may hold a newline (canonical JSON never does), the texts' separator.
   */
  texts: string[];
}

/**
 * Locks the project's chain head, checks, hashes and inserts a group of events in one statement
 * (migration 130): with `db` the pool, that statement is the whole transaction, one round trip
 * in which the head is locked only while PostgreSQL works. Rejects with the error's SQLSTATE in
 * {@link APPEND_REFUSALS} when the group must be written the long way. Only for rows that keep
 * no identifier in clear (chain version 2): the function stores none.
 */
export async function appendConsentEvents(
  db: Queryable,
  projectId: string,
  group: AppendedGroup,
): Promise<{ inserted: InsertedConsentEvent[]; webhooks: boolean }> {
  const { events } = group;
  const { rows } = await db.query<{
    seq: string;
    prev_hash: string;
    row_hash: string;
    session_ip_address: string | null;
    session_domain: string | null;
    session_geography: string | null;
    session_user_agent: string | null;
    webhooks: boolean;
  }>(
    `select * from consent_events_append($1::uuid, $2::bigint, $3::boolean, $4::text::uuid[],
       $5::text::jsonb, $6::text::jsonb, $7::text)`,
    [
      projectId,
      group.configVersion,
      group.webhooks,
      arrayLiteral(group.clientIds, (id) => id),
      group.snapshots.length > 0 ? JSON.stringify(group.snapshots) : null,
      group.rollup.length > 0 ? JSON.stringify(group.rollup) : null,
      group.texts.join('\n'),
    ],
  );
  return {
    inserted: events.map((event, index) => {
      const back = rows[index]!;
      // The caller's own objects get their place in the chain: no copy per event.
      const chained = event as ChainedConsentEvent;
      chained.prevHash = back.prev_hash;
      chained.rowHash = back.row_hash;
      return { event: chained, back };
    }),
    webhooks: rows[0]?.webhooks ?? false,
  };
}

/**
 * An event just inserted: what was sent and what the database added. {@link storedConsentEvent}
 * makes its stored form, when it is needed (after the commit for the answer).
 */
export interface InsertedConsentEvent {
  event: ChainedConsentEvent;
  back: {
    seq: string;
    session_ip_address: string | null;
    session_domain: string | null;
    session_geography: string | null;
    session_user_agent: string | null;
  };
}

/** The stored form of an event just inserted, made from what was sent without a row copy. */
export function storedConsentEvent({ event, back }: InsertedConsentEvent): StoredConsentEvent {
  return toStored({
    seq: back.seq,
    id: event.id,
    project_id: event.projectId,
    organization_id: event.organizationId,
    concord_id: event.concordId ?? null,
    // What the response and the webhooks show: the identifiers as sent (the row keeps a
    // version-2 event's in person_identifiers only).
    user_id: event.userId ?? null,
    email: event.email ?? null,
    phone_number: event.phoneNumber ?? null,
    project_user_id: event.projectUserId ?? null,
    chain_version: event.chainVersion ?? null,
    identifier_commitments: event.identifierCommitments ?? null,
    consent_type_id: event.consentTypeId,
    version: event.version,
    category: event.category as ConsentEventRecord['category'],
    subcategory: event.subcategory ?? null,
    label: event.label,
    consent_state: event.consentState as ConsentEventRecord['consentState'],
    consent_action: event.consentAction as ConsentEventRecord['consentAction'],
    consent_date: event.consentDate,
    expiration_date: event.expirationDate,
    body_hash: event.bodyHash,
    created_at: event.createdAt,
    session_id: event.sessionId ?? null,
    surface: event.surface ?? null,
    metadata: event.metadata ?? null,
    proof: event.proof ?? null,
    session_ip_address: back.session_ip_address,
    session_domain: back.session_domain,
    session_geography: back.session_geography,
    session_user_agent: back.session_user_agent,
    client_consent_date: event.clientConsentDate ?? null,
    prev_hash: event.prevHash,
    row_hash: event.rowHash,
  });
}

/** The session of a record, as {@link toStored} makes it. */
type RecordSession = NonNullable<ConsentEventRecord['session']>;

/**
 * The record of an event just inserted, the same as `storedConsentEvent(inserted).record`, made
 * directly (issue 19: the Site API answers one per stored event, and the stored form, its row
 * object and the optional members' spreads were a tenth of the server's time per event). Its
 * dates are the writer's own ISO strings. `sessions` shares one session object among the
 * records of a session (they are only serialised).
 */
export function insertedRecord(
  { event, back }: InsertedConsentEvent,
  sessions: Map<string, RecordSession>,
): ConsentEventRecord {
  let session: RecordSession | undefined;
  if (event.sessionId !== undefined) {
    session = sessions.get(event.sessionId);
    if (session === undefined) {
      session = { id: event.sessionId };
      // Seed 001 types `ipAddress` as ipv4: an IPv6 peer is left out rather than mistyped.
      if (back.session_ip_address !== null && isIPv4(back.session_ip_address)) {
        session.ipAddress = back.session_ip_address;
      }
      if (back.session_domain !== null) session.domain = back.session_domain;
      if (back.session_geography !== null) session.geography = back.session_geography;
      if (back.session_user_agent !== null) session.userAgent = back.session_user_agent;
      sessions.set(event.sessionId, session);
    }
  }
  const record: ConsentEventRecord = {
    id: event.id,
    concordId: event.concordId ?? '',
    consentAction: event.consentAction as ConsentEventRecord['consentAction'],
    consentDate: event.consentDate,
    consentState: event.consentState as ConsentEventRecord['consentState'],
    expirationDate: event.expirationDate,
    dateCreated: event.createdAt,
    dateUpdated: event.createdAt,
    consentType: event.consentTypeId,
    organization: event.organizationId,
    project: event.projectId,
  };
  if (session !== undefined) record.session = session;
  record.category = event.category as ConsentEventRecord['category'];
  if (event.subcategory !== undefined && event.subcategory !== null) {
    record.subcategory = event.subcategory;
  }
  record.label = event.label;
  record.version = event.version;
  return record;
}

/** The project's events among `ids`, in any order. */
export async function findConsentEvents(
  db: Queryable,
  projectId: string,
  ids: string[],
): Promise<StoredConsentEvent[]> {
  const { rows } = await db.query<ConsentEventRow>(
    `select ${COLUMNS} from consent_event_ids i
       join consent_events e
         on e.project_id = i.project_id and e.seq = i.seq and e.created_at = i.created_at
       left join sessions s on s.project_id = e.project_id and s.id = e.session_id
      where i.project_id = $1
        and i.id in (select value::uuid from jsonb_array_elements_text($2::text::jsonb))`,
    [projectId, JSON.stringify(ids)],
  );
  return rows.map(toStored);
}

/** A stored row as the chain hashed it, for verification. */
export interface ChainRow {
  seq: string;
  prevHash: string | null;
  rowHash: string | null;
  event: NewConsentEvent;
  /** The seal of a version-1 row whose identifiers were erased (chain.ts `sealHash`). */
  seal?: string;
  /** The row's partition key, for statements that address the row. */
  createdAt: string;
}

/**
 * The next `limit` rows of a project's chain after `afterSeq`, in `seq` order; with `where`, only
 * the rows that match it (SQL over `e`, whose parameters follow the first three).
 */
export async function listChainRows(
  db: Queryable,
  projectId: string,
  afterSeq: string,
  limit: number,
  where?: { sql: string; params: unknown[] },
): Promise<ChainRow[]> {
  const { rows } = await db.query<{
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
    category: string;
    subcategory: unknown;
    label: string;
    consent_state: string;
    consent_action: string;
    consent_date: Date;
    expiration_date: Date;
    client_consent_date: Date | null;
    session_id: string | null;
    surface: string | null;
    metadata: Record<string, unknown> | null;
    proof: ConsentProof | null;
    body_hash: string;
    created_at: Date;
    prev_hash: string | null;
    row_hash: string | null;
    chain_version: number | null;
    identifier_commitments: Partial<Record<PersonIdentifier, string>> | null;
    seal: string | null;
  }>(
    `select seq::text as seq, id, project_id, organization_id, concord_id, ${IDENTIFIER_COLUMNS},
            consent_type_id, version, category, subcategory, label,
            consent_state, consent_action, consent_date, expiration_date, client_consent_date,
            session_id, surface, metadata, proof, body_hash, created_at, prev_hash, row_hash,
            chain_version, identifier_commitments,
            (select seal from consent_event_seals x where x.project_id = e.project_id
                and x.seq = e.seq) as seal
       from consent_events e where e.project_id = $1 and e.seq > $2::bigint
        ${where ? `and (${where.sql})` : ''}
      order by e.seq limit $3`,
    [projectId, afterSeq, limit, ...(where?.params ?? [])],
  );
  const optional = <K extends string>(key: K, value: string | null) =>
    value === null ? {} : ({ [key]: value } as Record<K, string>);
  return rows.map((row) => ({
    seq: row.seq,
    prevHash: row.prev_hash,
    rowHash: row.row_hash,
    ...(row.seal !== null && { seal: row.seal }),
    createdAt: toIso(row.created_at),
    event: {
      id: row.id,
      projectId: row.project_id,
      organizationId: row.organization_id,
      ...optional('concordId', row.concord_id),
      ...optional('userId', row.user_id),
      ...optional('email', row.email),
      ...optional('phoneNumber', row.phone_number),
      ...optional('projectUserId', row.project_user_id),
      consentTypeId: row.consent_type_id,
      version: row.version,
      category: row.category,
      ...(row.subcategory !== null && { subcategory: row.subcategory }),
      label: row.label,
      consentState: row.consent_state,
      consentAction: row.consent_action,
      consentDate: toIso(row.consent_date),
      expirationDate: toIso(row.expiration_date),
      ...(row.client_consent_date !== null && {
        clientConsentDate: toIso(row.client_consent_date),
      }),
      ...optional('sessionId', row.session_id),
      ...optional('surface', row.surface),
      ...(row.metadata !== null && { metadata: row.metadata }),
      ...(row.proof !== null && { proof: row.proof }),
      bodyHash: row.body_hash,
      createdAt: toIso(row.created_at),
      ...(row.chain_version === 2 && { chainVersion: 2 as const }),
      ...(row.identifier_commitments !== null && {
        identifierCommitments: row.identifier_commitments,
      }),
    },
  }));
}

/** How many of a project's rows a chain check up to `upToSeq` reads (its progress' total). */
export async function countChainRows(
  db: Queryable,
  projectId: string,
  upToSeq: string,
): Promise<number> {
  const { rows } = await db.query<{ count: string }>(
    'select count(*)::text as count from consent_events where project_id = $1 and seq <= $2::bigint',
    [projectId, upToSeq],
  );
  return Number(rows[0]!.count);
}

/** Every project that has a chain head or an event. */
export async function listChainedProjects(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ project_id: string }>(
    `select p.id as project_id from projects p
      where exists (select 1 from consent_event_chains c where c.project_id = p.id)
         or exists (select 1 from consent_events e where e.project_id = p.id)
      order by 1`,
  );
  return rows.map((row) => row.project_id);
}

export async function findConsentEvent(
  db: Queryable,
  projectId: string,
  id: string,
): Promise<StoredConsentEvent | undefined> {
  const { rows } = await db.query<ConsentEventRow>(
    `select ${COLUMNS} from consent_event_ids i
       join consent_events e
         on e.project_id = i.project_id and e.seq = i.seq and e.created_at = i.created_at
       left join sessions s on s.project_id = e.project_id and s.id = e.session_id
      where i.project_id = $1 and i.id = $2`,
    [projectId, id],
  );
  return rows[0] && toStored(rows[0]);
}

/**
 * The latest deciding event (not `viewed`) per consent type label, across the visitor and every
 * visitor linked to one of its identifiers (`profile_links`), in label order. Most recent
 * `consentDate` wins; insertion order breaks ties.
 */
export async function findLatestDecisions(
  db: Queryable,
  projectId: string,
  concordId: string,
  /** Decisions dated after this were not made yet (issue 22 §1): they are not counted. */
  now: Date,
): Promise<StoredConsentEvent[]> {
  const { rows } = await db.query<ConsentEventRow>(
    `with mine as (
       select kind, value from profile_links where project_id = $1 and concord_id = $2
     ),
     people as (
       select l.concord_id from profile_links l
         join mine on mine.kind = l.kind and mine.value = l.value
        where l.project_id = $1
       union
       select $2::uuid
     )
     select distinct on (e.label) ${COLUMNS}
       from consent_events e
       left join sessions s on s.project_id = e.project_id and s.id = e.session_id
      where e.project_id = $1
        and e.consent_state <> 'viewed'
        and e.concord_id in (select concord_id from people)
        and e.consent_date <= $3
      order by e.label, e.consent_date desc, e.seq desc`,
    [projectId, concordId, now.toISOString()],
  );
  return rows.map(toStored);
}

/**
 * How many visitors' stored decisions on a consent type a `requireReacceptVersion` of `version`
 * would invalidate: per visitor id, the latest deciding event (as `findLatestDecisions` picks
 * it) that is still valid now (not expired, dated by now, at or above the type's current
 * `requireReacceptVersion`) and below `version`. Rows the server wrote already passed the rest
 * of `isDecisionValid` (states, duration caps) when they were written.
 */
export async function countDecisionsBelowVersion(
  db: Queryable,
  query: { projectId: string; consentTypeId: string; version: number; currentMinimum: number },
  now: Date,
): Promise<number> {
  const { rows } = await db.query<{ count: string }>(
    `select count(*)::text as count from (
       select distinct on (e.concord_id) e.version, e.expiration_date
         from consent_events e
        where e.project_id = $1 and e.consent_type_id = $2
          and e.consent_state <> 'viewed' and e.concord_id is not null
          and e.consent_date <= $3
        order by e.concord_id, e.consent_date desc, e.seq desc
     ) latest
     where latest.expiration_date > $3 and latest.version >= $4 and latest.version < $5`,
    [query.projectId, query.consentTypeId, now.toISOString(), query.currentMinimum, query.version],
  );
  return Number(rows[0]!.count);
}

/** Filters of the Privacy API's event list; all optional, combined with "and". */
export interface ConsentEventFilter {
  /** One event by its id (the console's records search by event id). */
  id?: string;
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

/**
 * The SQL condition "the event names one of these commitments" (`placeholder` is a JSON array of
 * commitments), one index lookup per kind of identifier.
 */
export function commitmentsCondition(placeholder: string): string {
  return PERSON_IDENTIFIERS.map(
    (kind) =>
      `e.identifier_commitments ->> '${kind}' in (select value from jsonb_array_elements_text(${placeholder}::text::jsonb))`,
  ).join(' or ');
}

/**
 * The SQL condition "the event names this identifier" (`$1` is the project): through the
 * identifier's commitments, an email in any letter case as before migration 075.
 */
export function identifierCondition(kind: PersonIdentifier, placeholder: string): string {
  const match =
    kind === 'email' ? `lower(p.value) = lower(${placeholder})` : `p.value = ${placeholder}`;
  return `e.identifier_commitments ->> '${kind}' in (select p.commitment from person_identifiers p
     where p.project_id = $1 and p.kind = '${kind}' and ${match})`;
}

/** One page of a project's events in insertion order, starting after `afterSeq`. */
export async function listConsentEvents(
  db: Queryable,
  query: { projectId: string; afterSeq?: string; limit: number; filter: ConsentEventFilter },
): Promise<StoredConsentEvent[]> {
  const params: unknown[] = [query.projectId];
  const where: string[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  const { filter } = query;
  if (query.afterSeq !== undefined) add((p) => `e.seq > ${p}::bigint`, query.afterSeq);
  if (filter.id !== undefined) add((p) => `e.id = ${p}`, filter.id);
  if (filter.consentType !== undefined) add((p) => `e.consent_type_id = ${p}`, filter.consentType);
  // A label names one type of the project for ever (unique, immutable): the type index serves it.
  if (filter.label !== undefined) {
    add(
      (p) =>
        `e.consent_type_id = (select t.id from consent_types t where t.project_id = $1 and t.label = ${p})`,
      filter.label,
    );
  }
  if (filter.consentState !== undefined) add((p) => `e.consent_state = ${p}`, filter.consentState);
  if (filter.concordId !== undefined) add((p) => `e.concord_id = ${p}`, filter.concordId);
  for (const kind of PERSON_IDENTIFIERS) {
    const value = filter[kind];
    if (value !== undefined) add((p) => identifierCondition(kind, p), value);
  }
  if (filter.from !== undefined) add((p) => `e.consent_date >= ${p}::timestamptz`, filter.from);
  if (filter.to !== undefined) add((p) => `e.consent_date < ${p}::timestamptz`, filter.to);
  params.push(query.limit);
  const { rows } = await db.query<ConsentEventRow>(
    `select ${COLUMNS} from consent_events e
       left join sessions s on s.project_id = e.project_id and s.id = e.session_id
      where e.project_id = $1${where.map((condition) => ` and ${condition}`).join('')}
      order by e.seq limit $${params.length}`,
    params,
  );
  return rows.map(toStored);
}

/** The latest retention checkpoint of a project (migration 076), if a purge ever ran. */
export async function findChainCheckpoint(
  db: Queryable,
  projectId: string,
): Promise<{ seq: string; hash: string } | undefined> {
  const { rows } = await db.query<{ seq: string; hash: string }>(
    `select seq::text as seq, hash from consent_event_checkpoints
      where project_id = $1 order by seq desc limit 1`,
    [projectId],
  );
  return rows[0];
}

/**
 * One page of the events of a person (issue 17): those that name one of `commitments` or were
 * made by one of `concordIds`, in insertion order after `afterSeq`.
 */
export async function listPersonEvents(
  db: Queryable,
  query: {
    projectId: string;
    commitments: string[];
    concordIds: string[];
    afterSeq: string;
    limit: number;
  },
): Promise<StoredConsentEvent[]> {
  const { rows } = await db.query<ConsentEventRow>(
    `select ${COLUMNS} from consent_events e left join sessions s on s.project_id = e.project_id and s.id = e.session_id
      where e.project_id = $1 and e.seq > $4::bigint
        and ((${commitmentsCondition('$2')})
             or e.concord_id in (select value::uuid from jsonb_array_elements_text($3::text::jsonb)))
      order by e.seq limit $5`,
    [
      query.projectId,
      JSON.stringify(query.commitments),
      JSON.stringify(query.concordIds),
      query.afterSeq,
      query.limit,
    ],
  );
  return rows.map(toStored);
}
