/** The reference's table: what one event is at least, as a row. */
export const PLAIN_TABLE = `create table if not exists plain_events (
  seq bigint generated always as identity primary key,
  project_id uuid not null,
  concord_id uuid,
  label text not null,
  consent_state text not null,
  consent_action text not null,
  created_at timestamptz not null default now()
)`;
