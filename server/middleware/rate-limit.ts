import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { errorBody } from '../http/http-error.ts';

/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface RateLimit {
  /** Requests allowed at once. */
  burst: number;
  /** Sustained requests per second. */
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept before full ones are swept: bounds memory under a flood of distinct keys. */
const SWEEP_AT = 50_000;

/**
 * In-memory token buckets by key. Each server instance counts on its own: behind a load
 * balancer with N instances a client gets up to N times the limit, unless the balancer keeps
 * clients on one instance or the limits are divided by N (see the README).
 */
export function createRateLimiter(limit: RateLimit, now: () => Date) {
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, at: number) =>
    Math.min(limit.burst, bucket.tokens + ((at - bucket.at) / 1000) * limit.perSecond);
  return {
    /** Takes one token for `key`: `0` when allowed, else the seconds until a token is back. */
    take(key: string): number {
      const at = now().getTime();
      if (buckets.size >= SWEEP_AT) {
        for (const [name, bucket] of buckets) {
          if (refill(bucket, at) >= limit.burst) buckets.delete(name);
        }
      }
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at };
      bucket.tokens = refill(bucket, at);
      bucket.at = at;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
    },
  };
}

/**
 * Answers 429 with `Retry-After` once the request's key (`keyOf`) is out of tokens;
 * `onRefusal` adds headers to that answer (CORS, when the middleware that sets them runs later).
 */
export function rateLimit(
  limiter: ReturnType<typeof createRateLimiter>,
  keyOf: (c: Context<AppEnv>) => string,
  onRefusal?: (c: Context<AppEnv>) => Promise<void>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const wait = limiter.take(keyOf(c));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      await onRefusal?.(c);
      return c.json(errorBody(429, `too many requests; retry in ${wait} s`), 429);
    }
    await next();
  };
}
