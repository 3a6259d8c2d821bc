import type { ConsentEventWriter } from '../consent-events/writer.ts';
import type { Database } from '../db/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { createRateLimiter } from '../middleware/rate-limit.ts';
import type { ProjectCache } from '../projects/cache.ts';
import type { GvlSource } from '../tcf/gvl-source.ts';

/**
 * What the routes are given by `createApp`, defaults resolved. Kept apart from `AppEnv`
 * (`http/app-env.ts`), which the middleware imports, so that the middleware never imports what
 * the routes are made of (together they were an import cycle with `middleware/rate-limit.ts`).
 */
export interface RouteDeps {
  db: Database;
  /** Projects and their consent types, cached per instance. */
  projects: ProjectCache;
  /** Where event batches are written (group commit per project). */
  events: ConsentEventWriter;
  now: () => Date;
  secret: string;
  storeRawUserAgent: boolean;
  perSessionLimit: ReturnType<typeof createRateLimiter> | undefined;
  geoHeader?: string;
  /** The IAB's Global Vendor List, fetched and kept by the server (issue 20). */
  gvl: GvlSource;
  webhooks: {
    /** `ASSENT_WEBHOOK_ALLOW_PRIVATE=1`: `http` and private targets may be registered. */
    allowPrivate: boolean;
    /** Tells the deliverer there is something to send. */
    wake: () => void;
  };
  /** Login attempts per account (email) and per client address; absent: unlimited. */
  loginLimits: {
    perAccount?: ReturnType<typeof createRateLimiter>;
    perAddress?: ReturnType<typeof createRateLimiter>;
  };
  /** Outbound mail (consent links, privacy-request codes); a not-configured mailer fails every send with the reason. */
  mailer: Mailer;
  /** `ASSENT_PUBLIC_URL`: the base of the links Assent hands out; absent, the request's origin. */
  publicUrl?: string;
  /** Consent links made per API key or member; absent: unlimited. */
  linkLimit: ReturnType<typeof createRateLimiter> | undefined;
}
