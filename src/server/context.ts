import type { Auth } from './auth/better-auth.ts';
import type { SessionCache } from './auth/session-cache.ts';
import type { TextSealer } from './crypto/sealed-text.ts';
import type { Database, Db } from './db/client.ts';
import type { Env } from './env.ts';
import type { EventBus } from './events/event-bus.ts';
import type { MeetingPageCache } from './features/meetings/meeting-page-cache.ts';
import type { Mailer } from './mail/mailer.ts';

/** What every feature receives: the frozen environment and the shared services, built once in app.ts. */
export interface AppContext {
  env: Env;
  database: Database;
  db: Db;
  auth: Auth;
  /** Whom recent session cookies belong to, for a few seconds (see session-cache.ts). */
  sessions: SessionCache;
  mailer: Mailer;
  /** Seals private notes at rest. */
  sealer: TextSealer;
  /** Live updates to open meeting pages. */
  events: EventBus;
  /** Meeting pages already built, per viewer, for a few seconds (see meeting-page-cache.ts). */
  meetingPages: MeetingPageCache;
  /** The absolute base URL links in emails and feeds point to. */
  publicUrl: string;
  version: string;
}
