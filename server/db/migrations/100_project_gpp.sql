-- IAB Global Privacy Platform per project (issue 21): `{enabled, sections}` (GppSettings in
-- src/core/types.ts), or null for off.
alter table projects add column gpp jsonb;
