-- Erasure (issue 17): the hash chain covers a keyed hash of each person identifier, never the
-- identifier itself, and the identifiers live in `person_identifiers`, which erasure may change
-- while the events stay append-only. ARCHITECTURE.md ("Erasure and the chain") has the reasoning.
--
-- One row per identifier a project holds: its value, a random key of its own, and the
-- commitment the events carry, sha-256 over `key \n kind \n value` (consent-events/chain.ts
-- computes the same). Erasing the row deletes the key with the value: the commitments left in
-- the events can then no longer be tied to anyone, not even by someone who guesses the email and
-- holds the whole database.
create table person_identifiers (
  project_id uuid not null references projects (id),
  kind text not null check (kind in ('userId', 'email', 'phoneNumber', 'projectUserId')),
  value text not null,
  key text not null,
  commitment text not null,
  created_at timestamptz not null default now(),
  primary key (project_id, kind, value),
  unique (project_id, commitment)
);
create index person_identifiers_lower_value on person_identifiers (project_id, kind, lower(value));

-- Chain version 2 (rows written from now on): the row hash covers `identifier_commitments`
-- ({"email": "<commitment>", …}) and `chain_version`, and the identifier columns stay null.
-- Version 1 rows (null `chain_version`, everything written before) hashed the identifiers in
-- clear: they are moved into `person_identifiers` below and the row keeps their commitments, from
-- which verification reads the values back and recomputes the version-1 hash exactly as before.
alter table consent_events add column chain_version smallint,
  add column identifier_commitments jsonb;

-- What erasure leaves for a version-1 row whose identifiers it removed: the row's version-1 hash
-- cannot be recomputed without them any more, so before removing them the erasure checks that
-- hash and seals the rest of the row (sha-256 over its prev_hash, row_hash and every other
-- hashed column). Verification then checks the seal instead of the version-1 hash. Append-only.
create table consent_event_seals (
  project_id uuid not null references projects (id),
  seq bigint not null,
  seal text not null,
  created_at timestamptz not null,
  primary key (project_id, seq)
);

-- The append-only triggers let a change through only inside a transaction that says so
-- (`set local assent.maintenance = 'on'`): this migration, and the retention purge
-- (consent-events/retention.ts). A bypass anyone with SQL access could use, as disabling the
-- trigger always was; the chain and its checkpoints are what show it.
create or replace function consent_events_append_only() returns trigger language plpgsql as $$
begin
  if current_setting('assent.maintenance', true) = 'on' then
    if tg_op = 'DELETE' then return old; end if;
    return new;
  end if;
  raise exception '% is append-only', tg_table_name;
end;
$$;

create trigger consent_event_seals_no_update_or_delete before update or delete
  on consent_event_seals for each row execute function consent_events_append_only();

insert into person_identifiers (project_id, kind, value, key, commitment)
  select project_id, kind, value, key,
         encode(sha256(convert_to(key || E'\n' || kind || E'\n' || value, 'UTF8')), 'hex')
    from (
      select project_id, kind, value,
             replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
               as key
        from (
          select distinct project_id, 'userId' as kind, user_id as value
            from consent_events where user_id is not null
          union select distinct project_id, 'email', email
            from consent_events where email is not null
          union select distinct project_id, 'phoneNumber', phone_number
            from consent_events where phone_number is not null
          union select distinct project_id, 'projectUserId', project_user_id
            from consent_events where project_user_id is not null
        ) as found
    ) as keyed;

set local assent.maintenance = 'on';
update consent_events e
   set identifier_commitments = (
         select jsonb_object_agg(p.kind, p.commitment) from person_identifiers p
          where p.project_id = e.project_id
            and ((p.kind = 'userId' and p.value = e.user_id)
              or (p.kind = 'email' and p.value = e.email)
              or (p.kind = 'phoneNumber' and p.value = e.phone_number)
              or (p.kind = 'projectUserId' and p.value = e.project_user_id))),
       user_id = null, email = null, phone_number = null, project_user_id = null
 where user_id is not null or email is not null or phone_number is not null
    or project_user_id is not null;
set local assent.maintenance = 'off';

-- The lookups by identifier go through the commitments now.
drop index consent_events_user_id, consent_events_email, consent_events_phone_number,
  consent_events_project_user_id;
create index consent_events_user_id on consent_events
  (project_id, (identifier_commitments ->> 'userId'), seq)
  where identifier_commitments ? 'userId';
create index consent_events_email on consent_events
  (project_id, (identifier_commitments ->> 'email'), seq)
  where identifier_commitments ? 'email';
create index consent_events_phone_number on consent_events
  (project_id, (identifier_commitments ->> 'phoneNumber'), seq)
  where identifier_commitments ? 'phoneNumber';
create index consent_events_project_user_id on consent_events
  (project_id, (identifier_commitments ->> 'projectUserId'), seq)
  where identifier_commitments ? 'projectUserId';

-- Who did what to a person's data or a privacy request (issue 17): erasures, exports, purges,
-- request steps. Append-only like the events.
create table audit_entries (
  id uuid primary key,
  organization_id uuid not null references organizations (id),
  project_id uuid references projects (id),
  -- `member:<id>`, `api-key:<id>`, `visitor`, `system`.
  actor text not null,
  action text not null,
  -- What it was about: a request id, a kind of identifier (never its value), a month.
  subject text,
  detail jsonb not null default '{}',
  created_at timestamptz not null
);
create index audit_entries_project on audit_entries (project_id, created_at);
create trigger audit_entries_no_update_or_delete before update or delete on audit_entries
  for each row execute function consent_events_append_only();
