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
    const infos: string[] = [];
    const here: EventBus = await createEventBus(await open(network.url), {
      listenerChecks,
      log: {
        warn: (_details, message) => void warnings.push(message),
        info: (_details, message) => void infos.push(message),
      },
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
    return { network, here, there, heard, gaps: () => gaps, warnings, infos };
  }

  it('notices it went silent, listens on a new connection and tells the caches and open pages what they may have missed', async () => {
    const { network, there, heard, gaps, warnings, infos } = await twoServers({
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
    expect(infos).toEqual(["listening for other servers' changes again"]);
    // The open page is told to reload the whole meeting, since the change to its notes was missed.
    expect(heard.map((event) => event.kind)).toEqual(['agenda', 'meeting']);

    await there.publish(change('meeting-1', 'next-steps'));
    expect(await until(() => heard.length === 3, 5_000)).toBe(true);
    expect(heard.at(-1)?.kind).toBe('next-steps');
  });

  it('asks a connection that answers, and leaves it alone', async () => {
    // A generous time to answer: on a busy machine a check must not fail for want of a turn.
    const { network, there, heard, gaps, warnings } = await twoServers({
      checkEveryMs: 100,
      answerWithinMs: 2_000,
    });
    const packetsBefore = network.clientPackets();
    await sleep(1_000);
    // About ten checks went out on the listening connection (the only one open through the relay).
    expect(network.clientPackets() - packetsBefore).toBeGreaterThanOrEqual(3);
    await there.publish(change('meeting-1', 'status'));
    expect(await until(() => heard.length === 2, 5_000)).toBe(true);
    expect(gaps()).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('says once that it lost the connection while PostgreSQL is away, and once that it listens again', async () => {
    const { network, there, heard, gaps, warnings, infos } = await twoServers({
      checkEveryMs: 10_000,
      answerWithinMs: 2_000,
    });
    network.turnAwayNewConnections(true);
    network.cutOpenConnections();
    // Long enough for several attempts (0.5 s, then 1 s, then 2 s apart): one warning for all.
    await sleep(2_500);
    expect(warnings).toEqual([
      "lost the connection listening for other servers' changes; listening again as soon as PostgreSQL answers",
    ]);
    expect(infos).toEqual([]);
    network.turnAwayNewConnections(false);
    expect(await until(() => gaps() === 1, 10_000)).toBe(true);
    expect(infos).toEqual(["listening for other servers' changes again"]);
    expect(warnings).toHaveLength(1);
    await there.publish(change('meeting-1', 'agenda'));
    expect(await until(() => heard.length === 3, 5_000)).toBe(true);
    expect(heard.map((event) => event.kind)).toEqual(['agenda', 'meeting', 'agenda']);
  });
});
