import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { occurrences } from '../../../core/calendar/recurrence.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import {
  agendaItems,
  meetings,
  nextSteps,
  privateNotes,
  series,
  sharedNotes,
  statusUpdates,
} from '../../db/schema-meetings.ts';
import { analyzeAndStoreTranscript } from '../analysis/analysis.service.ts';
import { generateMeetings } from '../meetings/series.service.ts';
import type { DemoPerson } from './demo-company.ts';
import {
  checkInTopics,
  coachingTopics,
  leaderAssignedSteps,
  reportProposedSteps,
  sharedNoteTemplates,
  statusLines,
} from './demo-meeting-content.ts';
import { demoTranscript } from './demo-transcripts.ts';

/** How each leader of the demo runs their 1:1s: the story the dashboards tell. */
const styleOf: Record<string, 'coaching' | 'check-in' | 'mixed'> = {
  'Margaret Chen': 'coaching',
  'Daniel Okafor': 'coaching',
  'Priya Raman': 'coaching',
  'Yuki Tanaka': 'coaching',
  'Jamal Wright': 'coaching',
  'Elena Popescu': 'coaching',
  'Sara Nilsson': 'coaching',
  'Rachel Alvarez': 'check-in',
  'Samuel Osei': 'check-in',
  'Marcus Webb': 'check-in',
  'Claire Dubois': 'check-in',
  'Nicole Adams': 'check-in',
  'Ben Carter': 'check-in',
};

/** A small deterministic generator, so every demo tells the same story. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY = 86_400_000;

/** The same date, or the Monday after when it falls on a weekend: 1:1s happen on working days. */
function weekday(date: Date): Date {
  const day = date.getUTCDay();
  return day === 6 ? new Date(date.getTime() + 2 * DAY) : day === 0 ? new Date(date.getTime() + DAY) : date;
}
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

async function insertChunked<T>(db: Db, table: Parameters<Db['insert']>[0], rows: T[]) {
  for (let at = 0; at < rows.length; at += 500) {
    // biome-ignore lint/suspicious/noExplicitAny: one helper for several tables' row types
    await db.insert(table).values(rows.slice(at, at + 500) as any);
  }
}

/**
 * Six months of 1:1 history for every reporting line of the demo: series, past meetings with
 * agendas, status updates, shared notes and next steps, and the meetings ahead.
 */
