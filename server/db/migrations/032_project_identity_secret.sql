-- The secret a project's backend signs identity tokens with (`assent.identify({ token })`, issue
-- 22 §1). Kept as it is, not hashed: the server needs it to check an HMAC. It is never part of
-- what the site API answers, and only `npm run admin` shows it. A project without one (made
-- before this migration) refuses every identity until one is set (`npm run admin`).
alter table projects add column identity_secret text;
