-- Consent analytics for long ranges (issue 14: a year of a 10-million-event project in under
-- 200 ms). The daily rollup of migration 051 has a row per day, geography, language, surface,
-- label and state: about a million rows for such a year, too many to sum per request. A day's
-- and a month's counts never change once they are over (the rollup's day is the server's
-- `created_at`), so the analytics read compacts closed periods once, on first read, into:
-- the totals of a day per label and state (the answer `by=day`), and a month with every
-- dimension (the answers by geography, language and surface). `consent_rollup_periods` marks
-- the periods compacted, so that a day without events is not compacted again on every read.

create table consent_rollup_periods (
  project_id uuid not null references projects (id),
  kind text not null check (kind in ('day', 'month')),
  period date not null,
  primary key (project_id, kind, period)
);

create table consent_rollup_day_totals (
  project_id uuid not null references projects (id),
  day date not null,
  label text not null,
  state text not null,
  count bigint not null,
  primary key (project_id, day, label, state)
);

create table consent_rollup_months (
  project_id uuid not null references projects (id),
  month date not null,
  geography text not null,
  language text not null,
  surface text not null,
  label text not null,
  state text not null,
  count bigint not null,
  primary key (project_id, month, geography, language, surface, label, state)
);
