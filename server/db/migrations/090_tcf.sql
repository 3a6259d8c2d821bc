-- IAB TCF 2.3 (issue 20). A project's TCF settings (`src/core/tcf.ts`), null until set.
alter table projects add column tcf jsonb;

-- The Global Vendor List and its translations as fetched from `ASSENT_GVL_URL` (never by the
-- browser): one row per document (`vendor-list.json`, `purposes-fr.json`, …) and GVL version, so
-- that a TC string made under an older version can still be explained. `expires_at` comes from the
-- answer's Cache-Control (`server/tcf/gvl-source.ts`).
create table gvl_documents (
  name text not null,
  version integer not null,
  body jsonb not null,
  fetched_at timestamptz not null,
  expires_at timestamptz not null,
  primary key (name, version)
);
