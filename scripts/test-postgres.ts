/**
 * `npm run test:server:postgres`: the server test suite again, on PostgreSQL, when
 * `TEST_DATABASE_URL` names a database (`.ci/run` starts one); skipped otherwise.
 */
import { spawnSync } from 'node:child_process';

if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL is not set: server tests on PostgreSQL skipped');
} else {
  const result = spawnSync('npx', ['vitest', 'run', 'server'], {
    stdio: 'inherit',
    env: { ...process.env, ASSENT_TEST_BACKEND: 'postgres' },
  });
  process.exitCode = result.status ?? 1;
}