export async function seedDemoMeetings(
  ctx: AppContext,
  organizationId: string,
  roster: DemoPerson[],
  personIdByEmail: Map<string, string>,
  userIdByEmail: Map<string, string>,
  now = new Date(),
): Promise<{ meetings: number; recorded: number }> {
  const next = random(20261124);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const byKey = new Map(roster.map((person) => [person.key, person]));
  const rows = {
    series: [] as Array<typeof series.$inferInsert>,
    meetings: [] as Array<typeof meetings.$inferInsert>,
  };
  const agenda: Array<typeof agendaItems.$inferInsert> = [];
  const statuses: Array<typeof statusUpdates.$inferInsert> = [];
  const notes: Array<typeof sharedNotes.$inferInsert> = [];
  const steps: Array<typeof nextSteps.$inferInsert> = [];
  const sealed: Array<typeof privateNotes.$inferInsert> = [];
  const recorded: Array<{
    meetingId: string;
    style: 'coaching' | 'mixed' | 'check-in';
    leader: string;
    report: string;
    variant: number;
  }> = [];

  const pairs = roster
    .filter((person) => person.managerKey)
    .map((report) => ({ report, leader: byKey.get(report.managerKey!)! }));
  for (const [index, { leader, report }] of pairs.entries()) {
    const leaderId = personIdByEmail.get(leader.key)!;
    const reportId = personIdByEmail.get(report.key)!;
    const style = styleOf[leader.name] ?? 'mixed';
    const isWeekly = !leader.managerKey ? false : Boolean(byKey.get(leader.managerKey)?.managerKey);
    const start = weekday(new Date(now.getTime() - 182 * DAY + (index % 5) * DAY));
    const schedule = {
      cadence: (isWeekly ? 'weekly' : 'biweekly') as 'weekly' | 'biweekly',
      startDate: isoDate(start),
      startTime: ['09:00', '10:30', '13:00', '14:30', '16:00'][index % 5]!,
      durationMinutes: isWeekly ? 30 : 45,
      timeZone: leader.timeZone,
    };
    const seriesId = randomUUID();
    rows.series.push({
      id: seriesId,
      organizationId,
      leaderId,
      reportId,
      ...schedule,
      isActive: true,
      templateKey: 'standard',
    });
    const past = occurrences(schedule, { from: start, until: now, count: 60 }).filter(
      (occurrence) => occurrence.end < now,
    );
    for (const [position, occurrence] of past.entries()) {
      const meetingId = randomUUID();
      const isSkipped = next() < 0.05;
      const isCoaching = style === 'coaching' || (style === 'mixed' && next() < 0.5);
      rows.meetings.push({
        id: meetingId,
        organizationId,
        seriesId,
        leaderId,
        reportId,
        occurrenceDate: occurrence.occurrenceDate,
        startsAt: occurrence.start,
        endsAt: occurrence.end,
        status: isSkipped ? 'skipped' : 'completed',
        closedAt: isSkipped ? null : occurrence.end,
      });
      if (isSkipped) continue;
      const topics = isCoaching ? coachingTopics : checkInTopics;
      const count = 2 + Math.floor(next() * 2);
      for (let item = 0; item < count; item++) {
        const [title, type, details] = topics[(position * 3 + item + index) % topics.length]!;
        const byReport = isCoaching ? next() < 0.8 : next() < 0.3;
        agenda.push({
          organizationId,
          meetingId,
          authorId: byReport ? reportId : leaderId,
          title,
          type,
          details,
          position: item + 1,
          isCovered: true,
          createdAt: new Date(occurrence.start.getTime() - DAY),
          updatedAt: occurrence.end,
        });
      }
      if (next() < (isCoaching ? 0.85 : 0.3)) {
        statuses.push({
          meetingId,
          organizationId,
          authorId: reportId,
          wins: pick(statusLines.wins),
          inProgress: pick(statusLines.inProgress),
          blocked: pick(statusLines.blocked),
          updatedAt: new Date(occurrence.start.getTime() - DAY / 2),
        });
      }
      const firstTopic = topics[(position * 3 + index) % topics.length]![0];
      notes.push({
        meetingId,
        organizationId,
        body: isCoaching ? sharedNoteTemplates.coaching(firstTopic) : sharedNoteTemplates.checkIn(firstTopic),
        version: 1,
        updatedById: isCoaching ? reportId : leaderId,
        updatedAt: occurrence.end,
      });
      const stepCount = isCoaching ? 1 + Math.floor(next() * 2) : next() < 0.6 ? 1 : 0;
      for (let step = 0; step < stepCount; step++) {
        const due = new Date(occurrence.start.getTime() + 7 * DAY);
        const isRecent = due > now;
        const isDone = !isRecent && next() < (isCoaching ? 0.85 : 0.45);
        const isLate = isDone && next() < (isCoaching ? 0.1 : 0.4);
        steps.push({
          organizationId,
          meetingId,
          leaderId,
          reportId,
          title: isCoaching ? pick(reportProposedSteps) : pick(leaderAssignedSteps),
          ownerId: reportId,
          dueDate: isoDate(due),
          status: isDone ? 'done' : !isRecent && next() < 0.15 ? 'dropped' : 'open',
          droppedReason: null,
          completedAt: isDone ? new Date(due.getTime() + (isLate ? 3 : -1) * DAY) : null,
          proposedById: isCoaching ? reportId : leaderId,
          createdAt: occurrence.end,
          updatedAt: occurrence.end,
        });
      }
      // The last two meetings of each pair were recorded, so the demo shows coaching reports.
      if (position >= past.length - 2) {
        recorded.push({
          meetingId,
          style: style === 'mixed' ? 'mixed' : isCoaching ? 'coaching' : 'check-in',
          leader: leader.name,
          report: report.name,
          variant: index + position,
        });
      }
      const leaderUserId = userIdByEmail.get(leader.key);
      if (leaderUserId && position === past.length - 1) {
        const body = isCoaching
          ? `${report.name.split(' ')[0]} is ready for more ownership. Next time: ask what they would cut, not what they would add.`
          : `Keep an eye on ${report.name.split(' ')[0]}'s workload; the numbers are fine but the energy is not.`;
        sealed.push({
          organizationId,
          meetingId,
          authorUserId: leaderUserId,
          ciphertext: ctx.sealer.seal(body, `private-note:${meetingId}:${leaderUserId}`),
          updatedAt: occurrence.end,
        });
      }
    }
  }
  for (const step of steps)
    if (step.status === 'dropped') step.droppedReason = 'Priorities changed after the planning review';

  await ctx.db.transaction(async (tx) => {
    await insertChunked(tx, series, rows.series);
    await insertChunked(tx, meetings, rows.meetings);
    await insertChunked(tx, agendaItems, agenda);
    await insertChunked(tx, statusUpdates, statuses);
    await insertChunked(tx, sharedNotes, notes);
    await insertChunked(tx, nextSteps, steps);
    await insertChunked(tx, privateNotes, sealed);
    for (const row of rows.series) await generateMeetings(tx, row as typeof series.$inferSelect, now);
  });
  const recordedIds = new Set(recorded.map((entry) => entry.meetingId));
  const recordedRows = rows.meetings.filter((meeting) => recordedIds.has(meeting.id!));
  const stored = await ctx.db
    .select()
    .from(meetings)
    .where(inArray(meetings.id, [...recordedIds]));
  const byId = new Map(stored.map((meeting) => [meeting.id, meeting]));
  for (const entry of recorded) {
    const meeting = byId.get(entry.meetingId);
    if (!meeting || meeting.status === 'skipped') continue;
    await analyzeAndStoreTranscript(ctx.db, meeting, {
      format: 'webvtt',
      utterances: demoTranscript(entry.style, entry.leader, entry.report, entry.variant),
      leaderSpeaker: entry.leader,
      uploadedById: meeting.leaderId,
    });
  }
  return { meetings: rows.meetings.length, recorded: recordedRows.length };
}
