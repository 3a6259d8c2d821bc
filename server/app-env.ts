import type { HttpBindings } from '@hono/node-server';
import type { ConsentEventWriter } from './consent-event-writer.ts';
import type { Database } from './db/database.ts';
import type { ProjectCache } from './project-cache.ts';
import type { createRateLimiter } from './rate-limit.ts';
import type { Session } from './db/repositories/sessions.ts';

/** Hono's typing of this app: Node's request under `c.env` (absent in tests), and what auth sets. */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    /** Set by session auth on site routes. */
    session: Session;
  };
}

/** What the routes are given by `createApp`, defaults resolved. */
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
}
