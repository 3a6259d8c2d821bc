/** Tests' manager: an outbox without jitter or locks, and event ids counted up from 1. */
import type { Runtime } from '../runtime/runtime.ts';
import { createManager } from './index.ts';
import { createOutbox } from './outbox.ts';

export function testManager(runtime: Runtime) {
  let id = 0;
  const outbox = createOutbox(runtime, { random: () => 0.5, exclusive: (_name, task) => task() });
  return createManager(
    runtime,
    outbox,
    () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
  );
}
