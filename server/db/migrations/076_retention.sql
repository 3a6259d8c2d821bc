-- Retention (issue 17): how long a project keeps a consent record after it expires, as an ISO
-- 8601 duration (default five years: a record is proof for as long as a claim can be brought),
-- and the checkpoints the purge leaves. A checkpoint is the hash and seq of the last row a purge
-- removed: the first row that remains links to it, so verification starts there
-- (consent-events/chain-verification.ts). Only ever inserted; the latest one counts.
alter table projects add column retention text not null default 'P5Y';

create table consent_event_checkpoints (
  project_id uuid not null references projects (id),
  seq bigint not null,
  hash text not null,
  -- Rows removed by the purge that wrote it, and the months (`2025-03`) they were in.
  removed bigint not null,
  months jsonb not null,
  created_at timestamptz not null,
  primary key (project_id, seq)
);
create trigger consent_event_checkpoints_no_update_or_delete before update or delete
  on consent_event_checkpoints for each row execute function consent_events_append_only();
