import type { Decision } from '../core/types.ts';

/**
 * Decisions made in one tab apply at once in the site's other tabs: their notices close and
 * their gated tags run. Only the deciding tab stores and sends; the others just apply.
 */
export interface TabSync {
  announce(decisions: Record<string, Decision>): void;
}

function isDecisions(value: unknown): value is Record<string, Decision> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every(
      (decision: Partial<Decision>) =>
        typeof decision?.label === 'string' &&
        typeof decision.state === 'string' &&
        typeof decision.expirationDate === 'string',
    )
  );
}

export function createTabSync(
  projectId: string,
  apply: (decisions: Record<string, Decision>) => void,
): TabSync {
  if (typeof BroadcastChannel !== 'function') return { announce() {} };
  const channel = new BroadcastChannel(`assent:${projectId}`);
  channel.onmessage = (event: MessageEvent<{ decisions?: unknown }>) => {
    if (isDecisions(event.data?.decisions)) apply(event.data.decisions);
  };
  return { announce: (decisions) => channel.postMessage({ decisions }) };
}
