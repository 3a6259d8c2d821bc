-- Consent analytics split by one dimension (issue 14: a year of a 10-million-event project in
-- under 200 ms by geography, language or surface, not only by day). Migration 052 compacted a
-- closed month with every dimension at once (a row per geography, language, surface, label and
-- state), and the days at either end of a range were summed from the daily rollup with every
-- dimension too: about 200,000 rows for a year, 60–220 ms on an idle machine. A split needs one
-- dimension at a time, so the compaction keeps each dimension on its own, for closed months and
-- for the closed days around them: a year by geography is then a few thousand rows.
-- `consent_rollup_periods` marks what is compacted: `day` (the day totals of migration 052),
-- `month` and `split-day` (this table's months and days).

create table consent_rollup_splits (
  project_id uuid not null references projects (id),
  dimension text not null check (dimension in ('geography', 'language', 'surface')),
  kind text not null check (kind in ('day', 'month')),
  period date not null,
  key text not null,
  label text not null,
  state text not null,
  count bigint not null,
  primary key (project_id, dimension, kind, period, key, label, state)
);

-- The months of migration 052 are made again, per dimension, on their next read.
delete from consent_rollup_periods where kind = 'month';
drop table consent_rollup_months;

alter table consent_rollup_periods drop constraint consent_rollup_periods_kind_check;
alter table consent_rollup_periods
  add constraint consent_rollup_periods_kind_check check (kind in ('day', 'month', 'split-day'));
