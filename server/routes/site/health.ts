import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';

export function healthRoutes({ db }: RouteDeps) {
  return new Hono<AppEnv>().get('/site-v1/health', async (c) => {
    await db.query('select 1');
    return c.json({ status: 'ok' });
  });
}
