import { describe, expect, it } from 'vitest';
import type { TcfOptions } from '../runtime/bundles.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { startTcf } from './index.ts';

const options = {} as TcfOptions;

describe('startTcf', () => {
  it('has nothing to do without TCF settings', async () => {
    expect(await startTcf({ config: { tcf: undefined } } as unknown as Runtime, options)).toBe(
      false,
    );
  });

  it('refuses malformed TCF settings before it takes __tcfapi over (the loader checks no field)', async () => {
    const runtime = { config: { tcf: { cmpId: 'x', vendors: [] } } } as unknown as Runtime;
    await expect(startTcf(runtime, options)).rejects.toThrow(/malformed TCF settings/);
  });
});
