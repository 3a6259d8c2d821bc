import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { E2E_PORT } from '../playwright.config.ts';
import { expect, test } from './fixtures.ts';

const run = promisify(execFile);
const ORIGIN = `http://127.0.0.1:${E2E_PORT}`;

/** Runs `npm run scan -- <url>` as CI would, and returns its exit code and report. */
async function scan(path: string): Promise<{ code: number; report: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/scan.ts', `${ORIGIN}${path}`], {
      timeout: 90_000,
    });
    return { code: 0, report: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, report: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

test.describe('scanner', () => {
  test.setTimeout(120_000);

  test('finds the demo shop clean', async () => {
    const { code, report } = await scan('/');
    expect(report).toContain('CLEAN: nothing tracked before consent or after rejection');
    expect(code).toBe(0);
  });

  test('finds the leaky page leaky and says why', async () => {
    const { code, report } = await scan('/fixtures/leaky.html');
    expect(code).toBe(1);
    expect(report).toContain('LEAKY');
    expect(report).toContain(
      `before consent: request to another site: GET http://localhost:${E2E_PORT}/trackers/pixel.js`,
    );
    expect(report).toContain('before consent: cookie set: _nw_px (127.0.0.1/)');
    expect(report).toContain(
      `after reject: request to another site: GET http://localhost:${E2E_PORT}/trackers/pixel.js`,
    );
    expect(report).toContain('before consent: "js" comes before the consent default');
  });
});
