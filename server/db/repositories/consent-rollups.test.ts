import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  DEMO_PROJECT_ID,
  type TestContext,
} from '../../testing/test-context.ts';
import {
  lastClosedDay,
  readRollup,
  splitIntoMonths,
  type RollupDimension,
} from './consent-rollups.ts';

const DIMENSIONS: RollupDimension[] = ['day', 'geography', 'language', 'surface'];

describe('readRollup with compacted periods (migration 052)', () => {
  let t: TestContext;

  /** The answer straight from the daily rollup, as migration 051 alone gives it. */
  async function direct(from: string, to: string, by: RollupDimension) {
    const key = by === 'day' ? `to_char(day, 'YYYY-MM-DD')` : by;
    const { rows } = await t.db.query<{ key: string; label: string; state: string; count: string }>(
      `select ${key} as key, label, state, sum(count)::text as count from consent_rollups
        where project_id = $1 and day between $2::date and $3::date
        group by 1, 2, 3 order by 1, 2, 3`,
      [DEMO_PROJECT_ID, from, to],
    );
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  async function add(day: string, geography: string, label: string, state: string, count: number) {
    await t.db.query(
      `insert into consent_rollups (project_id, day, geography, language, surface, label, state, count)
       values ($1, $2, $3, 'en', 'notice', $4, $5, $6)
       on conflict (project_id, day, geography, language, surface, label, state)
       do update set count = consent_rollups.count + excluded.count`,
      [DEMO_PROJECT_ID, day, geography, label, state, count],
    );
  }

  beforeAll(async () => {
    t = await createTestContext();
    // January to March 2025, a few days each, two geographies.
    for (const [index, day] of [
      '2025-01-05',
      '2025-01-31',
      '2025-02-01',
      '2025-02-14',
      '2025-02-28',
      '2025-03-01',
      '2025-03-09',
    ].entries()) {
      await add(day, 'DE', 'analytics', 'accepted', index + 1);
      await add(day, 'FR', 'analytics', 'declined', 2 * index + 1);
      await add(day, 'DE', '', 'notice', 10 + index);
    }
  }, 60_000);
  afterAll(() => t.db.close());

  it('splits a range into its closed whole months and the days around them', () => {
    expect(splitIntoMonths('2025-01-05', '2025-03-09', '2025-03-09')).toEqual({
      months: ['2025-02-01'],
      covered: { from: '2025-02-01', to: '2025-02-28' },
    });
    expect(splitIntoMonths('2025-01-01', '2025-02-28', '2025-03-09').months).toEqual([
      '2025-01-01',
      '2025-02-01',
    ]);
    // A month not yet over is not a closed one.
    expect(splitIntoMonths('2025-02-01', '2025-03-31', '2025-03-09').months).toEqual([
      '2025-02-01',
    ]);
    expect(splitIntoMonths('2025-02-02', '2025-02-27', '2025-03-09')).toEqual({
      months: [],
      covered: undefined,
    });
    expect(lastClosedDay(new Date('2025-03-10T00:30:00Z'))).toBe('2025-03-08');
    expect(lastClosedDay(new Date('2025-03-10T01:30:00Z'))).toBe('2025-03-09');
  });

  it('answers what the daily rollup sums, before and after the periods are compacted, for every dimension', async () => {
    const now = new Date('2025-03-09T12:00:00Z');
    for (const [from, to] of [
      ['2025-01-01', '2025-03-09'],
      ['2025-01-05', '2025-02-28'],
      ['2025-02-01', '2025-02-01'],
      ['2025-01-31', '2025-03-01'],
    ] as const) {
      for (const by of DIMENSIONS) {
        const expected = await direct(from, to, by);
        expect(
          await readRollup(t.db, DEMO_PROJECT_ID, { from, to }, by, now),
          `${from} ${to} ${by}`,
        ).toEqual(expected);
        // Again, from the compaction the first read made.
        expect(await readRollup(t.db, DEMO_PROJECT_ID, { from, to }, by, now)).toEqual(expected);
      }
    }
    const { rows } = await t.db.query<{ kind: string; n: number }>(
      `select kind, count(*)::int as n from consent_rollup_periods where project_id = $1
        group by kind order by kind`,
      [DEMO_PROJECT_ID],
    );
    expect(rows).toEqual([
      { kind: 'day', n: 67 },
      { kind: 'month', n: 2 },
      { kind: 'split-day', n: 36 },
    ]);
  });

  it('counts what arrives on a day still open, and never changes a closed period', async () => {
    const now = new Date('2025-03-09T12:00:00Z');
    await add('2025-03-09', 'DE', 'analytics', 'accepted', 100);
    for (const by of DIMENSIONS) {
      expect(
        await readRollup(t.db, DEMO_PROJECT_ID, { from: '2025-01-01', to: '2025-03-09' }, by, now),
      ).toEqual(await direct('2025-01-01', '2025-03-09', by));
    }
  });
});
