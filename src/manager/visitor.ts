import type { Runtime } from '../runtime/runtime.ts';
import { readVisitorSecret, writeVisitor } from '../storage/decisions.ts';

/**
 * A visitor secret made in this browser: two random UUIDs, 244 random bits from the browser's
 * CSPRNG in 72 characters the server's pattern takes, for fewer bytes than a base64 encoder.
 */
export const createVisitorSecret = (): string => crypto.randomUUID() + crypto.randomUUID();

/**
 * Makes `visitorId` and `visitorSecret` the visitor's, in memory and in storage (the secret is
 * kept beside the id, issue 22 §1).
 */
export function adoptVisitor(runtime: Runtime, visitorId: string, visitorSecret: string): void {
  runtime.visitorId = visitorId;
  runtime.visitorSecret = visitorSecret;
  void writeVisitor(runtime.projectId, { visitorId, visitorSecret }, runtime.store).catch(() => {});
}

/**
 * The secret of the current visitor: as stored beside its id, or made now for a visitor id
 * stored before visitor secrets (the server binds an id it has no secret for to the first
 * secret a session presents). Storage that cannot be read counts as none.
 */
export async function currentVisitorSecret(runtime: Runtime): Promise<string | undefined> {
  const visitorId = runtime.visitorId;
  if (visitorId && !runtime.visitorSecret) {
    const stored = await readVisitorSecret(runtime.projectId, visitorId, runtime.store).catch(
      () => undefined,
    );
    // Another call may have settled it meanwhile; the visitor may have changed.
    if (runtime.visitorId === visitorId && !runtime.visitorSecret) {
      if (stored) runtime.visitorSecret = stored;
      else adoptVisitor(runtime, visitorId, createVisitorSecret());
    }
  }
  return runtime.visitorSecret;
}
