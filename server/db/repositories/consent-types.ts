import type { ConsentType } from '../../../src/core/types.ts';
import type { Queryable } from '../database.ts';
import { toIso } from './timestamp.ts';

interface ConsentTypeRow {
  id: string;
  category: ConsentType['category'];
  subcategory: unknown;
  label: string;
  version: number;
  name: string;
  description: string;
  url: string | null;
  document: string | null;
  required: boolean;
  read_only: boolean;
  valid_states: ConsentType['validStates'];
  status: ConsentType['status'];
  consent_duration: string | null;
  require_reaccept_version: number | null;
  cookies: string[] | null;
}

interface StoredConsentTypeRow extends ConsentTypeRow {
  project_id: string;
  organization_id: string;
  subcategory: unknown;
  created_at: Date;
  updated_at: Date;
}

/** A consent type as the Privacy API shows it: seed 000's `consentType` object. */
export interface StoredConsentType extends ConsentType {
  subcategory?: unknown;
  project: string;
  organization: string;
  dateCreated: string;
  dateUpdated: string;
}

function toConsentType(row: ConsentTypeRow): ConsentType {
  return {
    id: row.id,
    category: row.category,
    ...(row.subcategory !== null && { subcategory: row.subcategory }),
    label: row.label,
    version: row.version,
    name: row.name,
    description: row.description,
    ...(row.url !== null && { url: row.url }),
    ...(row.document !== null && { document: row.document }),
    required: row.required,
    readOnly: row.read_only,
    validStates: row.valid_states,
    status: row.status,
    ...(row.consent_duration !== null && { consentDuration: row.consent_duration }),
    ...(row.require_reaccept_version !== null && {
      requireReacceptVersion: row.require_reaccept_version,
    }),
    ...(row.cookies != null && { cookies: row.cookies }),
  };
}

/** Every consent type of a project, whatever its status, oldest first. */
export async function listConsentTypes(db: Queryable, projectId: string): Promise<ConsentType[]> {
  const { rows } = await db.query<ConsentTypeRow>(
    `select id, category, subcategory, label, version, name, description, url, document, required,
            read_only, valid_states, status, consent_duration, require_reaccept_version, cookies
       from consent_types where project_id = $1 order by created_at, id`,
    [projectId],
  );
  return rows.map(toConsentType);
}

/** Inserts the consent type unless one with its id exists. */
/** Parameters $1–$16 of an insert into consent_types, in its column order. */
function insertValues(projectId: string, type: ConsentType, subcategory: unknown): unknown[] {
  return [
    type.id,
    projectId,
    type.category,
    type.label,
    type.version,
    type.name,
    type.description,
    type.url ?? null,
    type.document ?? null,
    type.required,
    type.readOnly,
    JSON.stringify(type.validStates),
    type.status,
    type.consentDuration ?? null,
    type.requireReacceptVersion ?? null,
    subcategory === undefined ? null : JSON.stringify(subcategory),
  ];
}

export async function ensureConsentType(db: Queryable, projectId: string, type: ConsentType) {
  await db.query(
    `insert into consent_types (id, project_id, category, label, version, name, description, url,
                                document, required, read_only, valid_states, status,
                                consent_duration, require_reaccept_version, subcategory, cookies)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13, $14, $15,
             $16::text::jsonb, $17::text::jsonb)
     on conflict (id) do nothing`,
    [
      ...insertValues(projectId, type, type.subcategory),
      type.cookies ? JSON.stringify(type.cookies) : null,
    ],
  );
}

function toStoredConsentType(row: StoredConsentTypeRow): StoredConsentType {
  return {
    ...toConsentType(row),
    ...(row.subcategory !== null && { subcategory: row.subcategory }),
    project: row.project_id,
    organization: row.organization_id,
    dateCreated: toIso(row.created_at),
    dateUpdated: toIso(row.updated_at),
  };
}

const STORED_COLUMNS = `t.id, t.category, t.label, t.version, t.name, t.description, t.url,
  t.document, t.required, t.read_only, t.valid_states, t.status, t.consent_duration,
  t.require_reaccept_version, t.project_id, p.organization_id, t.subcategory, t.created_at,
  t.updated_at`;

/** A project's consent types with their dates, oldest first. */
export async function listStoredConsentTypes(
  db: Queryable,
  projectId: string,
): Promise<StoredConsentType[]> {
  const { rows } = await db.query<StoredConsentTypeRow>(
    `select ${STORED_COLUMNS} from consent_types t join projects p on p.id = t.project_id
      where t.project_id = $1 order by t.created_at, t.id`,
    [projectId],
  );
  return rows.map(toStoredConsentType);
}

/**
 * One consent type of a project. With `forUpdate` its row stays locked until the transaction
 * ends, so that two concurrent updates cannot both bump to the same version.
 */
export async function findStoredConsentType(
  db: Queryable,
  projectId: string,
  id: string,
  { forUpdate = false } = {},
): Promise<StoredConsentType | undefined> {
  const { rows } = await db.query<StoredConsentTypeRow>(
    `select ${STORED_COLUMNS} from consent_types t join projects p on p.id = t.project_id
      where t.project_id = $1 and t.id = $2${forUpdate ? ' for update of t' : ''}`,
    [projectId, id],
  );
  return rows[0] && toStoredConsentType(rows[0]);
}

/**
 * Inserts a new consent type. Returns `false` when the project already has its label, the one
 * conflict a client can cause.
 */
export async function insertConsentType(
  db: Queryable,
  projectId: string,
  type: ConsentType,
  subcategory: unknown,
  at: string,
): Promise<boolean> {
  const { rows } = await db.query(
    `insert into consent_types (id, project_id, category, label, version, name, description, url,
                                document, required, read_only, valid_states, status,
                                consent_duration, require_reaccept_version, subcategory,
                                created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13, $14, $15,
             $16::text::jsonb, $17, $17)
     on conflict (project_id, label) do nothing
     returning id`,
    [...insertValues(projectId, type, subcategory), at],
  );
  return rows.length === 1;
}

/** Writes the mutable fields of a consent type (its category, subcategory and label never change). */
export async function updateConsentType(
  db: Queryable,
  projectId: string,
  type: ConsentType,
  at: string,
) {
  await db.query(
    `update consent_types set version = $2, name = $3, description = $4, url = $5, document = $6,
            required = $7, read_only = $8, valid_states = $9::text::jsonb, status = $10,
            consent_duration = $11, require_reaccept_version = $12, updated_at = $13
      where project_id = $14 and id = $1`,
    [
      type.id,
      type.version,
      type.name,
      type.description,
      type.url ?? null,
      type.document ?? null,
      type.required,
      type.readOnly,
      JSON.stringify(type.validStates),
      type.status,
      type.consentDuration ?? null,
      type.requireReacceptVersion ?? null,
      at,
      projectId,
    ],
  );
}
