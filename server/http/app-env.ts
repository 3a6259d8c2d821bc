import type { HttpBindings } from '@hono/node-server';
import type { Session } from '../db/repositories/sessions.ts';
import type { MemberRole } from '../db/repositories/members.ts';

/** Who made a Privacy API request: an API key or a signed-in member (issue 14). */
export type Principal =
  | { kind: 'key'; organizationId: string }
  | { kind: 'member'; organizationId: string; memberId: string; role: MemberRole };

/** Hono's typing of this app: Node's request under `c.env` (absent in tests), and what auth sets. */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    /** Set by session auth on site routes. */
    session: Session;
    /** Set by `apiKeyAuth` on Privacy API routes. */
    principal: Principal;
    /** The request's body as text, when `readBody` read it from Node's request (issue 19). */
    bodyText?: string;
  };
}
