import { canonicalJson } from '../../src/core/canonical-json.ts';
import type { ConsentProof, ConsentType, NoticeSnapshot } from '../../src/core/types.ts';
import { CHAIN_START, linkHash } from '../consent-events/chain.ts';
import { fullRecord, type FullConsentEventRecord } from '../consent-events/full-record.ts';
import type { Queryable } from '../db/database.ts';
import {
  findChainHead,
  findConsentEvent,
  listChainRows,
} from '../db/repositories/consent-events.ts';
import { findNoticeSnapshot } from '../db/repositories/notice-snapshots.ts';
import { gppReceipt, tcfReceipt, type GppReceipt, type TcfReceipt } from './iab-proof.ts';

/** The format of a receipt; a change that alters its meaning gets a new one. */
export const RECEIPT_FORMAT = 'assent-consent-receipt/1';

/**
 * A consent receipt (issue 17): who decided what and when, the notice they saw, and where the
 * event sits in the project's hash chain, with what anyone needs to check it.
 */
export interface ConsentReceipt {
  format: typeof RECEIPT_FORMAT;
  issuedAt: string;
  /** The event with the person's identifiers and its proof. */
  event: FullConsentEventRecord;
  /** The consent type as the project has it now (the notice shows it as it was). */
  consentType?: Pick<ConsentType, 'id' | 'label' | 'name' | 'version'>;
  proof?: ConsentProof;
  /** The notice the person saw, when the event's proof names one. */
  notice?: { hash: string; content: NoticeSnapshot; problems: string[]; firstSeen: string };
  /** The proof's TC string decoded, its purposes and vendors named (issue 20). */
  tcf?: TcfReceipt;
  /** The proof's GPP string decoded into its sections (issue 21). */
  gpp?: GppReceipt;
  chain: {
    /** Position in the project's chain (insertion order). */
    seq: string;
    prevHash: string | null;
    rowHash: string | null;
    /** The text the row hash covers after `prevHash` and a newline (canonical JSON). */
    content: string;
    /** `sha256(prevHash + "\n" + content) === rowHash`, checked as the receipt was made. */
    rowVerified: boolean;
    head: { seq: string; hash: string } | null;
  };
  verify: string[];
}

const VERIFY = [
  'The row hash is the SHA-256 (hex) of prevHash, a newline, and chain.content: recompute it and compare with chain.rowHash.',
  'Each row’s prevHash is the previous row’s rowHash, up to the chain head: the owner’s `npm run verify` checks the whole chain; an NDJSON export (GET …/consent-events, Accept: application/x-ndjson) is checked on its own with `npm run verify -- --file <export>`.',
  'The notice hash is the SHA-256 of the notice’s canonical JSON (object keys sorted at every depth): GET …/notice-snapshots/{noticeHash} answers the same content.',
];

/** The receipt of a project's event, or `undefined` when the project has no such event. */
export async function buildReceipt(
  db: Queryable,
  projectId: string,
  eventId: string,
  types: ConsentType[],
  now: Date,
): Promise<ConsentReceipt | undefined> {
  const stored = await findConsentEvent(db, projectId, eventId);
  if (!stored) return undefined;
  const [row] = await listChainRows(db, projectId, (BigInt(stored.seq) - 1n).toString(), 1);
  const head = await findChainHead(db, projectId);
  const hash = stored.proof?.noticeHash;
  const snapshot = hash ? await findNoticeSnapshot(db, projectId, hash) : undefined;
  const type = types.find((candidate) => candidate.id === stored.record.consentType);
  const content = row ? canonicalJson(row.event) : '';
  return {
    format: RECEIPT_FORMAT,
    issuedAt: now.toISOString(),
    event: fullRecord(stored),
    ...(type && {
      consentType: { id: type.id, label: type.label, name: type.name, version: type.version },
    }),
    ...(stored.proof && { proof: stored.proof }),
    ...(stored.proof?.tcf && { tcf: await tcfReceipt(db, stored.proof.tcf) }),
    ...(stored.proof?.gpp && { gpp: gppReceipt(stored.proof.gpp) }),
    ...(snapshot && {
      notice: {
        hash: snapshot.hash,
        content: snapshot.content,
        problems: snapshot.problems,
        firstSeen: snapshot.createdAt,
      },
    }),
    chain: {
      seq: stored.seq,
      prevHash: stored.prevHash,
      rowHash: stored.rowHash,
      content,
      rowVerified:
        !!row &&
        stored.rowHash !== null &&
        linkHash(stored.prevHash ?? CHAIN_START, row.event) === stored.rowHash,
      head: head ?? null,
    },
    verify: VERIFY,
  };
}
