-- Every query path of the Privacy API's event list has an index, so a filter or a page stays
-- fast with millions of events (issue 7). Each ends in `seq` because the list is in seq order.
create index consent_events_project_seq on consent_events (project_id, seq);
create index consent_events_type on consent_events (project_id, consent_type_id, seq);
create index consent_events_label on consent_events (project_id, label, seq);
create index consent_events_user_id on consent_events (project_id, user_id, seq)
  where user_id is not null;
create index consent_events_email on consent_events (project_id, lower(email), seq)
  where email is not null;
create index consent_events_phone_number on consent_events (project_id, phone_number, seq)
  where phone_number is not null;
create index consent_events_project_user_id on consent_events (project_id, project_user_id, seq)
  where project_user_id is not null;
