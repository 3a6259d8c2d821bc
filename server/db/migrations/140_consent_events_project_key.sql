-- Issue 19: one index fewer per stored event. The primary key `(seq, created_at)` and the index
-- `(project_id, seq)` were two b-trees, both updated for every row, over the same order: every
-- query of server/db/repositories/ that reads rows by `seq` names the project too (the id
-- lookup's join from `consent_event_ids`, the list and export after a `seq`, the chain walk of
-- `npm run verify`, the chain's row count). One primary key `(project_id, seq, created_at)`
-- serves all of them (`project_id = $1 and seq > $2 order by seq` is a range of it, and the
-- join names all three columns) and keeps what the old key guaranteed: `seq` comes from one
-- sequence, so `(project_id, seq)` is as unique as `seq`, and `created_at`, the partition key,
-- has to be in any unique key of the partitioned table. It is also the key Citus asks for, the
-- distribution column in front (ARCHITECTURE.md, "Past one machine").
alter table consent_events drop constraint consent_events_pkey;
alter table consent_events add constraint consent_events_pkey
  primary key (project_id, seq, created_at);
drop index consent_events_project_seq;
