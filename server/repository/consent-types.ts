import type { ConsentType } from '../../src/core/types.ts';
import type { Queryable } from '../db/database.ts';

interface ConsentTypeRow {
  id: string;
  category: ConsentType['category'];
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

function toConsentType(row: ConsentTypeRow): ConsentType {
  return {
    id: row.id,
    category: row.category,
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
    ...(row.cookies !== null && { cookies: row.cookies }),
  };
}

/** Every consent type of a project, whatever its status, oldest first. */
export async function listConsentTypes(db: Queryable, projectId: string): Promise<ConsentType[]> {
  const { rows } = await db.query<ConsentTypeRow>(
    `select id, category, label, version, name, description, url, document, required, read_only,
            valid_states, status, consent_duration, require_reaccept_version, cookies
       from consent_types where project_id = $1 order by created_at, id`,
    [projectId],
  );
  return rows.map(toConsentType);
}

/** Inserts the consent type unless one with its id exists. */
export async function ensureConsentType(db: Queryable, projectId: string, type: ConsentType) {
  await db.query(
    `insert into consent_types (id, project_id, category, label, version, name, description, url,
                                document, required, read_only, valid_states, status,
                                consent_duration, require_reaccept_version, cookies)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13, $14, $15,
             $16::text::jsonb)
     on conflict (id) do nothing`,
    [
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
      type.cookies ? JSON.stringify(type.cookies) : null,
    ],
  );
}
