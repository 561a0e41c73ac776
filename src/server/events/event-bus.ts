import { EventEmitter } from 'node:events';
import type { Database } from '../db/client.ts';

/** A change one participant made that the other's open meeting page should show. */
export interface MeetingEvent {
  meetingId: string;
  kind: 'agenda' | 'status' | 'notes' | 'next-steps' | 'meeting' | 'analysis';
  /** The person who made the change, so their own page can ignore the echo. */
  byPersonId: string | null;
}

export interface EventBus {
  publish(event: MeetingEvent): Promise<void>;
  subscribe(meetingId: string, listener: (event: MeetingEvent) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'tandem_meeting_events';

/**
 * Live updates. On PostgreSQL every app server LISTENs on one channel and a change is NOTIFYed,
 * so a browser connected to any server hears a change made through any other; on the embedded
 * database there is one process, and events go straight to its listeners.
 */
export async function createEventBus(database: Database): Promise<EventBus> {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const deliver = (event: MeetingEvent) => local.emit(event.meetingId, event);

  if (database.kind === 'embedded' || !database.pool) {
    return {
      async publish(event) {
        deliver(event);
      },
      subscribe(meetingId, listener) {
        local.on(meetingId, listener);
        return () => local.off(meetingId, listener);
      },
      async close() {
        local.removeAllListeners();
      },
    };
  }

  const pool = database.pool;
  let listener = await pool.connect().catch(() => null);
  const listen = async () => {
    if (!listener) return;
    listener.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        deliver(JSON.parse(message.payload) as MeetingEvent);
      } catch {
        // A malformed payload is not ours; ignore it.
      }
    });
    listener.on('error', () => {
      listener?.release(true);
      listener = null;
      setTimeout(() => void reconnect(), 1_000);
    });
    await listener.query(`listen ${CHANNEL}`);
  };
  const reconnect = async () => {
    listener = await pool.connect().catch(() => null);
    if (listener) await listen().catch(() => {});
    else setTimeout(() => void reconnect(), 1_000);
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
    async close() {
      local.removeAllListeners();
      listener?.release();
      listener = null;
    },
  };
}
