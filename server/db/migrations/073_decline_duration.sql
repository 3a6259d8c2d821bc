-- Issue 17: after "Reject all" the notice is not shown again for this long (ISO 8601 duration,
-- the EU proposal's six months by default): a refusal lasts at least this long, within its
-- category's cap, unless the site's consent types change.
alter table projects add column decline_duration text not null default 'P6M';
