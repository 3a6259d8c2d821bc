import { requestedStates, withDisclosures, type ChoiceContext } from '../core/choice.ts';
import { createConsentEvent, decisionOf } from '../core/consent-event.ts';
import { refuseState } from '../core/consent-type.ts';
import { refuseRetiredType } from '../core/consent-rules.ts';
import { labelRecord, isTypeInForce } from '../core/decision.ts';
import type {
  ConsentAction,
  ConsentEventInput,
  ConsentProof,
  ConsentState,
  Decision,
  NoticeSnapshot,
} from '../core/types.ts';
import type { ChoiceOrigin, Manager, ManagerBundle } from '../runtime/bundles.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { clearVisitor, writeDecisions } from '../storage/decisions.ts';
import { createOutbox, type Outbox } from './outbox.ts';
import { adoptVisitor, createVisitorSecret } from './visitor.ts';

export type { Manager };

const managers = new WeakMap<Runtime, Manager>();

/** The runtime's manager, made on first use: the loader and every UI bundle share it. */
export const managerFor: ManagerBundle['managerFor'] = (runtime) => {
  let manager = managers.get(runtime);
  if (!manager) {
    const created = createManager(runtime);
    managers.set(runtime, (manager = created));
    // A closing tab cancels ordinary requests; keepalive ones outlive it.
    addEventListener('pagehide', () => created.flushOnExit(true));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') created.flushOnExit();
    });
    addEventListener('online', () => void created.flush());
  }
  return manager;
};

