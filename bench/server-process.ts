/** The project's own server for the benchmarks: a fresh data folder, on a free loopback port. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** `from`: the checkout whose server (and built `dist/`) to run; this one by default. */
export async function startAssentServer(from = root): Promise<{ origin: string; stop(): void }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'assent-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: from,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ASSENT_DATA_DIR: dataDir,
      // Every run is one visitor on loopback: the limits would take it for a flood.
      ASSENT_RATE_LIMITS: 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error('the Assent server exited');
    try {
      if ((await fetch(`${origin}/site-v1/health`)).ok) break;
    } catch {
      if (i > 300) throw new Error('the Assent server did not start');
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    origin,
    stop() {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
