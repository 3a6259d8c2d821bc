import type { HttpBindings } from '@hono/node-server';
import type { Session } from '../db/repositories/sessions.ts';

/** Hono's typing of this app: Node's request under `c.env` (absent in tests), and what auth sets. */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    /** Set by session auth on site routes. */
    session: Session;
  };
}
