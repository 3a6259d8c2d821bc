import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress, publicOnlyLookup } from './target.ts';

/** What one attempt got: an HTTP status, or an error when there was no answer. */
export interface SendOutcome {
  status: number | null;
  error: string | null;
}

/** At most this much of an answer is read (and dropped): a receiver's body is never needed. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs one webhook body and resolves with what happened; never throws. No redirect is followed
 * (a 3xx is an answer like any other, not a success), and the whole attempt, answer included,
 * is bounded by `timeoutMs`.
 */
export function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ status: null, error: 'the url is not valid' });
      return;
    }
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivate) {
      if (target.protocol !== 'https:') {
        resolve({ status: null, error: 'webhooks are sent over https only' });
        return;
      }
      // `lookup` is not called for an IP literal.
      if (isIP(host) && !isPublicAddress(host)) {
        resolve({ status: null, error: `${host} is not an address webhooks may reach` });
        return;
      }
    }
    let settled = false;
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Assent-Webhooks/1',
        },
        ...(!options.allowPrivate && { lookup: publicOnlyLookup }),
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        res.on('end', () => finish({ status: res.statusCode ?? null, error: null }));
        res.on('close', () => finish({ status: res.statusCode ?? null, error: null }));
        res.on('error', () => finish({ status: res.statusCode ?? null, error: null }));
      },
    );
    const timer = setTimeout(() => {
      finish({ status: null, error: `no answer within ${options.timeoutMs} ms` });
      req.destroy();
    }, options.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({
        status: null,
        error: error.code ? `${error.code}: ${error.message}` : error.message,
      }),
    );
    req.end(body);
  });
}
