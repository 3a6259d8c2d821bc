import { STATUS_CODES } from 'node:http';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../../src/core/types.ts';

/** An error the client caused (or may see), answered in the seeds' shape by `onError`. */
export function httpError(status: ContentfulStatusCode, message: string): HTTPException {
  return new HTTPException(status, { message });
}

export function errorBody(status: number, message: string): ErrorBody {
  return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
}

/**
 * The app's one error handler. An `HTTPException` is the client's business and is answered with
 * its message; anything else is logged and answered with a bare 500, so no stack, SQL or driver
 * text reaches a client.
 */
export function handleError(logError: (error: unknown) => void) {
  return (error: Error, c: Context): Response => {
    if (error instanceof HTTPException) {
      return c.json(errorBody(error.status, error.message), error.status as ContentfulStatusCode);
    }
    logError(error);
    return c.json(errorBody(500, 'Internal Server Error'), 500);
  };
}

export function handleNotFound(c: Context): Response {
  return c.json(errorBody(404, `no route for ${c.req.method} ${c.req.path}`), 404);
}
