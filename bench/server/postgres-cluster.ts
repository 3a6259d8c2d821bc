/**
 * A throwaway PostgreSQL cluster for `npm run bench:server` when neither `DATABASE_URL` nor
 * `TEST_DATABASE_URL` names one: Debian's newest `/usr/lib/postgresql/<n>/bin`, a temporary data
 * folder, a free loopback port, `fsync` on (the durability production has), owned by `postgres`
 * when run as root (PostgreSQL refuses root), removed by `stop()`. As `.ci/run` does for tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userInfo } from 'node:os';

export interface Cluster {
  url: string;
  /** The server's log file and data folder (gone after `stop()`). */
  log: string;
  data: string;
  stop(): void;
}

function newestBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest && join(base, newest, 'bin');
}

/**
 * Starts the cluster on `port` (with `settings`, `name=value` each), or answers `undefined` when
 * PostgreSQL is not installed.
 */
export function startCluster(port: number, settings: string[] = []): Cluster | undefined {
  const bin = newestBin();
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'assent-bench-pg-'));
  const root = userInfo().uid === 0;
  if (root) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(id.stdout), Number(gid.stdout));
  }
  const run = (command: string, args: string[]) => {
    const full = root ? ['-u', 'postgres', '--', join(bin, command), ...args] : args;
    const result = spawnSync(root ? 'runuser' : join(bin, command), full, { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
    }
  };
  run('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  run('pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${settings.map((s) => ` -c ${s}`).join('')}`,
    'start',
  ]);
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'assent_bench']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/assent_bench`,
    log: join(dir, 'log'),
    data: join(dir, 'data'),
    stop() {
      try {
        run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