export function createManager(
  runtime: Runtime,
  outbox: Outbox = createOutbox(runtime),
  newId: () => string = () => crypto.randomUUID(),
): Manager {
  const report = (message: string) => runtime.emitter.emit('error', { message });

  function visitorId(): string {
    if (!runtime.visitorId) adoptVisitor(runtime, newId(), createVisitorSecret());
    return runtime.visitorId!;
  }

  function buildEvents(
    states: Record<string, ConsentState>,
    action: ConsentAction,
  ): { events: ConsentEventInput[]; decisions: Record<string, Decision> } | string {
    const config = runtime.config;
    if (!config) return 'the consent configuration has not loaded yet';
    const byLabel = new Map(config.consentTypes.map((type) => [type.label, type]));
    const now = runtime.now();
    const events: ConsentEventInput[] = [];
    const decisions = labelRecord<Decision>();
    for (const [label, state] of Object.entries(states)) {
      const type = byLabel.get(label);
      if (!type || !isTypeInForce(type, runtime.preview)) return `unknown consent type "${label}"`;
      const refusal = refuseRetiredType(type) ?? refuseState(type, state);
      if (refusal) return refusal;
      const event = createConsentEvent({
        type,
        state,
        action,
        now,
        concordId: visitorId(),
        defaultDuration: config.defaultConsentDuration,
        declineDuration: config.declineDuration,
        id: newId(),
      });
      events.push(event);
      const decision = decisionOf(event, type);
      if (decision) decisions[label] = decision;
    }
    return { events, decisions };
  }

  /** proof.ts once imported, and the hash it made of each notice shown, by the notice's `shown`. */
  let proofModule: typeof import('./proof.ts') | undefined;
  const hashed = new WeakMap<object, { notice: NoticeSnapshot; noticeHash: string }>();

  /** Each event carries the proof; the first also the snapshot, which the server stores once. */
  const withProof = (
    events: ConsentEventInput[],
    proof: ConsentProof,
    notice?: NoticeSnapshot,
  ): ConsentEventInput[] =>
    events.map((event, index) => ({
      ...event,
      proof: index === 0 && notice ? { ...proof, notice } : proof,
    }));

  /**
   * Records events with their proof, never losing them to a page that goes away meanwhile: they
   * are held (localStorage, synchronously: src/storage/pending-events.ts) before anything is
   * awaited, with their final proof when it can be made at once (proof.ts is in and hashed this
   * notice before: the notice's own viewed events did), else with what is known without it,
   * which a page left before the hash keeps. Then they go to the outbox.
   */
  async function record(events: ConsentEventInput[], origin: ChoiceOrigin): Promise<void> {
    const gpc = globalThis.navigator?.globalPrivacyControl === true || runtime.config?.gpc === true;
    // Read now, before anything is awaited: the decision just committed made these strings and
    // decided what the signal stands for; a later one must not reach this event's proof.
    const extras = { ...runtime.proofExtras };
    const valid = runtime.valid();
    const known = origin.shown && hashed.get(origin.shown);
    const final =
      !!proofModule && (!!known || !origin.shown || !origin.surface || !globalThis.crypto?.subtle);
    const held = final
      ? withProof(
          events,
          proofModule!.proofWith(origin, gpc, valid, extras, known?.noticeHash),
          known?.notice,
        )
      : withProof(events, {
          ...(origin.surface && { surface: origin.surface }),
          ...extras,
          signals: { gpc },
        });
    outbox.hold(held);
    if (final) return outbox.enqueue(held);
    let made: Awaited<ReturnType<typeof import('./proof.ts').proofOf>>;
    try {
      proofModule ??= await import('./proof.ts');
      made = await proofModule.proofOf(origin, gpc, valid, extras);
    } catch {
      // The module did not download: the decision still goes, with what is known without it.
      return outbox.enqueue(held);
    }
    const { proof, notice } = made;
    if (origin.shown && notice && proof.noticeHash)
      hashed.set(origin.shown, { notice, noticeHash: proof.noticeHash });
    return outbox.enqueue(withProof(events, proof, notice));
  }

  /** The context of the choice rules (core/choice.ts) on this page, now. */
  const context = (): ChoiceContext => ({
    types: runtime.config?.consentTypes ?? [],
    decisions: runtime.decisions,
    preview: runtime.preview,
    now: runtime.now(),
    defaultDuration: runtime.config?.defaultConsentDuration,
  });

  const manager: Manager = {
    async choose(chosen, action = 'user_click', origin = { surface: 'api' }) {
      // Whatever the visitor chose with, they were shown the pending disclosures too.
      const states = action === 'user_click' ? withDisclosures(chosen, context()) : chosen;
      const built = buildEvents(states, action);
      if (typeof built === 'string') {
        report(built);
        return false;
      }
      // Apply first: the click runs what it allows at once; storing and sending follow.
      runtime.commit(built.decisions);
      await Promise.all([
        writeDecisions(runtime.projectId, built.decisions, runtime.store).catch(() =>
          report('could not store the consent decision in this browser'),
        ),
        record(built.events, origin),
      ]);
      return true;
    },
    accept: (labels) =>
      manager.choose(requestedStates(context().types, labels, true, runtime.preview)),
    decline: (labels) =>
      manager.choose(requestedStates(context().types, labels, false, runtime.preview)),
    async reset() {
      await Promise.all([
        clearVisitor(runtime.projectId, runtime.store).catch(() => {}),
        outbox.clearDeadLetters(),
      ]);
      runtime.visitorSecret = undefined;
      runtime.forget();
    },
    async recordViewed(labels, origin = { surface: 'notice' }) {
      // A type that cannot be `viewed` (a required one accepting only `accepted`) records nothing.
      const viewable = (runtime.config?.consentTypes ?? []).filter(
        (type) => labels.includes(type.label) && type.validStates.includes('viewed'),
      );
      if (!viewable.length) return;
      const built = buildEvents(
        labelRecord(viewable.map((type) => [type.label, 'viewed' as const])),
        'implied',
      );
      if (typeof built === 'string') return report(built);
      await record(built.events, origin);
    },
    async identify(input) {
      // Only an identity the site's backend signed; its claims are checked before anything is
      // sent, the signature by the server (issue 22 §1).
      let identityModule: typeof import('./identity.ts');
      try {
        identityModule = await import('./identity.ts');
      } catch (error) {
        return (report(`could not load identify: ${String(error)}`), false);
      }
      const { decisionsToAdopt, readIdentifyInput } = identityModule;
      const identity = readIdentifyInput(input, runtime.now());
      if (typeof identity === 'string') return (report(identity), false);
      // The session carries this browser's visitor id, and its own decisions reach the server
      // first, so that the merged state already counts them.
      visitorId();
      await outbox.flush();
      const token = await outbox.sessionToken();
      if (!token.ok) return (report(`could not identify the visitor: ${token.message}`), false);
      const linked = await runtime.api.putProfile(token.value, identity.token);
      if (!linked.ok) return (report(`could not identify the visitor: ${linked.message}`), false);
      runtime.identity = { [identity.claims.kind]: identity.claims.value };
      const merged = await runtime.api.getConsentState(token.value);
      if (!merged.ok)
        return (report(`could not read the merged consent: ${merged.message}`), false);
      const config = runtime.config;
      if (!config) return true;
      const adopted = decisionsToAdopt(
        merged.value.items,
        runtime.decisions,
        config.consentTypes,
        runtime.now(),
        runtime.preview,
      );
      if (Object.keys(adopted).length) {
        // Already on the server: adopted decisions are applied and stored, not sent again.
        runtime.commit(adopted);
        await writeDecisions(runtime.projectId, adopted, runtime.store).catch(() =>
          report('could not store the consent decision in this browser'),
        );
      }
      return true;
    },
    sessionToken: () => (visitorId(), outbox.sessionToken()),
    flush: () => outbox.flush(),
    flushOnExit: (leaving) => outbox.flushOnExit(leaving),
    pendingCount: () => outbox.pendingCount(),
    deadLetterCount: () => outbox.deadLetterCount(),
  };
  return manager;
}
