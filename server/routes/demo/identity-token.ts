import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { findIdentitySecret } from '../../db/repositories/projects.ts';
import { signIdentityToken } from '../../people/identity-token.ts';
import { DEMO_PROJECT_ID } from '../../projects/seed.ts';
import type { RouteDeps } from '../route-deps.ts';

const checkLogin = compileSchema<{ email: string }>({
  type: 'object',
  properties: { email: { type: 'string', format: 'email', maxLength: 320 } },
  required: ['email'],
  additionalProperties: false,
});

/**
 * `POST /demo/identity-token {email}` → `{token}`: the demo shop's stand-in for a site's own
 * backend, which signs the identity of the person it logged in (`assent.identify({ token })`,
 * issue 22 §1). The demo has no passwords, so it signs any address: mounted only beside the demo
 * site (`staticDirs`). A real site signs on its own backend, after its own login, with its
 * project's identity secret (README, Security, Identity); Assent never does it for it.
 */
export function demoIdentityTokenRoutes({ db, now }: RouteDeps) {
  return new Hono<AppEnv>().post('/demo/identity-token', async (c) => {
    const { email } = checkLogin(await readJsonBody(c));
    const secret = await findIdentitySecret(db, DEMO_PROJECT_ID);
    if (!secret) throw httpError(503, 'the demo project has no identity secret');
    return c.json({ token: signIdentityToken({ kind: 'email', value: email }, secret, now()) });
  });
}
