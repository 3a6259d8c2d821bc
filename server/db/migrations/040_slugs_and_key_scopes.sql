-- Accounts (issues 14 and 15): organizations and projects get a slug, the name seed 002 routes
-- by (`/{orgSlug}/projects/{projectSlug}/consents/data`); API keys get a scope. Existing rows get
-- their id as slug (unique and within the pattern) except the demo's, which get the defaults of
-- seed 002; existing keys become `admin`, which is what every key could do before.

alter table organizations add column slug text;
update organizations set slug = case
    when id = '00000000-0000-4000-8000-00000000000a' then 'demo-organization' else id::text end;
alter table organizations alter column slug set not null;
alter table organizations add constraint organizations_slug_key unique (slug);
alter table organizations add constraint organizations_slug_format
  check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$');

alter table projects add column slug text;
update projects set slug = case
    when id = '00000000-0000-4000-8000-00000000000b' then 'demo-project' else id::text end;
alter table projects alter column slug set not null;
alter table projects add constraint projects_organization_slug_key unique (organization_id, slug);
alter table projects add constraint projects_slug_format
  check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$');

-- `consent`: write and read consent events; `admin`: everything.
alter table api_keys add column scope text not null default 'admin'
  check (scope in ('consent', 'admin'));

-- Where an event was decided (`api`, `import`, …; null for events written before) and what the
-- caller sent beside the fields of an event (seed 002's `source`, `sourceId`, `profileId`,
-- `message`; seed 003's `user.metadata`). Both are part of the row the hash chain covers.
alter table consent_events add column surface text, add column metadata jsonb;
