import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';

/**
 * The peer's address from Node's socket (absent under `app.request` in tests). An IPv4 peer on a
 * dual-stack socket shows as `::ffff:a.b.c.d`; it is stored as the IPv4 address it is.
 */
export function clientAddress(c: Context<AppEnv>): string | undefined {
  const address = c.env?.incoming?.socket?.remoteAddress;
  if (!address) return undefined;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
