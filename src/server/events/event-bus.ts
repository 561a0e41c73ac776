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
   * Tells every app server (this one included) that something which may show on any page or
   * decide any access changed: a person renamed, a role, a sign-out, a password reset.
   */
  announceWideChange(): Promise<void>;
  onWideChange(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * Tells every server to forget what it remembers. A failed notify never fails the write that
 * caused it: the caches' own lifetime (a minute at most) then bounds how long another server
 * shows the change late.
 */
export async function announceWideChange(
  events: EventBus,
  log: { warn(details: object, message: string): void },
) {
  try {
    await events.announceWideChange();
  } catch (error) {
    log.warn({ err: error }, 'could not tell the other servers of a change');
  }
}

const CHANNEL = 'tandem_meeting_events';
/** The payload of a wide change: not a meeting event (those have a meetingId). */
const WIDE_CHANGE = '{"wide":true}';
const RECONNECT_MS = 500;

/**
 * Live updates. On PostgreSQL every app server LISTENs on one channel and a change is NOTIFYed,
 * so a browser connected to any server hears a change made through any other; on the embedded
 * database there is one process, and events go straight to its listeners.
 */
export async function createEventBus(database: Database): Promise<EventBus> {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const everyListeners: Array<(event: MeetingEvent) => void> = [];
  const gapListeners: Array<() => void> = [];
  const wideListeners: Array<() => void> = [];
  const deliverWide = () => {
    for (const listener of wideListeners) listener();
  };
  const onWideChange = (listener: () => void) => void wideListeners.push(listener);
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
      async announceWideChange() {
        deliverWide();
      },
      onWideChange,
      async close() {
        local.removeAllListeners();
      },
    };
  }

  const pool = database.pool;
  let listener: pg.PoolClient | null = null;
  let isClosed = false;
  let retry: NodeJS.Timeout | undefined;
  let hasListened = false;
  const onNotification = (message: pg.Notification) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    if (message.payload === WIDE_CHANGE) return deliverWide();
    try {
      deliver(JSON.parse(message.payload) as MeetingEvent);
    } catch {
      // A malformed payload is not ours; ignore it.
    }
  };
  const retryLater = () => {
    if (!isClosed && !retry) retry = setTimeout(() => void listen(), RECONNECT_MS);
  };
  // The listening connection is lost when PostgreSQL restarts or a proxy cuts it: drop it and
  // listen again on a new one, until the database answers.
  const lose = (client: pg.PoolClient) => {
    if (listener === client) listener = null;
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
    const loseOnce = () => {
      if (isLost) return;
      isLost = true;
      lose(client);
    };
    client.on('error', loseOnce);
    client.on('end', loseOnce);
    client.on('notification', onNotification);
    try {
      await client.query(`listen ${CHANNEL}`);
    } catch {
      return loseOnce();
    }
    if (isClosed) return client.release(true);
    listener = client;
    // Changes made while nobody listened were not heard: caches start again and open pages
    // reload the whole meeting.
    if (hasListened) {
      for (const listener of gapListeners) listener();
      for (const meetingId of local.eventNames())
        local.emit(meetingId, { meetingId: String(meetingId), kind: 'meeting', byPersonId: null });
    }
    hasListened = true;
  };
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
    async announceWideChange() {
      await pool.query('select pg_notify($1, $2)', [CHANNEL, WIDE_CHANGE]);
    },
    onWideChange,
    async close() {
      isClosed = true;
      clearTimeout(retry);
      local.removeAllListeners();
      // Destroyed rather than returned to the pool, where it would go on listening.
      listener?.release(true);
      listener = null;
    },
  };
}
