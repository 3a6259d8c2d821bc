-- Proof of what the person saw (issue 17). Each event may carry its proof (`ConsentProof` in
-- src/core/types.ts: the notice's hash, language, surface, signals); the row hash covers it when
-- present, and rows without it hash as they did before this column existed.
alter table consent_events add column proof jsonb;

-- The notices shown, stored once per project by the SHA-256 of their canonical JSON: an event
-- names its notice by `proof.noticeHash`, so that a record shows the exact words years later,
-- after the texts changed. `problems` holds what disagreed with the project's config when the
-- server first received it (a type at another version, a text the project set otherwise): the
-- hash always matches the content (a forged one is refused), a mismatch is flagged, not hidden.
create table notice_snapshots (
  project_id uuid not null references projects (id),
  hash text not null,
  content jsonb not null,
  problems jsonb not null default '[]',
  created_at timestamptz not null,
  primary key (project_id, hash)
);
