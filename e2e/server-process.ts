import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_ADMIN_KEY, E2E_PORT } from '../playwright.config.ts';

/** A site API process of a test's own, to stop, kill and restart on purpose. */
export interface ServerProcess {
  url: string;
  dataDir: string;
  /** Stops it: SIGTERM for a clean stop, SIGKILL for a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A port per parallel worker slot, clear of the suite's own server. */
export const privatePort = (parallelIndex: number) => E2E_PORT + 100 + parallelIndex;

export async function startServer(
  port: number,
  dataDir = mkdtempSync(join(tmpdir(), 'assent-e2e-own-')),
  /** PostgreSQL to use instead of PGlite under `dataDir`. */
  databaseUrl?: string,
  /** More environment for the server (webhook settings, …). */
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  // node itself, not npx: a signal must reach the server, not a wrapper.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ASSENT_DATA_DIR: dataDir,
      ASSENT_ADMIN_KEY: E2E_ADMIN_KEY,
      DATABASE_URL: databaseUrl ?? '',
      ...env,
    },
    // stderr is kept (its tail) so that a server that did not start says why.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // A fresh database takes seconds to create on a busy two-core machine.
  // 40 s and more were seen with the suite's own server starting beside it (load above 20).
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/site-v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      const why = child.exitCode !== null ? `exited with ${child.exitCode}` : 'timed out';
      throw new Error(`the site API on port ${port} did not start (${why}): ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    dataDir,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}
