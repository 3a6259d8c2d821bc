-- Which consent policy applies where, per project (src/core/jurisdiction.ts PolicyTable:
-- {"default": "opt-in", "regions": {"US": "opt-out", ...}}). Null: the built-in table.
alter table projects add column policies jsonb;
