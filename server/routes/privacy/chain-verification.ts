import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { verifyProjectChain } from '../../consent-events/chain-verification.ts';
import { countChainRows, findChainHead } from '../../db/repositories/consent-events.ts';
import { httpError } from '../../http/http-error.ts';
import { requireOrganizationProject } from '../../projects/organization-project.ts';

const PATH = '/privacy-v1/organizations/:organizationId/projects/:projectId/chain-verification';
const KNOWN = ['pageSize'];

/**
 * Verifies the project's hash chain (issue 14: "verify the hash chain from the console, progress
 * shown while it runs") and streams NDJSON: one `progress` line per page of rows checked
 * (`checked` of `total`), then one `result` line (`intact`, `events`, `unchained`, the first
 * `broken` link if any, and the `head` it checked up to). A GET: verifying only reads, so a
 * viewer and a `consent` key may do it. The head is read first and rows written while the check
 * runs are left for the next one (consent-events/chain-verification.ts).
 */
export function privacyChainVerificationRoutes({ db, projects, now }: RouteDeps) {
  return new Hono<AppEnv>().get(PATH, apiKeyAuth(db, 'read', now), async (c) => {
    for (const name of Object.keys(c.req.queries())) {
      if (!KNOWN.includes(name)) throw httpError(400, `unknown query parameter ${name}`);
    }
    const size = c.req.query('pageSize') ?? '1000';
    if (!/^\d{1,5}$/.test(size) || +size < 1 || +size > 10_000) {
      throw httpError(400, 'pageSize must be an integer from 1 to 10000');
    }
    const project = await requireOrganizationProject(projects, c.req.param());
    const head = await findChainHead(db, project.id);
    const total = head ? await countChainRows(db, project.id, head.seq) : 0;
    const encoder = new TextEncoder();
    const line = (value: unknown) => encoder.encode(`${JSON.stringify(value)}\n`);
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(line({ type: 'progress', checked: 0, total }));
        try {
          const report = head
            ? await verifyProjectChain(db, project.id, {
                pageSize: Number(size),
                upTo: head,
                onPage: (checked) => controller.enqueue(line({ type: 'progress', checked, total })),
              })
            : { events: 0, unchained: 0 };
          controller.enqueue(
            line({
              type: 'result',
              intact: !('broken' in report && report.broken),
              total,
              ...report,
              head: head ?? null,
              verifiedAt: now().toISOString(),
            }),
          );
        } catch (failure) {
          // The status line is sent: the failure can only be told in the stream.
          controller.enqueue(line({ type: 'error', message: (failure as Error).message }));
        }
        controller.close();
      },
    });
    return c.body(body, 200, {
      'content-type': 'application/x-ndjson',
      'cache-control': 'no-store',
    });
  });
}
