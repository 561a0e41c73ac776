import { randomUUID } from 'node:crypto';
import {
  agendaItems,
  meetings,
  nextSteps,
  sharedNotes,
  statusUpdates,
} from '../src/server/db/schema-meetings.ts';
import { createTestApp, memberOf, ownerWithOrganization } from '../test/support/test-app.ts';
import { type BenchFigure, median, percentile, printFigures } from './support.ts';

const WEEK = 7 * 86_400_000;

/**
 * Opening a meeting page after five years of weekly 1:1s between the same two people (260
 * meetings with agendas, notes, status and next steps, some still open), on the embedded
 * database, built from the database each time (the page cache off). Target: median under 50 ms.
 * Baseline: the health route of the same app.
 */
export async function runMeetingPageBench(options: {
  quick: boolean;
  kind?: 'embedded' | 'postgres';
}): Promise<BenchFigure[]> {
  const kind = options.kind ?? 'embedded';
  // The page as it is built from the database: with the page cache on, every read after the
  // first would be served from memory (the load benchmark measures that).
  const t = await createTestApp(kind, { TANDEM_PAGE_CACHE_SECONDS: '0' });
  try {
    const owner = await ownerWithOrganization(t.app, 'Lea Leader');
    const report = await memberOf(t, owner.client, owner.org.slug, 'member', 'Rob Report');
    const people = (await owner.client.get(`/api/orgs/${owner.org.slug}/people`)).json().items as Array<{
      id: string;
      name: string;
    }>;
    const leaderId = people.find((person) => person.name === 'Lea Leader')!.id;
    const reportId = people.find((person) => person.name === 'Rob Report')!.id;
    const organizationId = owner.org.id;
    const now = Date.now();
    const meetingRows = Array.from({ length: 261 }, (_, week) => ({
      id: randomUUID(),
      organizationId,
      leaderId,
      reportId,
      startsAt: new Date(now - (260 - week) * WEEK),
      endsAt: new Date(now - (260 - week) * WEEK + 30 * 60_000),
      status: week === 260 ? ('scheduled' as const) : ('completed' as const),
    }));
    const db = t.ctx.db;
    await db.insert(meetings).values(meetingRows);
    for (let at = 0; at < 260; at += 50) {
      const chunk = meetingRows.slice(at, Math.min(at + 50, 260));
      await db.insert(agendaItems).values(
        chunk.flatMap((meeting, offset) =>
          [0, 1, 2].map((position) => ({
            organizationId,
            meetingId: meeting.id,
            authorId: position === 0 ? leaderId : reportId,
            title: `Topic ${at + offset}.${position}: the carrier API rollout`,
            type: position === 0 ? 'status' : 'decision',
            position,
          })),
        ),
      );
      await db.insert(sharedNotes).values(
        chunk.map((meeting) => ({
          meetingId: meeting.id,
          organizationId,
          body: '## Notes\n- decided to pilot in Rotterdam\n- revisit in two weeks\n'.repeat(5),
          version: 3,
        })),
      );
      await db.insert(statusUpdates).values(
        chunk.map((meeting) => ({
          meetingId: meeting.id,
          organizationId,
          authorId: reportId,
          wins: 'Shipped',
          inProgress: 'Pilot',
          blocked: '',
        })),
      );
      await db.insert(nextSteps).values(
        chunk.map((meeting, offset) => ({
          organizationId,
          meetingId: meeting.id,
          leaderId,
          reportId,
          title: `Step ${at + offset}`,
          ownerId: reportId,
          dueDate: new Date(meeting.startsAt.getTime() + WEEK).toISOString().slice(0, 10),
          // One in ten is still open, so the carried-over list is long, as in real neglected pairs.
          status: (at + offset) % 10 === 0 ? ('open' as const) : ('done' as const),
          completedAt: (at + offset) % 10 === 0 ? null : meeting.endsAt,
        })),
      );
    }
    const page = `/api/orgs/${owner.org.slug}/meetings/${meetingRows[260]!.id}`;
    const warm = await report.client.get(page);
    if (warm.statusCode !== 200) throw new Error(`meeting page answered ${warm.statusCode}: ${warm.body}`);
    const runs = options.quick ? 60 : 200;
    const pageTimes: number[] = [];
    const healthTimes: number[] = [];
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      await report.client.get(page);
      pageTimes.push(performance.now() - started);
      started = performance.now();
      await report.client.get('/api/health');
      healthTimes.push(performance.now() - started);
    }
    const pageMedian = median(pageTimes);
    return [
      {
        name: `meeting page after 5 years of weekly 1:1s, median (${kind})`,
        value: pageMedian,
        unit: 'ms',
        baseline: { name: 'health route', value: median(healthTimes) },
        ratio: pageMedian / median(healthTimes),
        target: '< 50 ms',
        isMet: pageMedian < 50,
      },
      { name: `  its p95 (${kind})`, value: percentile(pageTimes, 95), unit: 'ms' },
    ];
  } finally {
    await t.close();
  }
}

if (import.meta.main) {
  printFigures('Meeting page', await runMeetingPageBench({ quick: process.argv.includes('--quick') }));
}
