/**
 * An event's proof (issue 17), made after the choice: its own small module (`dist/proof.js`),
 * imported by the manager once a visitor has seen or chosen something, so that it weighs nothing
 * on what it takes to show the notice. `crypto.subtle` hashes the snapshot (secure contexts
 * only; elsewhere the proof says the rest without the hash).
 */
import { signalHonoured } from '../core/decision.ts';
import { noticeSnapshotText, snapshotTypes } from '../core/proof.ts';
import type { ConsentProof, Decision, NoticeSnapshot } from '../core/types.ts';
import type { ChoiceOrigin } from '../runtime/bundles.ts';

/**
 * The proof of a choice, given the hash of the notice shown, if any (`proofOf` makes it): at
 * once, for a notice hashed before (the manager keeps each notice's hash, so that a click on a
 * notice whose viewed events were recorded needs nothing asynchronous).
 */
export function proofWith(
  origin: ChoiceOrigin,
  gpc: boolean,
  /** The valid decisions once the choice took effect. */
  decisions: Record<string, Decision>,
  /** The IAB strings in force then (`Runtime.proofExtras`). */
  extras: Pick<ConsentProof, 'tcf' | 'gpp'>,
  noticeHash?: string,
): ConsentProof {
  const { surface, shown } = origin;
  return {
    ...(surface && { surface }),
    ...(shown && { language: shown.language }),
    ...extras,
    // Honoured as the "Opt-out preference signal honoured" indicator says it (issue 21).
    signals: gpc ? { gpc, gpcHonoured: signalHonoured(decisions).length > 0 } : { gpc },
    ...(noticeHash && { noticeHash }),
  };
}

/** The proof of a choice, with the snapshot it hashed (sent once, with the first event). */
export async function proofOf(
  origin: ChoiceOrigin,
  gpc: boolean,
  decisions: Record<string, Decision>,
  extras: Pick<ConsentProof, 'tcf' | 'gpp'>,
): Promise<{ proof: ConsentProof; notice?: NoticeSnapshot }> {
  const { surface, shown } = origin;
  if (!shown || !surface || !globalThis.crypto?.subtle)
    return { proof: proofWith(origin, gpc, decisions, extras) };
  const notice: NoticeSnapshot = { ...shown, surface, types: snapshotTypes(shown.types) };
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(noticeSnapshotText(notice))),
  );
  const noticeHash = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return { proof: proofWith(origin, gpc, decisions, extras, noticeHash), notice };
}
