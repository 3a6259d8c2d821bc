import type { HttpBindings } from '@hono/node-server';
import type { Database } from './db/database.ts';
import type { createRateLimiter } from './rate-limit.ts';
import type { Session } from './repository/sessions.ts';

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
  now: () => Date;
  secret: string;
  storeRawUserAgent: boolean;
  perSessionLimit: ReturnType<typeof createRateLimiter> | undefined;
  geoHeader?: string;
}
