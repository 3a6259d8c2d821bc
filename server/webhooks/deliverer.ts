import { Webhook } from 'standardwebhooks';
import type { Database } from '../db/database.ts';
import {
  claimDueDeliveries,
  recordDeliveryAttempt,
  type ClaimedDelivery,
} from '../db/repositories/webhooks.ts';
import { sendWebhook } from './send.ts';

/** Waits after failed attempts 1 to 7 (issue 15): about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DEFAULT_BACKOFF_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

export interface WebhookDelivererOptions {
  db: Database;
  /**
   * How long one attempt may take, answer included.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * The wait after each failed attempt; after the last, the delivery is marked failed.
   * @default DEFAULT_BACKOFF_MS
   */
  backoffMs?: number[];
  /**
   * How often the outbox is looked at when nothing woke the deliverer.
   * @default 1000
   */
  pollMs?: number;
  /**
   * Deliveries claimed (and sent in parallel) at a time.
   * @default 10
   */
  batchSize?: number;
  /**
   * `ASSENT_WEBHOOK_ALLOW_PRIVATE=1`: `http` and private, loopback and link-local targets allowed.
   * @default false
   */
  allowPrivate?: boolean;
  /** @default console.error */
  logError?: (error: unknown) => void;
}

export interface WebhookDeliverer {
  /** Looks at the outbox now (after a write) instead of at the next poll. */
  wake(): void;
  /** Stops claiming and resolves once the attempts under way are recorded. */
  stop(): Promise<void>;
}

/**
 * Delivers the outbox (`webhook_deliveries`) in the background: at least once, because a row
 * leaves `pending` only after an answer was recorded, and a claim is a lease, so an instance
 * that dies mid-attempt (SIGKILL) leaves the row to be claimed again when the lease ends; and
 * never by two instances at once (`for update skip locked`). A restart resumes from the rows.
 */
export function startWebhookDeliverer(options: WebhookDelivererOptions): WebhookDeliverer {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 10;
  const allowPrivate = options.allowPrivate ?? false;
  const logError = options.logError ?? ((error) => console.error('assent: webhooks:', error));
  // Long enough for the attempt to end and its outcome to be written.
  const leaseMs = timeoutMs + 30_000;
  let running = true;
  let wakeUp: (() => void) | undefined;
  let woken = false;

  async function attempt(delivery: ClaimedDelivery) {
    const at = new Date();
    let signature: string;
    try {
      signature = new Webhook(delivery.secret).sign(delivery.id, at, delivery.payload);
    } catch (error) {
      logError(error);
      return;
    }
    const outcome = await sendWebhook(
      delivery.url,
      {
        'webhook-id': delivery.id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      },
      delivery.payload,
      { timeoutMs, allowPrivate },
    );
    const delivered = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    await recordDeliveryAttempt(options.db, {
      id: delivery.id,
      delivered,
      status: outcome.status,
      error: delivered ? null : (outcome.error ?? `answered ${outcome.status}`),
      retryInMs: delivered ? undefined : backoffMs[delivery.attempts - 1],
    });
  }

  async function loop() {
    while (running) {
      let claimed: ClaimedDelivery[] = [];
      try {
        claimed = await claimDueDeliveries(options.db, batchSize, leaseMs);
        await Promise.all(claimed.map((delivery) => attempt(delivery).catch(logError)));
      } catch (error) {
        if (running) logError(error);
      }
      if (claimed.length === batchSize || !running) continue;
      if (woken) {
        woken = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = undefined;
    }
  }

  const done = loop();
  return {
    wake() {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await done;
    },
  };
}
