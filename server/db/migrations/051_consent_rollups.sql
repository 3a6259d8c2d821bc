-- Consent analytics (issue 14): counts kept as events are written, in the transaction that
-- inserts them (`consent-events/writer.ts`), so that the console's numbers for a year of a
-- 10-million-event project come from a few thousand rows rather than a scan of the events.
-- One row per project, UTC day of `created_at`, geography (the session's, `unknown` without
-- one), language and surface (`''` when the event does not say), label and state. Rows with the
-- label `''` count what visitors did as a whole (`analytics/outcome.ts`): `notice` (a notice
-- shown), `accept_all`, `reject_all`, `mix`.

create table consent_rollups (
  project_id uuid not null references projects (id),
  day date not null,
  geography text not null,
  language text not null,
  surface text not null,
  label text not null,
  state text not null,
  count bigint not null,
  primary key (project_id, day, geography, language, surface, label, state)
);
