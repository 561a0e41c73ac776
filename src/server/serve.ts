import type { FastifyInstance } from 'fastify';
import { isAppError } from '../core/errors.ts';
import { buildApp } from './app.ts';
import { type Database, openDatabase } from './db/client.ts';
import { type Env, loadEnvOrExit } from './env.ts';
import { resolveSecret } from './secret.ts';

export interface OpenedDatabase {
  env: Env;
  secret: string;
  database: Database;
}

/**
 * Validates the environment, opens and migrates the database, or exits: status 2 for a mistake of
 * the operator (bad variable, database folder held by another process), 1 for anything else.
 */
export async function openConfiguredDatabase(
  overrides: Record<string, string> = {},
): Promise<OpenedDatabase> {
  const parsed = loadEnvOrExit(overrides);
  const { secret, source } = resolveSecret(parsed);
  const env: Env = { ...parsed, secretSource: source };
  try {
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TANDEM_DATA_DIR });
    await database.migrate();
    return { env, secret, database };
  } catch (error) {
    process.stderr.write(
      `tandem: cannot open the database: ${isAppError(error) ? error.message : String(error)}\n`,
    );
    process.exit(isAppError(error) ? 2 : 1);
  }
}

const SHUTDOWN_GRACE_MS = 25_000;

/** Serves the app until SIGTERM/SIGINT, then finishes requests in flight and closes the database. */
export async function serve(opened: OpenedDatabase): Promise<FastifyInstance> {
  const { env, database, secret } = opened;
  const { app } = await buildApp({ env, database, secret });
  if (env.secretSource === 'generated' && env.DATABASE_URL) {
    app.log.warn(
      'TANDEM_SECRET is not set: a secret was generated in the data folder. Several app servers need the same TANDEM_SECRET.',
    );
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    // A second signal (Ctrl-C again) means: do not wait for requests, but still close the
    // database if it closes quickly (npm and process managers may pass one signal on twice).
    if (closing) {
      setTimeout(() => process.exit(1), 2_000).unref();
      void database.close().finally(() => process.exit(1));
      return;
    }
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // A request that never ends must not keep the process alive until the orchestrator's SIGKILL.
    setTimeout(() => {
      app.log.error(`requests still in flight ${SHUTDOWN_GRACE_MS / 1_000} s after ${signal}; exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    try {
      await app.close();
      await database.close();
    } catch (error) {
      app.log.error({ err: error }, 'could not shut down cleanly');
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: env.PORT, host: env.HOST });
  const where =
    database.kind === 'embedded' ? `the embedded database in ${env.TANDEM_DATA_DIR}` : 'PostgreSQL';
  app.log.info(`Tandem is serving ${env.PUBLIC_URL ?? `http://localhost:${env.PORT}`} on ${where}`);
  return app;
}
