import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChains } from '../consent-events/chain-verification.ts';
import { CHAIN_START, linkHash } from '../consent-events/chain.ts';
import { findConsentEvent, type NewConsentEvent } from './repositories/consent-events.ts';
import {
  DEMO_CONSENT_TYPES,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  seedDemo,
} from '../projects/seed.ts';
import { erasePerson } from '../people/erasure.ts';
import { sha256 } from '../crypto/sha256.ts';
import { countRows, memoryKeyStore } from '../testing/test-context.ts';
import type { Database } from './database.ts';
import { migrate, readMigrations } from './migrations.ts';
import { createPgliteDatabase } from './pglite-database.ts';

describe('migrate', () => {
  let db: Database;
  beforeAll(() => {
    db = createPgliteDatabase();
  });
  afterAll(() => db.close());

  it('applies every migration file once and records it', async () => {
    const names = (await readMigrations()).map((migration) => migration.name);
    expect(names).toContain('001_init.sql');
    expect(await migrate(db)).toEqual(names);
    const { rows } = await db.query<{ name: string }>(
      'select name from schema_migrations order by name',
    );
    expect(rows.map((row) => row.name)).toEqual(names);
  }, 60_000);

  it('does nothing when run a second time', async () => {
    const before = await db.query('select name, applied_at from schema_migrations order by name');
    expect(await migrate(db)).toEqual([]);
    const after = await db.query('select name, applied_at from schema_migrations order by name');
    expect(after.rows).toEqual(before.rows);
  });

  it('rolls back a failing migration and leaves no record of it', async () => {
    const broken = { name: '999_broken.sql', sql: 'create table half_made (id int); select nope;' };
    await expect(migrate(db, [broken])).rejects.toThrow();
    const table = await db.query("select 1 from pg_tables where tablename = 'half_made'");
    expect(table.rows).toEqual([]);
    const record = await db.query("select 1 from schema_migrations where name = '999_broken.sql'");
    expect(record.rows).toEqual([]);
  });
});

