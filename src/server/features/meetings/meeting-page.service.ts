import { and, eq } from 'drizzle-orm';
import type { MeetingPage, PersonRef } from '../../../contracts/meetings.ts';
import { AppError } from '../../../core/errors.ts';
import { findBuiltInTemplate } from '../../../core/meetings/meeting-templates.ts';
import { assertParticipant, type Tenant } from '../../auth/policy.ts';
import type { TextSealer } from '../../crypto/sealed-text.ts';
import type { Db } from '../../db/client.ts';
import { meetingTemplates } from '../../db/schema-meetings.ts';
import { refOf } from './meeting-access.ts';
import { findMeetingPageHead, findMeetingPageLists } from './meeting-page.repository.ts';
import { openPrivateNote } from './notes.service.ts';
import { toAgendaView, toNextStepView } from './views.ts';

/**
 * Everything the meeting page shows, for one of its two participants. Every person on the page
 * is one of the two participants, so their names come with the meeting; the page answers in four
 * indexed queries however long the pair's history is.
 */
export async function getMeetingPage(
  db: Db,
  sealer: TextSealer,
  tenant: Tenant,
  userId: string,
  meetingId: string,
): Promise<MeetingPage> {
  const head = await findMeetingPageHead(db, tenant.organizationId, meetingId, userId);
  if (!head) throw new AppError('NOT_FOUND', 'No such 1:1 of yours.');
  const { meeting } = head;
  // Nothing of the meeting leaves this function before the caller is known to be a participant.
  const role = assertParticipant(tenant, meeting);
  const [[agendaRows, stepRows, carriedRows], template] = await Promise.all([
    findMeetingPageLists(db, meeting),
    resolveTemplate(db, tenant, meeting.templateKey),
  ]);
  const refs = new Map<string, PersonRef>();
  for (const person of [head.leader, head.report]) if (person) refs.set(person.id, person);
  const privateNote = openPrivateNote(sealer, meeting.id, userId, head.privateNote);
  const status = head.status ?? undefined;
  const notes = head.notes ?? undefined;
  const viewer = tenant.personId ?? '';
  const name = (id: string | null): string | null => (id ? refOf(refs, id).name : null);
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
    previousMeetingId: head.previousId,
    nextMeetingId: head.nextId,
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
