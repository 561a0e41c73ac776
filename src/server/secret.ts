import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The server secret signs sessions and encrypts private notes. Operators set TANDEM_SECRET; on a
 * laptop without it, one is generated once into the data folder (outside the database, so a
 * database dump alone does not reveal it).
 */
export function resolveSecret(env: { TANDEM_SECRET?: string; TANDEM_DATA_DIR: string }): {
  secret: string;
  source: 'env' | 'generated';
} {
  if (env.TANDEM_SECRET) return { secret: env.TANDEM_SECRET, source: 'env' };
  const file = path.join(env.TANDEM_DATA_DIR, 'secret');
  if (!existsSync(file)) {
    mkdirSync(env.TANDEM_DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return { secret: readFileSync(file, 'utf8').trim(), source: 'generated' };
}
