-- Tag integrations (issue 6): cookie name patterns per consent type, cleared on withdrawal;
-- Google Consent Mode settings and reload-after-withdrawal per project.

-- JSON array of cookie name patterns (`_ga*`), or null for none.
alter table consent_types add column cookies jsonb;

-- GoogleConsentModeOptions (src/core/types.ts), or null for the defaults.
alter table projects add column google_consent_mode jsonb;
alter table projects add column reload_on_withdrawal boolean not null default false;
