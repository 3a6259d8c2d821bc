-- Issue 19: the last foreign key of consent_events, project_id -> projects, ran one check per
-- stored row (an index probe of projects and a `for key share` lock, fired as a trigger after
-- the insert): about a quarter of the database's time per event in `bench/server/ingest.ts`.
-- What it protects holds without it, checked once per write instead of once per row: every
-- insert of events (consent-events/writer.ts) runs in the transaction that locked the project's
-- chain head, `consent_event_chains`, whose project_id keeps its foreign key to projects, and
-- the same statement moves that head (repositories/consent-events.ts). A row of a project that
-- does not exist would need a head of a project that does not exist, which the key of
-- consent_event_chains refuses. Projects are never deleted while their events exist (the head
-- row, which outlives them, still references them). consent_event_ids keeps no key either.
do $$
declare
  key record;
begin
  for key in
    select c.conname from pg_constraint c
     where c.conrelid = 'consent_events'::regclass and c.contype = 'f' and c.conparentid = 0
       and exists (
         select 1 from pg_attribute a
          where a.attrelid = c.conrelid and a.attnum = any (c.conkey)
            and a.attname = 'project_id')
  loop
    execute format('alter table consent_events drop constraint %I', key.conname);
  end loop;
end
$$;
