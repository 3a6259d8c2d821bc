-- Who a visitor is to the site (assent.identify): links a browser's visitor id (concordId) to an
-- identifier the site knows the person by. Only ever inserted, like consent events: a person's
-- decisions are merged across every visitor id linked to the same identifier.
create table profile_links (
  project_id uuid not null references projects (id),
  concord_id uuid not null,
  kind text not null check (kind in ('userId', 'email', 'phoneNumber', 'projectUserId')),
  value text not null,
  created_at timestamptz not null,
  primary key (project_id, kind, value, concord_id)
);

create index profile_links_visitor on profile_links (project_id, concord_id);
