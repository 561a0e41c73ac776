import type { Auth } from './auth/better-auth.ts';
import type { Database, Db } from './db/client.ts';
import type { Env } from './env.ts';
import type { Mailer } from './mail/mailer.ts';

/** What every feature receives: the frozen environment and the shared services, built once in app.ts. */
export interface AppContext {
  env: Env;
  database: Database;
  db: Db;
  auth: Auth;
  mailer: Mailer;
  /** The absolute base URL links in emails and feeds point to. */
  publicUrl: string;
  version: string;
}
