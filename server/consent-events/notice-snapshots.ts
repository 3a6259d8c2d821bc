import { noticeSnapshotText, snapshotMismatches } from '../../src/core/proof.ts';
import type { ConsentProof } from '../../src/core/types.ts';
import { sha256 } from '../crypto/sha256.ts';
import { httpError } from '../http/http-error.ts';
import type { ProjectConfig } from '../projects/cache.ts';
import type { StoredNoticeSnapshot } from '../db/repositories/notice-snapshots.ts';

/** The snapshots a batch sends, and the hashes its proofs name. */
export interface BatchSnapshots {
  /** Sent with the batch, hash checked, with what disagreed with the config. */
  sent: Omit<StoredNoticeSnapshot, 'createdAt'>[];
  /** Named by a proof and not sent with the batch: the project must know them already. */
  named: Map<string, string>;
}

/**
 * Checks the snapshots a batch's proofs send (issue 17). A snapshot whose content does not hash
 * to the `noticeHash` beside it is refused (400): a hash is never taken on trust. One that
 * hashes right but disagrees with the project's config as the server knows it (a type at
 * another version, a text the project set otherwise) is kept with its `problems`, flagged: a
 * browser that cached the previous config showed what it showed.
 */
export function batchSnapshots(
  items: { proof?: ConsentProof }[],
  config: ProjectConfig,
): BatchSnapshots {
  const sent = new Map<string, Omit<StoredNoticeSnapshot, 'createdAt'>>();
  const named = new Map<string, string>();
  items.forEach((item, index) => {
    const proof = item.proof;
    if (!proof?.noticeHash) return;
    const at = `items/${index}/proof`;
    if (!proof.notice) {
      if (!named.has(proof.noticeHash)) named.set(proof.noticeHash, `${at}/noticeHash`);
      return;
    }
    if (sha256(noticeSnapshotText(proof.notice)) !== proof.noticeHash) {
      throw httpError(400, `${at}/noticeHash is not the SHA-256 of ${at}/notice`);
    }
    if (proof.language !== undefined && proof.language !== proof.notice.language) {
      throw httpError(400, `${at}/language is not the language of ${at}/notice`);
    }
    sent.set(proof.noticeHash, {
      hash: proof.noticeHash,
      content: proof.notice,
      problems: snapshotMismatches(proof.notice, config.types, config.project.texts),
    });
  });
  for (const hash of sent.keys()) named.delete(hash);
  return { sent: [...sent.values()], named };
}

/** The 422 of a proof naming a snapshot the project does not have. */
export function unknownSnapshot(at: string, hash: string) {
  return httpError(
    422,
    `${at} ${hash} is not a notice snapshot of this project: send its content once in proof.notice`,
  );
}
