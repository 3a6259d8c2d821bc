import type { ApiResult } from '../api/site-api.ts';
import type { ConsentEventInput, SiteSession } from '../core/types.ts';
import { addToOutbox, readStoredState, removeFromOutbox } from '../storage/consent-records.ts';
import type { Runtime } from './runtime.ts';

const BATCH_SIZE = 100;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 60_000;
/** Renew a session this long before the server would refuse it. */
const SESSION_MARGIN_MS = 60_000;

/** Statuses after which the same request may succeed later. */
const isRetryable = (status: number) =>
  status === 0 || status === 408 || status === 429 || status >= 500;

/**
 * Delivers consent events: written to the stored outbox first, kept in memory too (storage may
 * fail), sent in batches under a session, removed only once the server acknowledged them.
 */
export function createOutbox(runtime: Runtime, random: () => number = Math.random) {
  const pending = new Map<string, ConsentEventInput>();
  let session: SiteSession | undefined;
  let sending: Promise<void> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;

  const report = (message: string) => runtime.emitter.emit('error', { message });

  async function sessionToken(): Promise<ApiResult<string>> {
    if (session && Date.parse(session.expiresAt) - SESSION_MARGIN_MS > runtime.now().getTime()) {
      return { ok: true, value: session.token };
    }
    const result = await runtime.api.createSession(runtime.visitorId);
    if (!result.ok) return result;
    session = result.value;
    return { ok: true, value: session.token };
  }

  async function collect(): Promise<ConsentEventInput[]> {
    const { outbox } = await readStoredState(runtime.projectId, runtime.store);
    for (const event of outbox)
      if (event.id && !pending.has(event.id)) pending.set(event.id, event);
    return [...pending.values()];
  }

  async function acknowledge(ids: Set<string>) {
    for (const id of ids) pending.delete(id);
    await removeFromOutbox(runtime.projectId, ids, runtime.store).catch(() => {});
  }

  /** Sends one batch; `true` when it went through or can never go through. */
  async function sendBatch(
    batch: ConsentEventInput[],
    renewed = false,
  ): Promise<ApiResult<number>> {
    const token = await sessionToken();
    if (!token.ok) return token;
    const result = await runtime.api.sendEvents(token.value, batch);
    if (result.ok) {
      await acknowledge(new Set(batch.map((event) => event.id!)));
      return { ok: true, value: batch.length };
    }
    if (result.status === 401 && !renewed) {
      session = undefined;
      return sendBatch(batch, true);
    }
    if (!isRetryable(result.status)) {
      // The server refused these events as wrong: sending them again cannot help.
      await acknowledge(new Set(batch.map((event) => event.id!)));
      await runtime.store
        .update<ConsentEventInput[]>(`${runtime.projectId}:dead-letter`, (old = []) => [
          ...old,
          ...batch,
        ])
        .catch(() => {});
      report(`consent events refused by the site API: ${result.message}`);
      return { ok: true, value: 0 };
    }
    return result;
  }

  async function deliver(): Promise<void> {
    const events = await collect();
    let delivered = 0;
    for (let start = 0; start < events.length; start += BATCH_SIZE) {
      const result = await sendBatch(events.slice(start, start + BATCH_SIZE));
      if (!result.ok) {
        scheduleRetry(result.retryAfter);
        if (result.status !== 0) report(`could not record consent yet: ${result.message}`);
        return;
      }
      delivered += result.value;
    }
    attempt = 0;
    if (delivered) runtime.emitter.emit('sync', { count: delivered, pending: pending.size });
  }

  function scheduleRetry(retryAfterSeconds?: number) {
    clearTimeout(retryTimer);
    // Exponential backoff with full jitter, or the server's own Retry-After.
    const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt++);
    const delay = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : random() * cap;
    retryTimer = setTimeout(() => void flush(), delay);
  }

  /** Sends whatever is waiting; concurrent calls share one delivery run. */
  function flush(): Promise<void> {
    if (sending) return sending.then(() => (pending.size ? flush() : undefined));
    sending = deliver()
      .catch((error: unknown) => {
        report(`consent delivery failed: ${String(error)}`);
        scheduleRetry();
      })
      .finally(() => (sending = undefined));
    return sending;
  }

  /** Queues events durably (as far as storage allows) and starts sending them. */
  async function enqueue(events: ConsentEventInput[]): Promise<void> {
    for (const event of events) pending.set(event.id!, event);
    await addToOutbox(runtime.projectId, events, runtime.store).catch(() => {});
    void flush();
  }

  return { enqueue, flush, sessionToken, pendingCount: () => pending.size };
}

export type Outbox = ReturnType<typeof createOutbox>;
