import type { ApiResult } from '../api/site-api.ts';
import type { ConsentEventInput, SiteSession } from '../core/types.ts';
import {
  addDeadLetter,
  addToOutbox,
  clearDeadLetters,
  readOutbox,
  removeFromOutbox,
} from '../storage/outbox-store.ts';
import { addPending, readPending, removePending } from '../storage/pending-events.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { adoptVisitor, currentVisitorSecret } from './visitor.ts';

const BATCH_SIZE = 100;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 60_000;
/**
 * Sends in a row that may fail on one page before it stops retrying: 16 minutes of 503s took
 * 17-18 (issue 22 §5). What is left stays stored; the next page, a new decision or going online
 * sends it again.
 */
const MAX_ATTEMPTS_PER_PAGE = 8;
/** Renew a session this long before the server would refuse it. */
const SESSION_MARGIN_MS = 60_000;
/**
 * Browsers allow 64 KiB of keepalive bodies in flight per page (Fetch standard, "keepalive");
 * stay under it with room for headers and other requests.
 */
const KEEPALIVE_BUDGET = 60_000;

/**
 * Held events an earlier page left (src/storage/pending-events.ts) are moved to the outbox once
 * they are this old: a younger one may be another tab's, whose own outbox is about to take it
 * with its final proof (the server refuses a second body for one id).
 */
const ADOPT_AFTER_MS = 5000;

/** Statuses after which the same request may succeed later. */
const isRetryable = (status: number) =>
  status === 0 || status === 408 || status === 429 || status >= 500;

/** Batches of at most 100 events, each about one visitor (one session sends it). */
function batchesOf(events: ConsentEventInput[]): ConsentEventInput[][] {
  const byVisitor = new Map<string | undefined, ConsentEventInput[]>();
  for (const event of events) {
    const list = byVisitor.get(event.concordId) ?? [];
    byVisitor.set(event.concordId, list);
    list.push(event);
  }
  const batches: ConsentEventInput[][] = [];
  for (const list of byVisitor.values()) {
    for (let start = 0; start < list.length; start += BATCH_SIZE) {
      batches.push(list.slice(start, start + BATCH_SIZE));
    }
  }
  return batches;
}

/** What the outbox needs from the browser, injectable for tests. */
export interface OutboxEnvironment {
  random(): number;
  /** Runs `task` while holding a lock shared by every tab of the site (Web Locks when there). */
  exclusive<T>(name: string, task: () => Promise<T>): Promise<T>;
}

const browserEnvironment = (): OutboxEnvironment => ({
  random: Math.random,
  exclusive(name, task) {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks
      ? (locks.request(name, task) as Promise<Awaited<ReturnType<typeof task>>>)
      : task();
  },
});

/**
 * Delivers consent events exactly once: each is written to the stored outbox before its first
 * send, and leaves it only when the server acknowledged it (the server de-duplicates by id, so a
 * resend after a lost answer stores nothing twice). Events storage would not take are kept in
 * memory and still sent. One tab sends at a time.
 */
