import { isAppError } from '../core/errors.ts';
import { buildApp } from './app.ts';
import { openDatabase } from './db/client.ts';
import { loadEnvOrExit } from './env.ts';
import { resolveSecret } from './secret.ts';

const parsed = loadEnvOrExit();
const { secret, source } = resolveSecret(parsed);
const env = { ...parsed, secretSource: source };

let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TANDEM_DATA_DIR });
  await database.migrate();
} catch (error) {
  process.stderr.write(
    `tandem: cannot open the database: ${isAppError(error) ? error.message : String(error)}\n`,
  );
  process.exit(isAppError(error) ? 2 : 1);
}

const { app } = await buildApp({ env, database, secret });
if (source === 'generated' && env.DATABASE_URL) {
  app.log.warn(
    'TANDEM_SECRET is not set: a secret was generated in the data folder. Several app servers need the same TANDEM_SECRET.',
  );
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing requests in flight');
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: env.PORT, host: env.HOST });
app.log.info(
  `Tandem ${database.kind === 'embedded' ? `on the embedded database in ${env.TANDEM_DATA_DIR}` : 'on PostgreSQL'}: ${env.PUBLIC_URL ?? `http://localhost:${env.PORT}`}`,
);
