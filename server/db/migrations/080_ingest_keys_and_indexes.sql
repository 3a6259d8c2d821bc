-- Issue 19: what each stored event costs the database, weighed against what it protects.
--
-- Foreign keys of consent_events: every inserted row ran four checks (each an index probe and a
-- `for key share` lock of the referenced row). Kept: project_id -> projects, the one key that
-- says whose record a row is. Dropped, because the writer already guarantees them and the rows
-- they point at are never deleted while events need them: organization_id (always the project's
-- own organization, copied from the project row the batch was checked against),
-- consent_type_id (the type the batch was checked against; types are archived, never deleted)
-- and session_id (the visitor's session that authenticated the request; it is only looked up
-- through a left join, so a session removed by retention leaves the event whole). None of the
-- three holds the distribution column either, which a foreign key between distributed tables
-- must (ARCHITECTURE.md, "Past one machine").
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
            and a.attname in ('organization_id', 'consent_type_id', 'session_id'))
  loop
    execute format('alter table consent_events drop constraint %I', key.conname);
  end loop;
end
$$;

-- Indexes: every query of server/db/repositories/consent-events.ts has one (ARCHITECTURE.md
-- lists them). A label names one consent type of a project (unique, and immutable: see
-- consent-types/change.ts), so the list's label filter reads the type index instead
-- (`consent_type_id = (the type with that label)`), and the label index only cost every insert.
drop index if exists consent_events_label;