export function createOutbox(runtime: Runtime, env: OutboxEnvironment = browserEnvironment()) {
  /** Events the store refused: memory is all they have. */
  const memoryOnly = new Map<string, ConsentEventInput>();
  /** The last known content of the outbox, for a send that cannot wait for storage (page exit). */
  const known = new Map<string, ConsentEventInput>();
  /** Open sessions by visitor id: events made before `reset()` still go out as their visitor's. */
  const sessions = new Map<string, SiteSession>();
  /** The secrets of the visitors this page opened sessions for, for when one must be renewed. */
  const secrets = new Map<string, string>();
  /** Visitor ids the server refused the secret of: their events can never be delivered. */
  const refused = new Set<string>();
  let sending: Promise<void> | undefined;
  /** The run that follows the one in flight, once a call asked for it. */
  let queued: Promise<void> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let deadLetters = 0;
  /** Events of a decision whose proof is still being made (`hold`), by id. */
  const held = new Map<string, ConsentEventInput>();
  /** Held events a leaving page sent as they were: that body is theirs from then on. */
  const sentHeld = new Set<string>();

  const report = (message: string) => runtime.emitter.emit('error', { message });

  /**
   * Moves what earlier pages held and did not get into the outbox (left at once after a
   * decision) into it; what is too young to be surely theirs, a little later.
   */
  async function adoptHeld(): Promise<void> {
    const now = runtime.now().getTime();
    const left = readPending(runtime.projectId).filter((event) => event.id && !held.has(event.id));
    const due = left.filter((event) => now - Date.parse(event.consentDate ?? '') >= ADOPT_AFTER_MS);
    if (due.length < left.length) setTimeout(() => void adoptHeld().then(flush), ADOPT_AFTER_MS);
    // An event the outbox holds already (the page went after its write) keeps its stored body.
    if (due.length) await store(due);
  }
  const adopted = adoptHeld().catch(() => {});

  async function sessionToken(concordId = runtime.visitorId): Promise<ApiResult<string>> {
    const open = concordId === undefined ? undefined : sessions.get(concordId);
    if (open && Date.parse(open.expiresAt) - SESSION_MARGIN_MS > runtime.now().getTime()) {
      return { ok: true, value: open.token };
    }
    const secret =
      concordId === undefined
        ? undefined
        : concordId === runtime.visitorId
          ? await currentVisitorSecret(runtime)
          : secrets.get(concordId);
    if (concordId !== undefined && secret === undefined) {
      refused.add(concordId);
      return { ok: false, status: 403, message: `no visitor secret for ${concordId}` };
    }
    const result = await runtime.api.createSession(
      concordId === undefined ? undefined : { concordId, visitorSecret: secret! },
    );
    if (!result.ok) {
      return result.status === 403 && concordId !== undefined
        ? startOver(concordId, result)
        : result;
    }
    if (concordId === undefined && result.value.visitorSecret && !runtime.visitorId) {
      adoptVisitor(runtime, result.value.concordId, result.value.visitorSecret);
    }
    sessions.set(result.value.concordId, result.value);
    if (concordId !== undefined) secrets.set(concordId, secret!);
    return { ok: true, value: result.value.token };
  }

  /**
   * The server refused a session for `concordId` (403). When a session for a new visitor is
   * taken, it was the visitor secret (the id is bound to another browser's, or storage lost
   * ours): the visitor id is given up, and the current visitor starts over as the new one,
   * instead of asking again for ever (issue 22 §1). When that is refused too, the origin is
   * (a misconfigured project): nothing changes and delivery retries as for any error.
   */
  async function startOver(
    concordId: string,
    refusal: ApiResult<string>,
  ): Promise<ApiResult<string>> {
    const fresh = await runtime.api.createSession(undefined);
    if (!fresh.ok || !fresh.value.visitorSecret) return refusal;
    refused.add(concordId);
    sessions.set(fresh.value.concordId, fresh.value);
    if (concordId === runtime.visitorId) {
      adoptVisitor(runtime, fresh.value.concordId, fresh.value.visitorSecret);
    }
    return refusal;
  }

  /**
   * The stored outbox (another tab may have emptied it) plus what only memory holds. When the
   * outbox cannot be read, what this page knows goes out now, and `unread` tells the caller to
   * read again later: events an earlier page stored are still in it, neither sent nor lost.
   */
  async function collect(): Promise<{ events: ConsentEventInput[]; unread: boolean }> {
    let stored: ConsentEventInput[];
    let unread = false;
    try {
      stored = await readOutbox(runtime.projectId, runtime.store);
    } catch (error) {
      report(`could not read the stored consent events, trying again later: ${String(error)}`);
      stored = [...known.values()];
      unread = true;
    }
    const events = new Map(stored.filter((event) => event.id).map((event) => [event.id!, event]));
    for (const [id, event] of memoryOnly) events.set(id, event);
    known.clear();
    for (const [id, event] of events) known.set(id, event);
    return { events: [...events.values()], unread };
  }

  /** Events the server acknowledged (or refused for good) leave memory and the stored outbox. */
  async function forgetDelivered(batch: ConsentEventInput[]) {
    const ids = new Set(batch.map((event) => event.id!));
    for (const id of ids) {
      memoryOnly.delete(id);
      known.delete(id);
    }
    removePending(runtime.projectId, ids);
    await removeFromOutbox(runtime.projectId, ids, runtime.store).catch(() => {});
  }

  async function deadLetter(event: ConsentEventInput, message: string) {
    deadLetters++;
    await addDeadLetter(runtime.projectId, event, runtime.store).catch(() => {});
    report(`consent event ${event.id} refused by the site API: ${message}`);
  }

  /** Sends one batch; on success returns how many events the server now holds. */
  async function sendBatch(
    batch: ConsentEventInput[],
    renewed = false,
  ): Promise<ApiResult<number>> {
    const concordId = batch[0]!.concordId;
    const token = await sessionToken(concordId);
    if (!token.ok) {
      if (concordId === undefined || !refused.has(concordId)) return token;
      // No session can ever speak for this visitor again: keep its events as dead letters.
      await forgetDelivered(batch);
      for (const event of batch) await deadLetter(event, token.message);
      return { ok: true, value: 0 };
    }
    const result = await runtime.api.sendEvents(token.value, batch);
    if (result.ok) {
      await forgetDelivered(batch);
      return { ok: true, value: batch.length };
    }
    if (result.status === 401 && !renewed) {
      if (concordId) sessions.delete(concordId);
      return sendBatch(batch, true);
    }
    if (isRetryable(result.status)) return result;
    // The server refuses a batch whole. Send its events one by one, so that one wrong event
    // lands in the dead-letter list and does not hold back the good ones.
    if (batch.length > 1) {
      let delivered = 0;
      for (const event of batch) {
        const single = await sendBatch([event]);
        if (!single.ok) return single;
        delivered += single.value;
      }
      return { ok: true, value: delivered };
    }
    await forgetDelivered(batch);
    await deadLetter(batch[0]!, result.message);
    return { ok: true, value: 0 };
  }

  async function deliver(): Promise<void> {
    await adopted;
    const { events, unread } = await collect();
    for (const batch of batchesOf(events)) {
      const result = await sendBatch(batch);
      if (!result.ok) {
        scheduleRetry(result.retryAfter);
        // Offline is expected and retried quietly; a server that answers an error is reported.
        if (result.status !== 0) report(`could not record consent yet: ${result.message}`);
        return;
      }
      if (result.value) {
        runtime.emitter.emit('sync', {
          count: result.value,
          pending: known.size,
          deadLetter: deadLetters,
        });
      }
    }
    if (unread) return scheduleRetry();
    attempt = 0;
  }

  function scheduleRetry(retryAfterSeconds?: number) {
    clearTimeout(retryTimer);
    if (attempt >= MAX_ATTEMPTS_PER_PAGE - 1) return;
    // Exponential backoff with full jitter, unless the server said when (Retry-After).
    const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt++);
    const delay =
      retryAfterSeconds !== undefined
        ? Math.min(retryAfterSeconds * 1000, MAX_DELAY_MS)
        : env.random() * cap;
    retryTimer = setTimeout(() => void flush(), delay);
  }

  /**
   * Sends whatever waits. A call during a run makes one more run follow it (one, for any number
   * of calls), and resolves when that one is done: what it was called for has been sent.
   */
  function flush(): Promise<void> {
    if (sending)
      return (queued ??= sending.then(() => {
        queued = undefined;
        return flush();
      }));
    clearTimeout(retryTimer);
    sending = env
      .exclusive(`assent-outbox:${runtime.projectId}`, deliver)
      .catch((error: unknown) => {
        report(`consent delivery failed: ${String(error)}`);
        scheduleRetry();
      })
      .finally(() => {
        sending = undefined;
      });
    return sending;
  }

  /**
   * Holds a decision's events, synchronously, until `enqueue` takes them with their final proof:
   * in localStorage for the next page, and here for a page that leaves meanwhile.
   */
  function hold(events: ConsentEventInput[]): void {
    for (const event of events) held.set(event.id!, event);
    addPending(runtime.projectId, events);
  }

  /** Writes events to the stored outbox, or memory when storage refuses. */
  async function store(events: ConsentEventInput[]): Promise<void> {
    for (const event of events) known.set(event.id!, event);
    const ids = new Set(events.map((event) => event.id!));
    try {
      await addToOutbox(runtime.projectId, events, runtime.store);
      // In the outbox now, the next page's to send: not held any more.
      removePending(runtime.projectId, ids);
    } catch {
      // Still held in localStorage (when it takes them) until the server acknowledges them.
      for (const event of events) memoryOnly.set(event.id!, event);
    }
    for (const id of ids) held.delete(id);
  }

  /**
   * Queues events durably (as far as storage allows) and starts sending them. An event a leaving
   * page already sent as held goes as it was sent.
   */
  async function enqueue(events: ConsentEventInput[]): Promise<void> {
    await store(events.map((event) => (sentHeld.has(event.id!) ? held.get(event.id!)! : event)));
    void flush();
  }

  /**
   * The page is hidden or going away: hand what is not yet acknowledged to keepalive requests,
   * which outlive it, and when it is `leaving`, the held events too, as they are. What does not
   * fit, or finds no session, stays stored (or held) for the next page.
   */
  function flushOnExit(leaving = false): void {
    const session = runtime.visitorId ? sessions.get(runtime.visitorId) : undefined;
    const waiting = [...known.values()];
    if (leaving) for (const [id, event] of held) if (!known.has(id)) waiting.push(event);
    if (!session || !waiting.length) return;
    const batch: ConsentEventInput[] = [];
    let bytes = 0;
    for (const event of waiting) {
      if (event.concordId !== session.concordId) continue;
      bytes += JSON.stringify(event).length + 1;
      if (bytes > KEEPALIVE_BUDGET || batch.length === BATCH_SIZE) break;
      batch.push(event);
    }
    if (!batch.length) return;
    for (const event of batch) if (held.has(event.id!)) sentHeld.add(event.id!);
    void runtime.api.sendEvents(session.token, batch, { keepalive: true }).then((result) => {
      // Still alive (a hidden tab, or bfcache): the acknowledgement removes them here.
      if (result.ok) void forgetDelivered(batch);
    });
  }

  return {
    hold,
    enqueue,
    flush,
    flushOnExit,
    sessionToken,
    pendingCount: () => known.size,
    deadLetterCount: () => deadLetters,
    /** Forgets the dead letters, stored and counted (`assent.reset()`). */
    async clearDeadLetters() {
      deadLetters = 0;
      await clearDeadLetters(runtime.projectId, runtime.store).catch(() => {});
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
