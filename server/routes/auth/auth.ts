import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { logIn, logOut, normalizeEmail } from '../../accounts/login.ts';
import {
  findTokenMember,
  isSameOrigin,
  memberToken,
  SESSION_COOKIE,
} from '../../accounts/member-session.ts';
import { clientAddress } from '../../http/client-address.ts';
import { errorBody, httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { findOrganization } from '../../db/repositories/organizations.ts';

const checkLogin = compileSchema<{ email: string; password: string }>({
  type: 'object',
  required: ['email', 'password'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', minLength: 3, maxLength: 254 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
});

function isHttps(url: string, forwardedProto: string | undefined) {
  return new URL(url).protocol === 'https:' || forwardedProto === 'https';
}

/** Accounts (issue 14): log in and out, and who the session is. */
export function authRoutes({ db, now, loginLimits }: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/auth/v1/login', async (c) => {
      const body = checkLogin(await readJsonBody(c));
      // Both limits are taken before the password is checked: a guess past them costs nothing.
      const waits = [
        loginLimits.perAccount?.take(normalizeEmail(body.email)) ?? 0,
        loginLimits.perAddress?.take(clientAddress(c) ?? 'unknown') ?? 0,
      ];
      const wait = Math.max(...waits);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return c.json(errorBody(429, `too many login attempts; retry in ${wait} s`), 429);
      }
      const session = await logIn(db, body, now());
      if (!session) throw httpError(401, 'the email or the password is wrong');
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c.req.url, c.req.header('x-forwarded-proto')),
        path: '/',
        expires: new Date(session.expiresAt),
      });
      return c.json({ token: session.token, expiresAt: session.expiresAt });
    })
    .post('/auth/v1/logout', async (c) => {
      const found = memberToken(c);
      if (!found) throw httpError(401, 'no session to end');
      if (found.viaCookie && !isSameOrigin(c)) {
        throw httpError(403, 'a cookie-authenticated write must come from this origin');
      }
      await logOut(db, found.token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .get('/auth/v1/session', async (c) => {
      const found = memberToken(c);
      const member = found && (await findTokenMember(db, found.token, now()));
      if (!member) throw httpError(401, 'the session is not valid or has expired');
      const organization = await findOrganization(db, member.organizationId);
      return c.json({
        member: { id: member.id, email: member.email, role: member.role },
        organization,
        expiresAt: member.expiresAt,
      });
    });
}
