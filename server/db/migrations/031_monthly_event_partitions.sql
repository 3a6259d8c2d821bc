-- Consent events partitioned by month of `created_at` (issue 7): the time the server stored the
-- event, taken from its clock, so a month's partition only ever grows while it is the current
-- month and old months can be archived or moved to cheaper storage as a whole. (`consent_date`
-- comes from clients and imports and may lie anywhere in the past.) Month boundaries are in UTC
-- whatever the session's time zone.
--
-- A primary key or unique constraint of a partitioned table must contain the partition key, so
-- "one event id per project" cannot be a unique index of the events any more: it moves to
-- `consent_event_ids`, one row per event written in the same statement as the event, which also
-- leads a lookup by id straight to its month. Every index of the events is declared on the parent
-- and so exists in every partition. Existing rows are copied with their `seq` and hashes, so the
-- hash chain still verifies.

alter table consent_events rename to consent_events_before_partitioning;
alter index consent_events_pkey rename to consent_events_before_partitioning_pkey;
alter table consent_events_before_partitioning drop constraint consent_events_project_id_id_key;
drop index consent_events_visitor, consent_events_consent_date, consent_events_project_seq,
  consent_events_type, consent_events_label, consent_events_user_id, consent_events_email,
  consent_events_phone_number, consent_events_project_user_id;
alter sequence consent_events_seq_seq owned by none;

create table consent_events (
  seq bigint not null default nextval('consent_events_seq_seq'),
  id uuid not null,
  project_id uuid not null references projects (id),
  organization_id uuid not null references organizations (id),
  concord_id uuid,
  user_id text,
  email text,
  phone_number text,
  project_user_id text,
  consent_type_id uuid not null references consent_types (id),
  version integer not null,
  category text not null,
  subcategory jsonb,
  label text not null,
  consent_state text not null,
  consent_action text not null,
  consent_date timestamptz not null,
  expiration_date timestamptz not null,
  session_id uuid references sessions (id),
  body_hash text not null,
  created_at timestamptz not null,
  prev_hash text,
  row_hash text,
  primary key (seq, created_at)
) partition by range (created_at);
alter sequence consent_events_seq_seq owned by consent_events.seq;

create table consent_event_ids (
  project_id uuid not null,
  id uuid not null,
  seq bigint not null,
  created_at timestamptz not null,
  primary key (project_id, id)
);

-- Refuses changes to the append-only tables (as migration 003 did for the events).
create trigger consent_events_no_update_or_delete before update or delete on consent_events
  for each row execute function consent_events_append_only();
create trigger consent_events_no_truncate before truncate on consent_events
  for each statement execute function consent_events_append_only();
create trigger consent_event_ids_no_update_or_delete before update or delete on consent_event_ids
  for each row execute function consent_events_append_only();
create trigger consent_event_ids_no_truncate before truncate on consent_event_ids
  for each statement execute function consent_events_append_only();

-- The partition of the month (UTC) holding `at`, created if missing: `consent_events_2025_03`.
-- The server calls it ahead (at start, for this month and the next) and on demand before it
-- writes into a month for the first time; instances racing to create the same month are fine.
create function consent_events_ensure_partition(at timestamptz) returns text
language plpgsql as $$
declare
  month_start timestamptz := date_trunc('month', at at time zone 'UTC') at time zone 'UTC';
  month_end timestamptz := (date_trunc('month', at at time zone 'UTC') + interval '1 month')
    at time zone 'UTC';
  name text := 'consent_events_' || to_char(at at time zone 'UTC', 'YYYY_MM');
begin
  if to_regclass(quote_ident(name)) is null then
    begin
      execute format('create table %I partition of consent_events for values from (%L) to (%L)',
                     name, month_start, month_end);
      -- A partition can be truncated on its own: it refuses that too.
      execute format('create trigger consent_events_no_truncate before truncate on %I
                      for each statement execute function consent_events_append_only()', name);
    exception when duplicate_table or unique_violation then
      null; -- another instance made it first
    end;
  end if;
  return name;
end;
$$;

-- Mid-month days, so that a session time zone other than UTC cannot skip a month.
select consent_events_ensure_partition(month + interval '14 days')
  from generate_series(
    date_trunc('month', coalesce((select min(created_at) from consent_events_before_partitioning),
                                 now()) at time zone 'UTC') at time zone 'UTC',
    now() + interval '1 month',
    interval '1 month'
  ) as month;

insert into consent_events (seq, id, project_id, organization_id, concord_id, user_id, email,
    phone_number, project_user_id, consent_type_id, version, category, subcategory, label,
    consent_state, consent_action, consent_date, expiration_date, session_id, body_hash,
    created_at, prev_hash, row_hash)
  select seq, id, project_id, organization_id, concord_id, user_id, email, phone_number,
         project_user_id, consent_type_id, version, category, subcategory, label, consent_state,
         consent_action, consent_date, expiration_date, session_id, body_hash, created_at,
         prev_hash, row_hash
    from consent_events_before_partitioning order by seq;
insert into consent_event_ids (project_id, id, seq, created_at)
  select project_id, id, seq, created_at from consent_events_before_partitioning;
drop table consent_events_before_partitioning;

-- The indexes of migrations 001 and 002, now on every partition. The primary key (seq, …)
-- serves a lookup by `seq`; every query path of the Privacy API's list starts with the project.
create index consent_events_visitor on consent_events (project_id, concord_id, seq);
create index consent_events_consent_date on consent_events (project_id, consent_date);
create index consent_events_project_seq on consent_events (project_id, seq);
create index consent_events_type on consent_events (project_id, consent_type_id, seq);
create index consent_events_label on consent_events (project_id, label, seq);
create index consent_events_user_id on consent_events (project_id, user_id, seq)
  where user_id is not null;
create index consent_events_email on consent_events (project_id, lower(email), seq)
  where email is not null;
create index consent_events_phone_number on consent_events (project_id, phone_number, seq)
  where phone_number is not null;
create index consent_events_project_user_id on consent_events (project_id, project_user_id, seq)
  where project_user_id is not null;
