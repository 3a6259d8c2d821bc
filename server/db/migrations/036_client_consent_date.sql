-- Issue 22 §2: on the Site API the server's clock decides `consent_date`. When the browser's
-- `consentDate` is further than the allowed skew from the server's time, the server's time is
-- stored and the browser's is kept here, for the record; null when the two agree (or for
-- server-to-server events, whose dates are stored as given). Part of the row's hashed content
-- (consent-events/chain.ts), so the chain covers it; rows without it hash as before.
alter table consent_events add column client_consent_date timestamptz;
