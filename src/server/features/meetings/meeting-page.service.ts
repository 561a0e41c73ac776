import { and, eq } from 'drizzle-orm';
import type { MeetingPage } from '../../../contracts/meetings.ts';
import { findBuiltInTemplate } from '../../../core/meetings/meeting-templates.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { TextSealer } from '../../crypto/sealed-text.ts';
import type { Db } from '../../db/client.ts';
import { meetingTemplates } from '../../db/schema-meetings.ts';
import { listAgenda } from './agenda.service.ts';
import { getOwnMeeting } from './meeting-access.ts';
import { findNeighbours, summarize } from './meetings.service.ts';
import { listCarriedOver, listMeetingNextSteps } from './next-steps.service.ts';
import { findStatusUpdate, getPrivateNote, getSharedNotes } from './notes.service.ts';

/** Everything the meeting page shows, for one of its two participants. */
export async function getMeetingPage(
  db: Db,
  sealer: TextSealer,
  tenant: Tenant,
  userId: string,
  meetingId: string,
): Promise<MeetingPage> {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  const [
    summary,
    agenda,
    statusUpdate,
    sharedNotes,
    privateNote,
    nextSteps,
    carriedOver,
    neighbours,
    template,
  ] = await Promise.all([
    summarize(db, tenant, [meeting]),
    listAgenda(db, tenant, meeting.id),
    findStatusUpdate(db, tenant, meeting.id),
    getSharedNotes(db, tenant, meeting.id),
    getPrivateNote(db, sealer, userId, meeting.id),
    listMeetingNextSteps(db, tenant, meeting.id),
    listCarriedOver(db, tenant, meeting),
    findNeighbours(db, meeting),
    resolveTemplate(db, tenant, meeting.templateKey),
  ]);
  return {
    meeting: {
      ...summary[0]!,
      closedAt: meeting.closedAt?.toISOString() ?? null,
      noNextStepsReason: meeting.noNextStepsReason,
    },
    template,
    agenda,
    statusUpdate,
    sharedNotes,
    privateNote,
    nextSteps,
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
