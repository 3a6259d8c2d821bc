import type { ApiResult } from '../api/site-api.ts';
import type { Manager } from '../runtime/bundles.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { currentVisitorSecret } from './visitor.ts';

/**
 * The signed link to the printable receipt of the visitor's latest decision in this browser
 * (issue 17). Never throws: the site API answers results, not exceptions. A decision adopted from
 * another device through `identify` is another visitor id's event: its receipt is not this
 * browser's to ask for, and the server answers 404.
 */
export async function latestReceiptUrl(
  runtime: Runtime,
  manager: Pick<Manager, 'flush'>,
): Promise<ApiResult<string>> {
  const latest = Object.values(runtime.valid()).sort((a, b) =>
    b.consentDate.localeCompare(a.consentDate),
  )[0];
  const concordId = runtime.visitorId;
  // The event must be on the server before its receipt can be.
  await manager.flush();
  const visitorSecret = await currentVisitorSecret(runtime);
  const session =
    latest && concordId && visitorSecret
      ? await runtime.api.createSession({ concordId, visitorSecret })
      : ({ ok: false, status: 0, message: 'no decision to show a receipt for' } as const);
  if (!session.ok) return session;
  const receipt = await runtime.api.getReceipt(session.value.token, latest!.eventId);
  return receipt.ok ? { ok: true, value: receipt.value.htmlUrl } : receipt;
}

/**
 * Opens the receipt in a new tab. The tab opens at the click (a browser blocks one opened after
 * an await) and goes to the signed link once it is known; it closes again when there is none.
 */
export async function openLatestReceipt(runtime: Runtime, manager: Pick<Manager, 'flush'>) {
  const tab = window.open('about:blank');
  const result = await latestReceiptUrl(runtime, manager);
  if (result.ok && tab) {
    tab.opener = null;
    tab.location.href = result.value;
  } else {
    tab?.close();
    if (!result.ok) runtime.emitter.emit('error', { message: result.message });
  }
}
