import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/client.ts';
import { createEventBus, type EventBus, type MeetingEvent } from '../../src/server/events/event-bus.ts';
import { isPostgresAvailable } from '../support/databases.ts';
import { relayTo, type SilentNetwork } from '../support/silent-network.ts';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(isDone: () => boolean, withinMs: number) {
  const deadline = Date.now() + withinMs;
  while (!isDone() && Date.now() < deadline) await sleep(25);
  return isDone();
}

const change = (meetingId: string, kind: MeetingEvent['kind']): MeetingEvent => ({
  meetingId,
  kind,
  byPersonId: 'someone-on-another-server',
});

/**
 * Two app servers on one PostgreSQL, as event buses: "here" reaches PostgreSQL through a network
 * that can go silent, "there" directly. Only the live-update channel is under test; no tables.
 */
describe.runIf(await isPostgresAvailable())('the connection listening for other servers’ changes', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function twoServers(listenerChecks?: { checkEveryMs: number; answerWithinMs: number }) {
    const network: SilentNetwork = await relayTo(adminUrl);
    cleanups.push(() => network.close());
    const open = async (databaseUrl: string) => {
      const database: Database = await openDatabase({ databaseUrl, dataDir: '' });
      cleanups.push(() => database.close());
      return database;
    };
    const warnings: string[] = [];
    const here: EventBus = await createEventBus(await open(network.url), {
      listenerChecks,
      log: { warn: (_details, message) => void warnings.push(message) },
    });
    cleanups.push(() => here.close());
    const there: EventBus = await createEventBus(await open(adminUrl));
    cleanups.push(() => there.close());
    const heard: MeetingEvent[] = [];
    here.subscribe('meeting-1', (event) => void heard.push(event));
    let gaps = 0;
    here.onGap(() => void gaps++);
    // Heard before anything goes wrong, so the channel itself works.
    await there.publish(change('meeting-1', 'agenda'));
    expect(await until(() => heard.length === 1, 5_000)).toBe(true);
    return { network, here, there, heard, gaps: () => gaps, warnings };
  }

  it('notices it went silent, listens on a new connection and tells the caches and open pages what they may have missed', async () => {
    const { network, there, heard, gaps, warnings } = await twoServers({
      checkEveryMs: 200,
      answerWithinMs: 500,
    });

    network.silenceOpenConnections();
    await there.publish(change('meeting-1', 'notes'));
    // Missed while silent; then the check fails, and a new connection listens.
    expect(await until(() => gaps() === 1, 10_000)).toBe(true);
    expect(warnings).toEqual([
      "the connection listening for other servers' changes stopped answering; listening on a new one",
    ]);
    // The open page is told to reload the whole meeting, since the change to its notes was missed.
    expect(heard.map((event) => event.kind)).toEqual(['agenda', 'meeting']);

    await there.publish(change('meeting-1', 'next-steps'));
    expect(await until(() => heard.length === 3, 5_000)).toBe(true);
    expect(heard.at(-1)?.kind).toBe('next-steps');
  });

  it('leaves a connection that answers alone', async () => {
    const { there, heard, gaps, warnings } = await twoServers({ checkEveryMs: 100, answerWithinMs: 500 });
    await sleep(1_000);
    await there.publish(change('meeting-1', 'status'));
    expect(await until(() => heard.length === 2, 5_000)).toBe(true);
    expect(gaps()).toBe(0);
    expect(warnings).toEqual([]);
  });
});
