-- Tamper evidence (issue 7): each project's events form a hash chain. A row stores the hash of
-- the previous row of its project and its own hash over that and its content; the chain head is
-- one row per project, locked (`select … for update`) by every insert so that a project's events
-- are chained one transaction at a time, in `seq` order. Rows written before this migration keep
-- null hashes and come before the chain.
alter table consent_events add column prev_hash text, add column row_hash text;

create table consent_event_chains (
  project_id uuid primary key references projects (id),
  head_seq bigint not null default 0,
  head_hash text not null default ''
);

-- Append-only, enforced by the database too: the application never updates or deletes an event,
-- and neither can a bug or a stray statement. (An owner can still disable the trigger; the chain
-- is what shows that.)
create function consent_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'consent_events is append-only';
end;
$$;

create trigger consent_events_no_update_or_delete before update or delete on consent_events
  for each row execute function consent_events_append_only();
create trigger consent_events_no_truncate before truncate on consent_events
  for each statement execute function consent_events_append_only();
