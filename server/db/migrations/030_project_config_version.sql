-- A counter per project that moves on every change to the project row or to one of its consent
-- types (issue 7, load). Servers cache a project and its consent types; the event insert reads
-- the counter in the statement that takes the project's chain lock, so a write is always checked
-- against the current configuration at no extra round trip, and other paths are at most the
-- cache's time to live behind, whichever instance made the change.
alter table projects add column config_version bigint not null default 1;

create function projects_bump_config_version() returns trigger language plpgsql as $$
begin
  new.config_version := old.config_version + 1;
  return new;
end;
$$;

create trigger projects_config_version before update on projects
  for each row execute function projects_bump_config_version();

create function consent_types_bump_project_config_version() returns trigger language plpgsql as $$
begin
  update projects set config_version = config_version + 1
   where id = case when tg_op = 'DELETE' then old.project_id else new.project_id end;
  return null;
end;
$$;

create trigger consent_types_config_version after insert or update or delete on consent_types
  for each row execute function consent_types_bump_project_config_version();
