-- Issue 19: a group of consent events written in one statement, so that a project's chain head
-- is locked only while the database works. Before, the server took the lock in one statement,
-- computed each row's hash (it needs the head), sent the inserts and then the commit: the head
-- stayed locked while the server's one thread got round to each answer, and the writing
-- connection was "idle in transaction" about half of the time. Called on its own (no `begin`),
-- this function is the whole transaction: lock, checks, hashes, rows, commit, one round trip.
--
-- What it does is what consent-events/writer.ts does in its transaction, in the same order:
--   1. locks the head (as `lockChainHead`);
--   2. refuses (SQLSTATE AS001) when the project's `config_version` is not the one the events
--      were checked against, (AS002) when an endpoint wants the events and the caller will not
--      add their deliveries in this transaction, (AS003) when one of the ids the callers chose
--      is stored already: the server then writes the group the long way, which handles each of
--      these. Each check is a statement of its own, so under read committed it sees what the
--      writes before the lock committed;
--   3. the notice snapshots the events name (as `insertNoticeSnapshots`);
--   4. each row's link, sha-256 over the previous hash, a newline and the row's link text as
--      UTF-8, in hex: the bytes `linkHashOf` in consent-events/chain.ts hashes and
--      `npm run verify` recomputes;
--   5. the rows, their `consent_event_ids` and the head (as `insertConsentEvents`);
--   6. the rollup counts (as `addToRollup`).
-- The rows come from their link texts (`linkText`: the canonical JSON of every stored member
-- of a chain version 2 row that names no person identifier), one per line (JSON never holds a
-- raw newline): a row is parsed from the very text its hash covers, and the server sends one
-- string rather than an array per column.
-- Every statement filters by or inserts `p_project_id` (Citus: the function can be distributed
-- by it, ARCHITECTURE.md).
create function consent_events_append(
  p_project_id uuid,
  p_config_version bigint,
  p_webhooks boolean,
  p_client_ids uuid[],
  p_snapshots jsonb,
  p_rollup jsonb,
  p_texts text
) returns table (
  seq text,
  prev_hash text,
  row_hash text,
  session_ip_address text,
  session_domain text,
  session_geography text,
  session_user_agent text,
  webhooks boolean
) language plpgsql as $$
#variable_conflict use_column
declare
  v_head text;
  v_version bigint;
  v_webhooks boolean;
  v_texts text[] := string_to_array(p_texts, E'\n');
  v_links text[] := '{}';
  v_text text;
  v_hash text;
begin
  insert into consent_event_chains as c (project_id) values (p_project_id)
    on conflict (project_id) do update set head_hash = c.head_hash
    returning c.head_hash into v_head;

  select p.config_version into v_version from projects p where p.id = p_project_id;
  if v_version is distinct from p_config_version then
    raise exception using errcode = 'AS001',
      message = 'the project changed since its events were checked';
  end if;
  v_webhooks := exists (select 1 from webhook_endpoints w
                         where w.project_id = p_project_id and w.deleted_at is null
                           and w.events ? 'consent_event.created');
  if v_webhooks and not p_webhooks then
    raise exception using errcode = 'AS002', message = 'an endpoint wants these events';
  end if;
  if cardinality(p_client_ids) > 0 and exists (
       select 1 from consent_event_ids i
        where i.project_id = p_project_id and i.id = any (p_client_ids)) then
    raise exception using errcode = 'AS003', message = 'an id is already recorded';
  end if;

  if p_snapshots is not null then
    insert into notice_snapshots (project_id, hash, content, problems, created_at)
    select p_project_id, x.hash, x.content, x.problems, (v_texts[1]::json ->> 'createdAt')::timestamptz
      from jsonb_to_recordset(p_snapshots) as x(hash text, content jsonb, problems jsonb)
    on conflict (project_id, hash) do nothing;
  end if;

  v_hash := v_head;
  foreach v_text in array v_texts loop
    v_hash := encode(sha256(convert_to(v_hash || E'\n' || v_text, 'UTF8')), 'hex');
    v_links := v_links || v_hash;
  end loop;

  return query
  with x as (
    select r.*, t.prev_hash, t.row_hash, t.ord
      from unnest(v_texts, trim_array(array_prepend(v_head, v_links), 1), v_links)
           with ordinality as t(text, prev_hash, row_hash, ord),
           json_to_record(t.text::json) as r(id uuid, "organizationId" uuid, "concordId" uuid,
             "consentTypeId" uuid, version integer, category text, subcategory jsonb,
             label text, "consentState" text, "consentAction" text, "consentDate" timestamptz,
             "expirationDate" timestamptz, "clientConsentDate" timestamptz, "sessionId" uuid,
             surface text, metadata jsonb, proof jsonb, "bodyHash" text, "createdAt" timestamptz,
             "chainVersion" smallint, "identifierCommitments" jsonb)
  ),
  e as (
    insert into consent_events (id, project_id, organization_id, concord_id, consent_type_id,
      version, category, subcategory, label, consent_state, consent_action, consent_date,
      expiration_date, client_consent_date, session_id, surface, metadata, proof, body_hash,
      created_at, prev_hash, row_hash, chain_version, identifier_commitments)
    select x.id, p_project_id, x."organizationId", x."concordId", x."consentTypeId", x.version,
           x.category, x.subcategory, x.label, x."consentState", x."consentAction",
           x."consentDate", x."expirationDate", x."clientConsentDate", x."sessionId", x.surface,
           x.metadata, x.proof, x."bodyHash", x."createdAt", x.prev_hash, x.row_hash,
           x."chainVersion", x."identifierCommitments"
      from x order by x.ord
    returning consent_events.project_id, consent_events.seq, consent_events.id,
              consent_events.session_id, consent_events.created_at, consent_events.prev_hash,
              consent_events.row_hash
  ),
  ids as (
    insert into consent_event_ids (project_id, id, seq, created_at)
    select e.project_id, e.id, e.seq, e.created_at from e
  ),
  head as (
    update consent_event_chains c set head_hash = v_hash, head_seq = (select max(e.seq) from e)
     where c.project_id = p_project_id
  )
  select e.seq::text, e.prev_hash, e.row_hash, s.ip_address, s.domain, s.geography,
         s.user_agent, v_webhooks
    from e left join sessions s on s.project_id = p_project_id and s.id = e.session_id
   order by e.seq;

  if p_rollup is not null then
    insert into consent_rollups as r (project_id, day, geography, language, surface, label,
                                      state, count)
    select p_project_id, x.day, coalesce(s.geography, 'unknown'), x.language, x.surface,
           x.label, x.state, sum(x.n)
      from jsonb_to_recordset(p_rollup) as x(day date, "sessionId" uuid, language text,
           surface text, label text, state text, n integer)
      left join sessions s on s.project_id = p_project_id and s.id = x."sessionId"
     group by 1, 2, 3, 4, 5, 6, 7
    on conflict (project_id, day, geography, language, surface, label, state)
    do update set count = r.count + excluded.count;
  end if;
end;
$$;
