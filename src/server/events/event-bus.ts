import { EventEmitter } from 'node:events';
import type pg from 'pg';
import type { Database } from '../db/client.ts';

/** A change one participant made that the other's open meeting page should show. */
export interface MeetingEvent {
  meetingId: string;
  /** `private-note` only refreshes caches: it is never sent to a browser (see meetings.routes.ts). */
  kind: 'agenda' | 'status' | 'notes' | 'next-steps' | 'meeting' | 'analysis' | 'private-note';
  /** The person who made the change, so their own page can ignore the echo. */
  byPersonId: string | null;
}

export interface EventBus {
  publish(event: MeetingEvent): Promise<void>;
  subscribe(meetingId: string, listener: (event: MeetingEvent) => void): () => void;
  /** Every event of every 1:1, for caches of this server. */
  onEvery(listener: (event: MeetingEvent) => void): void;
  /** Events may have been missed: the stream from PostgreSQL was lost and is back. */
  onGap(listener: () => void): void;
  /**
   * Tells every app server (this one included) that something in an organization changed that
   * may show on any of its meeting pages or decide access there: a person renamed, a role.
   */
  announceOrganizationChange(organizationId: string): Promise<void>;
  onOrganizationChange(listener: (organizationId: string) => void): void;
  close(): Promise<void>;
}

/**
 * Announces an organization's change without waiting for it, and never fails the write that made
 * it: the answer does not hang on a notify, and if one is lost the caches' own lifetime (a minute
 * at most for pages, 5 s for sessions and memberships on PostgreSQL) bounds how long another
 * server shows the change late.
 */
export function announceOrganizationChange(
  events: EventBus,
  organizationId: string,
  log: { warn(details: object, message: string): void },
) {
  events.announceOrganizationChange(organizationId).catch((error: unknown) => {
    log.warn({ err: error, organizationId }, 'could not tell the other servers of a change');
  });
}

const CHANNEL = 'tandem_meeting_events';
/** The first wait before listening again after a loss; it doubles while PostgreSQL stays away. */
const RECONNECT_MS = 500;
const RECONNECT_MAX_MS = 5_000;

async function notifyOrganizationChange(pool: pg.Pool, organizationId: string) {
  await pool.query('select pg_notify($1, $2)', [
    CHANNEL,
    JSON.stringify({ organizationChanged: organizationId }),
  ]);
}

/**
 * For a process that is not an app server, the `tandem` command, after it changed an organization
 * on PostgreSQL: the running servers drop what they remember of it, as after a change made
 * through one of them. On the embedded database no server runs beside the command.
 */
export async function tellRunningServers(database: Database, organizationId: string): Promise<void> {
  if (database.pool) await notifyOrganizationChange(database.pool, organizationId);
}

export interface ListenerChecks {
  /** How often the listening connection is asked to answer. */
  checkEveryMs: number;
  /** How long it has to answer (the LISTEN itself too) before it is taken for lost. */
  answerWithinMs: number;
}

/**
 * A connection can die without a word: a firewall or proxy that drops an idle connection's
 * packets, a partition, a PostgreSQL host that vanished. The listening connection only receives,
 * so nothing would ever notice, and this server would miss every other server's changes until
 * restarted. It is asked to answer every 10 s instead.
 */
const DEFAULT_LISTENER_CHECKS: ListenerChecks = { checkEveryMs: 10_000, answerWithinMs: 5_000 };

/**
 * Settles with `work`, or fails after `ms`. When the timer fires, the answer may already be
 * waiting on the socket, unread because the event loop was busy (a long analysis): one turn of
 * the loop reads it first, so a busy server does not take a healthy connection for a dead one.
 */
function answerWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // A promise settles once: the late rejection does nothing after an answer.
    const timer = setTimeout(() => setImmediate(() => reject(new Error(`no answer within ${ms} ms`))), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

export interface EventBusLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/**
 * Live updates. On PostgreSQL every app server LISTENs on one channel and a change is NOTIFYed,
 * so a browser connected to any server hears a change made through any other; on the embedded
 * database there is one process, and events go straight to its listeners.
 */
export async function createEventBus(
  database: Database,
  options: {
    log?: EventBusLog;
    listenerChecks?: ListenerChecks;
  } = {},
): Promise<EventBus> {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const everyListeners: Array<(event: MeetingEvent) => void> = [];
  const gapListeners: Array<() => void> = [];
  const organizationListeners: Array<(organizationId: string) => void> = [];
  const deliverOrganizationChange = (organizationId: string) => {
    for (const listener of organizationListeners) listener(organizationId);
  };
  const onOrganizationChange = (listener: (organizationId: string) => void) =>
    void organizationListeners.push(listener);
  const deliver = (event: MeetingEvent) => {
    for (const listener of everyListeners) listener(event);
    local.emit(event.meetingId, event);
  };
  const onEvery = (listener: (event: MeetingEvent) => void) => void everyListeners.push(listener);
  const onGap = (listener: () => void) => void gapListeners.push(listener);

  if (database.kind === 'embedded' || !database.pool) {
    return {
      async publish(event) {
        deliver(event);
      },
      subscribe(meetingId, listener) {
        local.on(meetingId, listener);
        return () => local.off(meetingId, listener);
      },
      onEvery,
      onGap,
      async announceOrganizationChange(organizationId) {
        deliverOrganizationChange(organizationId);
      },
      onOrganizationChange,
      async close() {
        local.removeAllListeners();
      },
    };
  }

  const pool = database.pool;
  const { checkEveryMs, answerWithinMs } = options.listenerChecks ?? DEFAULT_LISTENER_CHECKS;
  let listener: { client: pg.PoolClient; lose: (error?: unknown) => void } | null = null;
  let isClosed = false;
  let retry: NodeJS.Timeout | undefined;
  let hasListened = false;
  const onNotification = (message: pg.Notification) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    try {
      const payload = JSON.parse(message.payload) as MeetingEvent | { organizationChanged: string };
      // An organization's change carries no meetingId; a meeting event always does.
      if ('organizationChanged' in payload) return deliverOrganizationChange(payload.organizationChanged);
      deliver(payload);
    } catch {
      // A malformed payload is not ours; ignore it.
    }
  };
  let reconnectMs = RECONNECT_MS;
  const retryLater = () => {
    if (isClosed || retry) return;
    retry = setTimeout(() => void listen(), reconnectMs);
    reconnectMs = Math.min(reconnectMs * 2, RECONNECT_MAX_MS);
  };
  // Said once an outage, so an operator sees that live updates from other servers stopped, and
  // when they came back, without a line every retry.
  let isInOutage = false;
  const reportOutage = (message: string, error?: unknown) => {
    if (isClosed || isInOutage) return;
    isInOutage = true;
    options.log?.warn({ err: error }, message);
  };
  // The listening connection is lost when PostgreSQL restarts or a proxy cuts it: drop it and
  // listen again on a new one, until the database answers.
  const lose = (client: pg.PoolClient, error?: unknown) => {
    if (listener?.client === client) {
      listener = null;
      reportOutage(
        "lost the connection listening for other servers' changes; listening again as soon as PostgreSQL answers",
        error,
      );
    }
    client.off('notification', onNotification);
    try {
      client.release(true);
    } catch {
      // already released
    }
    retryLater();
  };
  const listen = async () => {
    retry = undefined;
    if (isClosed) return;
    const client = await pool.connect().catch(() => null);
    if (!client) return retryLater();
    let isLost = false;
    const loseOnce = (error?: unknown) => {
      if (isLost) return;
      isLost = true;
      lose(client, error);
    };
    client.on('error', loseOnce);
    client.on('end', loseOnce);
    client.on('notification', onNotification);
    try {
      await answerWithin(client.query(`listen ${CHANNEL}`), answerWithinMs);
    } catch (error) {
      return loseOnce(error);
    }
    if (isClosed) return client.release(true);
    listener = { client, lose: loseOnce };
    reconnectMs = RECONNECT_MS;
    if (isInOutage) {
      isInOutage = false;
      options.log?.info({}, "listening for other servers' changes again");
    }
    // Changes made while nobody listened were not heard: caches start again and open pages
    // reload the whole meeting.
    if (hasListened) {
      for (const forgetWhatWasMissed of gapListeners) forgetWhatWasMissed();
      for (const meetingId of local.eventNames())
        local.emit(meetingId, { meetingId: String(meetingId), kind: 'meeting', byPersonId: null });
    }
    hasListened = true;
  };
  let isChecking = false;
  const checkListener = async () => {
    const checked = listener;
    if (!checked || isChecking) return;
    isChecking = true;
    try {
      await answerWithin(checked.client.query('select 1'), answerWithinMs);
    } catch (error) {
      if (listener === checked) {
        reportOutage(
          "the connection listening for other servers' changes stopped answering; listening on a new one",
          error,
        );
        checked.lose(error);
      }
    } finally {
      isChecking = false;
    }
  };
  const checks = setInterval(() => void checkListener(), checkEveryMs);
  checks.unref();
  await listen();
  return {
    async publish(event) {
      await pool.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
    },
    subscribe(meetingId, onEvent) {
      local.on(meetingId, onEvent);
      return () => local.off(meetingId, onEvent);
    },
    onEvery,
    onGap,
    async announceOrganizationChange(organizationId) {
      await notifyOrganizationChange(pool, organizationId);
    },
    onOrganizationChange,
    async close() {
      isClosed = true;
      clearTimeout(retry);
      clearInterval(checks);
      local.removeAllListeners();
      // Destroyed rather than returned to the pool, where it would go on listening.
      listener?.client.release(true);
      listener = null;
    },
  };
}