describe('migration 031 (monthly event partitions)', () => {
  let db: Database;
  beforeAll(() => {
    db = createPgliteDatabase();
  });
  afterAll(() => db.close());

  it('keeps existing events, their seq and their hash chain, and puts each in its month', async () => {
    const all = await readMigrations();
    await migrate(
      db,
      all.filter((migration) => migration.name < '031'),
    );
    const [type] = DEMO_CONSENT_TYPES;
    // Rows as the schema before 031 has them (today's seedDemo writes columns added later).
    await db.query(`insert into organizations (id, name) values ($1, 'Demo')`, [
      DEMO_ORGANIZATION_ID,
    ]);
    await db.query(
      `insert into projects (id, organization_id, name, default_consent_duration, notice_texts,
         default_language, theme)
       values ($1, $2, 'Demo', 'P6M', '{}', 'en', '{}')`,
      [DEMO_PROJECT_ID, DEMO_ORGANIZATION_ID],
    );
    await db.query(
      `insert into consent_types (id, project_id, category, label, version, name, description,
         valid_states)
       values ($1, $2, $3, $4, $5, 'Type', 'Type', '["accepted"]')`,
      [type!.id, DEMO_PROJECT_ID, type!.category, type!.label, type!.version],
    );
    let head = CHAIN_START;
    const events: NewConsentEvent[] = ['2024-12-31T23:59:59.000Z', '2025-01-01T00:00:00.000Z'].map(
      (createdAt, index) => ({
        id: randomUUID(),
        projectId: DEMO_PROJECT_ID,
        organizationId: DEMO_ORGANIZATION_ID,
        concordId: randomUUID(),
        consentTypeId: type!.id,
        version: type!.version,
        category: type!.category,
        label: type!.label,
        consentState: 'accepted',
        consentAction: 'user_click',
        consentDate: createdAt,
        expirationDate: '2025-06-01T00:00:00.000Z',
        bodyHash: `body${index}`,
        createdAt,
      }),
    );
    for (const event of events) {
      const rowHash = linkHash(head, event);
      await db.query(
        `insert into consent_events (id, project_id, organization_id, concord_id, consent_type_id,
           version, category, label, consent_state, consent_action, consent_date, expiration_date,
           body_hash, created_at, prev_hash, row_hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          event.id,
          event.projectId,
          event.organizationId,
          event.concordId,
          event.consentTypeId,
          event.version,
          event.category,
          event.label,
          event.consentState,
          event.consentAction,
          event.consentDate,
          event.expirationDate,
          event.bodyHash,
          event.createdAt,
          head,
          rowHash,
        ],
      );
      head = rowHash;
    }
    await db.query(
      `insert into consent_event_chains (project_id, head_hash, head_seq)
       select $1, $2, max(seq) from consent_events`,
      [DEMO_PROJECT_ID, head],
    );
    const before = await db.query('select seq, id, row_hash from consent_events order by seq');

    expect(
      await migrate(
        db,
        all.filter((migration) => migration.name < '032'),
      ),
    ).toEqual(['031_monthly_event_partitions.sql']);
    const after = await db.query('select seq, id, row_hash from consent_events order by seq');
    expect(after.rows).toEqual(before.rows);
    // The later migrations, whose columns the repositories read below.
    await migrate(db);
    expect(await verifyChains(db)).toEqual({ projects: 1, events: 2, unchained: 0 });
    const { rows } = await db.query<{ partition: string; id: string }>(
      `select tableoid::regclass::text as partition, id from consent_events order by seq`,
    );
    expect(rows).toEqual([
      { partition: 'consent_events_2024_12', id: events[0]!.id },
      { partition: 'consent_events_2025_01', id: events[1]!.id },
    ]);
    expect((await findConsentEvent(db, DEMO_PROJECT_ID, events[1]!.id))?.record.id).toBe(
      events[1]!.id,
    );
    // The id stays unique per project, now through consent_event_ids.
    await expect(
      db.query(
        `insert into consent_event_ids (project_id, id, seq, created_at) values ($1, $2, 99, now())`,
        [DEMO_PROJECT_ID, events[0]!.id],
      ),
    ).rejects.toThrow();
    await expect(db.exec('truncate consent_events_2025_01')).rejects.toThrow(/append-only/);
  }, 60_000);
});

describe('migration 075 (identifiers out of the chained rows)', () => {
  let db: Database;
  beforeAll(() => {
    db = createPgliteDatabase();
  });
  afterAll(() => db.close());

  it('moves version-1 identifiers out, keeps their hashes checkable, and erasure seals them', async () => {
    const all = await readMigrations();
    await migrate(
      db,
      all.filter((migration) => migration.name < '075'),
    );
    await seedDemo(db, { keyStore: memoryKeyStore(), ownerPassword: 'x'.repeat(12) });
    const [type] = DEMO_CONSENT_TYPES;
    const createdAt = new Date().toISOString();
    await db.query('select consent_events_ensure_partition($1::timestamptz)', [createdAt]);
    let head = CHAIN_START;
    const events: NewConsentEvent[] = ['Ada@Example.com', 'bob@example.com'].map((email) => ({
      id: randomUUID(),
      projectId: DEMO_PROJECT_ID,
      organizationId: DEMO_ORGANIZATION_ID,
      concordId: randomUUID(),
      email,
      consentTypeId: type!.id,
      version: type!.version,
      category: type!.category,
      label: type!.label,
      consentState: 'accepted',
      consentAction: 'import',
      consentDate: createdAt,
      expirationDate: '2099-06-01T00:00:00.000Z',
      bodyHash: sha256(email),
      createdAt,
    }));
    for (const event of events) {
      const rowHash = linkHash(head, event);
      await db.query(
        `insert into consent_events (id, project_id, organization_id, concord_id, email,
           consent_type_id, version, category, label, consent_state, consent_action,
           consent_date, expiration_date, body_hash, created_at, prev_hash, row_hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          event.id,
          event.projectId,
          event.organizationId,
          event.concordId,
          event.email,
          event.consentTypeId,
          event.version,
          event.category,
          event.label,
          event.consentState,
          event.consentAction,
          event.consentDate,
          event.expirationDate,
          event.bodyHash,
          event.createdAt,
          head,
          rowHash,
        ],
      );
      head = rowHash;
    }
    await db.query(
      `insert into consent_event_chains (project_id, head_hash, head_seq)
       select $1, $2, max(seq) from consent_events`,
      [DEMO_PROJECT_ID, head],
    );
    await db.exec(`insert into consent_event_ids (project_id, id, seq, created_at)
      select project_id, id, seq, created_at from consent_events`);

    await migrate(db);
    const { rows } = await db.query<{ email: string | null; kinds: string[] }>(
      `select email, (select array_agg(k) from jsonb_object_keys(identifier_commitments) k) as kinds
         from consent_events order by seq`,
    );
    expect(rows).toEqual([
      { email: null, kinds: ['email'] },
      { email: null, kinds: ['email'] },
    ]);
    expect(await countRows(db, 'person_identifiers')).toBe(2);
    expect(await verifyChains(db)).toEqual({ projects: 1, events: 2, unchained: 0 });
    expect((await findConsentEvent(db, DEMO_PROJECT_ID, events[0]!.id))?.person).toEqual({
      email: 'Ada@Example.com',
    });

    const report = await erasePerson(db, {
      organizationId: DEMO_ORGANIZATION_ID,
      projectId: DEMO_PROJECT_ID,
      kind: 'email',
      value: 'ada@example.com',
      actor: 'system',
      now: new Date(),
    });
    expect(report).toMatchObject({ identifiers: { email: 1 }, events: 1, sealed: 1 });
    expect((await findConsentEvent(db, DEMO_PROJECT_ID, events[0]!.id))?.person).toEqual({});
    expect(await verifyChains(db)).toEqual({ projects: 1, events: 2, unchained: 0, sealed: 1 });

    // The seal still finds an edit of the sealed row, and the commitments an edited identifier.
    await db.exec(`begin; set local assent.maintenance = 'on';
      update consent_events set consent_state = 'declined' where seq = (select min(seq) from consent_events);
      commit;`);
    expect((await verifyChains(db)).broken?.reason).toContain('seal');
    await db.exec(`begin; set local assent.maintenance = 'on';
      update consent_events set consent_state = 'accepted' where seq = (select min(seq) from consent_events);
      commit;`);
    await db.query(`update person_identifiers set value = 'eve@example.com'`);
    // Bob's version-1 row hashed his email in clear: the row itself no longer checks.
    expect((await verifyChains(db)).broken?.reason).toContain('does not match its hash');
    await expect(db.exec('update consent_events set consent_state = 1')).rejects.toThrow(
      /append-only/,
    );
  }, 60_000);
});
