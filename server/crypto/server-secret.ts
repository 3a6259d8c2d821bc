import { readFile, writeFile } from 'node:fs/promises';
import { createSecret } from './random-secret.ts';

/**
 * The session-signing secret kept in `path` (readable by its owner only), made on first use, so
 * that sessions outlive a restart. Instances that share a database must share `ASSENT_SECRET`
 * instead: each would otherwise make its own and refuse the others' tokens.
 */
export async function readOrCreateSecret(path: string): Promise<string> {
  try {
    const secret = (await readFile(path, 'utf8')).trim();
    if (secret) return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = createSecret();
  // `wx`: when two processes start at once, the second fails here rather than overwrite.
  await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
