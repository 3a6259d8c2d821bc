import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { normalizeEmail } from '../../accounts/login.ts';
import { createPassword, hashPassword } from '../../accounts/password.ts';
import {
  countOwners,
  deleteMember,
  findMember,
  insertMember,
  listMembers,
  MEMBER_ROLES,
  setMemberRole,
  type MemberRole,
} from '../../db/repositories/members.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { requireUuid } from '../../http/uuid.ts';

const PATH = '/privacy-v1/organizations/:organizationId/members';
const ROLE = { enum: [...MEMBER_ROLES] };

const checkCreate = compileSchema<{ email: string; role: MemberRole }>({
  type: 'object',
  required: ['email', 'role'],
  additionalProperties: false,
  properties: { email: { type: 'string', format: 'email', maxLength: 254 }, role: ROLE },
});
const checkRole = compileSchema<{ role: MemberRole }>({
  type: 'object',
  required: ['role'],
  additionalProperties: false,
  properties: { role: ROLE },
});

/**
 * The organization's members (issue 14): list, add (answers a one-time password, shown once),
 * change a role, remove. The last owner can be neither demoted nor removed.
 */
export function privacyMemberRoutes({ db, now }: RouteDeps) {
  return new Hono<AppEnv>()
    .get(PATH, apiKeyAuth(db, 'owner', now), async (c) => {
      const items = await listMembers(db, c.req.param('organizationId'));
      return c.json({ count: items.length, items });
    })
    .post(PATH, apiKeyAuth(db, 'owner', now), async (c) => {
      const body = checkCreate(await readJsonBody(c));
      const organizationId = c.req.param('organizationId');
      const password = createPassword();
      const id = randomUUID();
      const email = normalizeEmail(body.email);
      const inserted = await insertMember(db, {
        id,
        organizationId,
        email,
        role: body.role,
        passwordHash: await hashPassword(password),
      });
      if (!inserted) throw httpError(409, `${email} is already a member`);
      return c.json({ ...(await findMember(db, organizationId, id))!, password }, 201);
    })
    .patch(`${PATH}/:id`, apiKeyAuth(db, 'owner', now), async (c) => {
      const id = requireUuid(c.req.param('id'), 'id');
      const { role } = checkRole(await readJsonBody(c));
      const organizationId = c.req.param('organizationId');
      const updated = await db.transaction(async (tx) => {
        const member = await findMember(tx, organizationId, id);
        if (!member) throw httpError(404, `member ${id} not found`);
        if (
          member.role === 'owner' &&
          role !== 'owner' &&
          (await countOwners(tx, organizationId)) < 2
        ) {
          throw httpError(409, 'the organization needs at least one owner');
        }
        await setMemberRole(tx, organizationId, id, role);
        return findMember(tx, organizationId, id);
      });
      return c.json(updated);
    })
    .delete(`${PATH}/:id`, apiKeyAuth(db, 'owner', now), async (c) => {
      const id = requireUuid(c.req.param('id'), 'id');
      const organizationId = c.req.param('organizationId');
      await db.transaction(async (tx) => {
        const member = await findMember(tx, organizationId, id);
        if (!member) throw httpError(404, `member ${id} not found`);
        if (member.role === 'owner' && (await countOwners(tx, organizationId)) < 2) {
          throw httpError(409, 'the organization needs at least one owner');
        }
        await deleteMember(tx, organizationId, id);
      });
      return c.body(null, 204);
    });
}
