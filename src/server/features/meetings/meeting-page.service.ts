import { and, asc, eq, lt } from 'drizzle-orm';
import type { MeetingPage, PersonRef } from '../../../contracts/meetings.ts';
import { findBuiltInTemplate } from '../../../core/meetings/meeting-templates.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { TextSealer } from '../../crypto/sealed-text.ts';
import type { Db } from '../../db/client.ts';
import {
  agendaItems,
  meetings,
  meetingTemplates,
  nextSteps,
  sharedNotes,
  statusUpdates,
} from '../../db/schema-meetings.ts';
import { findPersonRefs, getOwnMeeting, refOf } from './meeting-access.ts';
import { findNeighbours } from './meetings.service.ts';
import { getPrivateNote } from './notes.service.ts';
import { toAgendaView, toNextStepView } from './views.ts';

/**
 * Everything the meeting page shows, for one of its two participants. Every person on the page
 * is one of the two participants, so their names are read once; the page answers in a dozen
 * indexed queries however long the pair's history is.
 */
export async function getMeetingPage(
  db: Db,
  sealer: TextSealer,
  tenant: Tenant,
  userId: string,
  meetingId: string,
): Promise<MeetingPage> {
  const { meeting, role } = await getOwnMeeting(db, tenant, meetingId);
  const [refs, agendaRows, statusRow, notesRow, privateNote, stepRows, carriedRows, neighbours, template] =
    await Promise.all([
      findPersonRefs(db, tenant.organizationId, [meeting.leaderId, meeting.reportId]),
      db
        .select()
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meeting.id))
        .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt)),
      db.select().from(statusUpdates).where(eq(statusUpdates.meetingId, meeting.id)).limit(1),
      db.select().from(sharedNotes).where(eq(sharedNotes.meetingId, meeting.id)).limit(1),
      getPrivateNote(db, sealer, userId, meeting.id),
      db
        .select()
        .from(nextSteps)
        .where(eq(nextSteps.meetingId, meeting.id))
        .orderBy(asc(nextSteps.createdAt)),
      db
        .select({ step: nextSteps })
        .from(nextSteps)
        .innerJoin(meetings, eq(meetings.id, nextSteps.meetingId))
        .where(
          and(
            eq(nextSteps.organizationId, tenant.organizationId),
            eq(nextSteps.leaderId, meeting.leaderId),
            eq(nextSteps.reportId, meeting.reportId),
            eq(nextSteps.status, 'open'),
            lt(meetings.startsAt, meeting.startsAt),
          ),
        )
        .orderBy(asc(nextSteps.dueDate), asc(nextSteps.createdAt)),
      findNeighbours(db, meeting),
      resolveTemplate(db, tenant, meeting.templateKey),
    ]);
  const viewer = tenant.personId ?? '';
  const name = (id: string | null): string | null => (id ? refOf(refs, id).name : null);
  const [status] = statusRow;
  const [notes] = notesRow;
  const steps = stepRows.map((row) => toNextStepView(row, refs, viewer));
  const carriedOver = carriedRows.map((row) => toNextStepView(row.step, refs, viewer));
  const person = (id: string): PersonRef => refOf(refs, id);
  return {
    meeting: {
      id: meeting.id,
      seriesId: meeting.seriesId,
      leader: person(meeting.leaderId),
      report: person(meeting.reportId),
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      status: meeting.status,
      isMoved: meeting.isMoved,
      myRole: role,
      agendaCount: agendaRows.length,
      openNextSteps: carriedOver.length + steps.filter((step) => step.status === 'open').length,
      hasStatusUpdate: status !== undefined,
      closedAt: meeting.closedAt?.toISOString() ?? null,
      noNextStepsReason: meeting.noNextStepsReason,
    },
    template,
    agenda: agendaRows.map((row) => toAgendaView(row, refs)),
    statusUpdate: status
      ? {
          wins: status.wins,
          inProgress: status.inProgress,
          blocked: status.blocked,
          authorName: name(status.authorId)!,
          updatedAt: status.updatedAt.toISOString(),
        }
      : null,
    sharedNotes: notes
      ? {
          body: notes.body,
          version: notes.version,
          updatedByName: name(notes.updatedById),
          updatedAt: notes.updatedAt.toISOString(),
        }
      : { body: '', version: 0, updatedByName: null, updatedAt: null },
    privateNote,
    nextSteps: steps,
    carriedOver,
    previousMeetingId: neighbours.previousId,
    nextMeetingId: neighbours.nextId,
  };
}

export async function resolveTemplate(db: Db, tenant: Tenant, key: string) {
  const builtIn = findBuiltInTemplate(key);
  if (builtIn) return { ...builtIn, isCustom: false };
  const [custom] = await db
    .select()
    .from(meetingTemplates)
    .where(and(eq(meetingTemplates.organizationId, tenant.organizationId), eq(meetingTemplates.key, key)))
    .limit(1);
  if (custom)
    return {
      key: custom.key,
      name: custom.name,
      description: custom.description,
      steps: custom.steps,
      isCustom: true,
    };
  return { ...findBuiltInTemplate('standard')!, isCustom: false };
}
