-- Privacy requests (issue 17): a visitor asks a site to show, export, correct or delete what it
-- holds about them, or to stop selling or sharing it. A request needs the requester's email,
-- verified by a code sent to it (only the code's sha-256 is kept); the site owner moves it
-- through received → verified → in_progress → completed | refused, each step an audit entry.
-- `due_at` comes from the visitor's geography when they asked (one month under the GDPR, 45 days
-- in California). Completing a delete request erases the person and the request's email.
create table privacy_requests (
  id uuid primary key,
  organization_id uuid not null references organizations (id),
  project_id uuid not null references projects (id),
  kind text not null check (kind in ('access', 'export', 'correct', 'delete', 'opt_out')),
  -- null once a completed delete request erased it.
  email text,
  concord_id uuid,
  details text,
  geography text not null,
  language text,
  status text not null default 'received'
    check (status in ('received', 'verified', 'in_progress', 'completed', 'refused')),
  code_hash text,
  code_expires_at timestamptz,
  code_attempts integer not null default 0,
  note text,
  due_at timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index privacy_requests_project on privacy_requests (project_id, status, created_at);
create index privacy_requests_email on privacy_requests (project_id, lower(email))
  where email is not null;

-- Audit entries written in the same instant keep the order they were written in.
alter table audit_entries add column seq bigserial;
