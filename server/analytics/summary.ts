import type { RollupRow } from '../db/repositories/consent-rollups.ts';

/** What visitors did, for one period or one value of a dimension. */
export interface OutcomeCounts {
  noticesShown: number;
  acceptAll: number;
  rejectAll: number;
  mix: number;
  /** Notices shown that no click followed (never below zero). */
  noChoice: number;
  /** (accept all + mix) ÷ notices shown: any choice that allows something; `null` without notices. */
  consentRate: number | null;
}

/** One consent type's states, and its opt-in rate: accepted ÷ (accepted + declined). */
export interface TypeCounts {
  label: string;
  viewed: number;
  accepted: number;
  declined: number;
  implied: number;
  optInRate: number | null;
}

type TypeState = 'viewed' | 'accepted' | 'declined' | 'implied';
const STATES = new Set<string>(['viewed', 'accepted', 'declined', 'implied']);

const OUTCOME_FIELD = {
  notice: 'noticesShown',
  accept_all: 'acceptAll',
  reject_all: 'rejectAll',
  mix: 'mix',
} as const;

function emptyOutcomes(): OutcomeCounts {
  return { noticesShown: 0, acceptAll: 0, rejectAll: 0, mix: 0, noChoice: 0, consentRate: null };
}

function finish(counts: OutcomeCounts): OutcomeCounts {
  const chosen = counts.acceptAll + counts.rejectAll + counts.mix;
  counts.noChoice = Math.max(0, counts.noticesShown - chosen);
  counts.consentRate =
    counts.noticesShown > 0 ? (counts.acceptAll + counts.mix) / counts.noticesShown : null;
  return counts;
}

/** Rows of the rollup (`readRollup`) as the analytics answer: totals, per key, per type. */
export function summarize(rows: RollupRow[], keys: string[] = []) {
  const totals = emptyOutcomes();
  const byKey = new Map<string, OutcomeCounts>(keys.map((key) => [key, emptyOutcomes()]));
  const types = new Map<string, TypeCounts>();
  for (const row of rows) {
    if (row.label === '') {
      const field = OUTCOME_FIELD[row.state as keyof typeof OUTCOME_FIELD];
      if (!field) continue;
      totals[field] += row.count;
      const own = byKey.get(row.key) ?? emptyOutcomes();
      own[field] += row.count;
      byKey.set(row.key, own);
      continue;
    }
    const type = types.get(row.label) ?? {
      label: row.label,
      viewed: 0,
      accepted: 0,
      declined: 0,
      implied: 0,
      optInRate: null,
    };
    if (STATES.has(row.state)) type[row.state as TypeState] += row.count;
    types.set(row.label, type);
  }
  for (const type of types.values()) {
    const decided = type.accepted + type.declined;
    type.optInRate = decided > 0 ? type.accepted / decided : null;
  }
  return {
    totals: finish(totals),
    rows: [...byKey]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, counts]) => ({ key, ...finish(counts) })),
    types: [...types.values()].sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/** Every day from `from` to `to` (`YYYY-MM-DD`, inclusive), so that a chart has no gaps. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 864e5) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}
