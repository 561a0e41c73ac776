import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { AnalysisView } from '../../../contracts/analysis.ts';
import type { MeetingAnalysis } from '../../../core/coaching/analysis-types.ts';
import { analyzeMeeting } from '../../../core/coaching/analyze-meeting.ts';
import { figuresOnly } from '../../../core/coaching/figures-only.ts';
import { AppError } from '../../../core/errors.ts';
import { parseTranscript } from '../../../core/transcripts/parse-transcript.ts';
import type { Utterance } from '../../../core/transcripts/types.ts';
import { assertCoachingFiguresVisible, type Tenant } from '../../auth/policy.ts';
import { loadQuestionBank } from '../../content/load-question-bank.ts';
import type { Db } from '../../db/client.ts';
import {
  agendaItems,
  meetingAnalyses,
  meetings,
  nextSteps,
  sharedNotes,
  transcripts,
} from '../../db/schema-meetings.ts';
import {
  findPersonRefs,
  getOwnMeeting,
  type MeetingRow,
  refOf,
  requirePerson,
} from '../meetings/meeting-access.ts';
import { pickLeaderSpeaker } from './leader-speaker.ts';

type AnalysisRow = typeof meetingAnalyses.$inferSelect;

export interface TranscriptUpload {
  text?: string;
  base64?: string;
  fileName?: string;
  leaderSpeaker?: string;
}

/**
 * The coaching report judges the leader, so the leader puts the meeting up for analysis; a report
 * uploading a transcript could otherwise write a score in their leader's name. The report sees that
 * a transcript exists and may delete it.
 */
function assertLeaderAnalyses(role: 'leader' | 'report') {
  if (role !== 'leader') {
    throw new AppError(
      'FORBIDDEN',
      'The leader of the 1:1 uploads its transcript and asks for its analysis; you can delete a transcript.',
    );
  }
}

/**
 * Stores a meeting's transcript (with the uploader's confirmation that both agreed) and analyses
 * it together with the meeting's agenda, notes and next steps. A file that does not parse stores
 * nothing.
 */
export async function uploadTranscript(
  db: Db,
  tenant: Tenant,
  meetingId: string,
  upload: TranscriptUpload,
): Promise<AnalysisView> {
  const { meeting, role } = await getOwnMeeting(db, tenant, meetingId);
  assertLeaderAnalyses(role);
  const parsed = parseTranscript(
    upload.base64 !== undefined ? Buffer.from(upload.base64, 'base64') : upload.text!,
    { fileName: upload.fileName },
  );
  const refs = await findPersonRefs(db, tenant.organizationId, [meeting.leaderId, meeting.reportId]);
  const leaderSpeaker = pickLeaderSpeaker(
    parsed.speakers,
    upload.leaderSpeaker,
    refOf(refs, meeting.leaderId).name,
  );
  await analyzeAndStoreTranscript(db, meeting, {
    format: parsed.format,
    utterances: parsed.utterances,
    leaderSpeaker,
    uploadedById: tenant.personId,
  });
  return getAnalysisView(db, tenant, meeting, role);
}

/** Analyses a parsed transcript of a meeting and stores both in one transaction. */
export async function analyzeAndStoreTranscript(
  db: Db,
  meeting: MeetingRow,
  input: {
    format: string;
    utterances: Utterance[];
    leaderSpeaker: string | undefined;
    uploadedById: string | null;
  },
): Promise<MeetingAnalysis> {
  const result = await analyze(db, meeting, input.utterances, input.leaderSpeaker);
  await db.transaction(async (tx) => {
    const row = {
      organizationId: meeting.organizationId,
      uploadedById: input.uploadedById,
      format: input.format,
      leaderSpeaker: input.leaderSpeaker ?? result.leader?.name ?? input.utterances[0]?.speaker ?? '',
      utterances: input.utterances,
      consentConfirmedAt: new Date(),
    };
    await tx
      .insert(transcripts)
      .values({ meetingId: meeting.id, ...row })
      .onConflictDoUpdate({ target: transcripts.meetingId, set: row });
    await saveAnalysis(tx, meeting, result, 'transcript');
  });
  return result;
}

/** (Re)analyses a meeting from what it has: its transcript if one is stored, else its agenda, notes and next steps. */
export async function analyzeStoredMeeting(db: Db, tenant: Tenant, meetingId: string): Promise<AnalysisView> {
  const { meeting, role } = await getOwnMeeting(db, tenant, meetingId);
  assertLeaderAnalyses(role);
  const [stored] = await db.select().from(transcripts).where(eq(transcripts.meetingId, meeting.id)).limit(1);
  const result = await analyze(db, meeting, stored?.utterances ?? [], stored?.leaderSpeaker);
  await saveAnalysis(db, meeting, result, stored ? 'transcript' : 'notes');
  return getAnalysisView(db, tenant, meeting, role);
}

async function analyze(
  db: Db,
  meeting: MeetingRow,
  utterances: Utterance[],
  leaderSpeaker: string | undefined,
): Promise<MeetingAnalysis> {
  const [agenda, steps, notes, previous, refs] = await Promise.all([
    db
      .select({ title: agendaItems.title, type: agendaItems.type })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id))
      .orderBy(asc(agendaItems.position)),
    db.select().from(nextSteps).where(eq(nextSteps.meetingId, meeting.id)),
    db
      .select({ body: sharedNotes.body })
      .from(sharedNotes)
      .where(eq(sharedNotes.meetingId, meeting.id))
      .limit(1),
    findPreviousMeetingSteps(db, meeting),
    findPersonRefs(db, meeting.organizationId, [meeting.leaderId, meeting.reportId]),
  ]);
  return analyzeMeeting(
    {
      utterances,
      leader: leaderSpeaker,
      agenda,
      notes: notes[0]?.body ?? '',
      nextSteps: steps.map((step) => ({
        title: step.title,
        ownerIsReport: step.ownerId === meeting.reportId,
        // A name, as the report shows it next to the step.
        owner: step.ownerId ? refOf(refs, step.ownerId).name : null,
        dueDate: step.dueDate,
        proposedBy:
          step.proposedById === null ? null : step.proposedById === meeting.reportId ? 'report' : 'leader',
      })),
      previousNextSteps: previous,
    },
    { questionBank: await loadQuestionBank() },
  );
}

async function findPreviousMeetingSteps(db: Db, meeting: MeetingRow): Promise<Array<{ title: string }>> {
  const [previous] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.organizationId, meeting.organizationId),
        eq(meetings.leaderId, meeting.leaderId),
        eq(meetings.reportId, meeting.reportId),
        lt(meetings.startsAt, meeting.startsAt),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  if (!previous) return [];
  return db.select({ title: nextSteps.title }).from(nextSteps).where(eq(nextSteps.meetingId, previous.id));
}

async function saveAnalysis(
  db: Db,
  meeting: MeetingRow,
  result: MeetingAnalysis,
  source: 'transcript' | 'notes',
) {
  const row = {
    organizationId: meeting.organizationId,
    leaderId: meeting.leaderId,
    reportId: meeting.reportId,
    meetingStartsAt: meeting.startsAt,
    score: result.score === null ? null : Math.round(result.score),
    verdict: result.verdict,
    askTellRatio: result.questions?.askTellRatio ?? null,
    talkShare: result.leader?.talkShare ?? null,
    result,
    source,
    analyzedAt: new Date(),
  };
  await db
    .insert(meetingAnalyses)
    .values({ meetingId: meeting.id, ...row })
    .onConflictDoUpdate({ target: meetingAnalyses.meetingId, set: row });
}

export async function getAnalysis(db: Db, tenant: Tenant, meetingId: string): Promise<AnalysisView> {
  const { meeting, role } = await getOwnMeeting(db, tenant, meetingId);
  return getAnalysisView(db, tenant, meeting, role);
}

async function getAnalysisView(
  db: Db,
  tenant: Tenant,
  meeting: MeetingRow,
  role: 'leader' | 'report',
): Promise<AnalysisView> {
  const [row] = await db
    .select()
    .from(meetingAnalyses)
    .where(eq(meetingAnalyses.meetingId, meeting.id))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'This 1:1 has not been analysed yet.');
  const [transcript] = await db
    .select({ uploadedById: transcripts.uploadedById })
    .from(transcripts)
    .where(eq(transcripts.meetingId, meeting.id))
    .limit(1);
  const refs = transcript?.uploadedById
    ? await findPersonRefs(db, tenant.organizationId, [transcript.uploadedById])
    : new Map();
  const isFull = role === 'leader' || row.isSharedWithReport;
  return {
    meetingId: meeting.id,
    visibility: isFull ? 'full' : 'shared-basics',
    source: row.source,
    hasTranscript: transcript !== undefined,
    transcriptUploadedByName: transcript?.uploadedById ? refOf(refs, transcript.uploadedById).name : null,
    isSharedWithReport: row.isSharedWithReport,
    analyzedAt: row.analyzedAt.toISOString(),
    // Interfaces carry no index signature; the stored JSON is exactly the analysis type.
    result: (isFull ? row.result : basicsOf(row)) as AnalysisView['result'],
  };
}

/** What the report sees until the leader shares the score: the topics and the next steps, no judgement. */
function basicsOf(row: AnalysisRow) {
  const result = row.result as MeetingAnalysis;
  return {
    score: null,
    verdict: null,
    language: result.language,
    topics: result.topics,
    topicsSource: result.topicsSource,
    agenda: result.agenda,
    endedWithAction: result.endedWithAction,
    commitments: result.commitments,
    unmeasured: ['The leader has not shared the coaching score of this 1:1.'],
  };
}

/** The leader decides whether the report sees the score and the rest of the report. */
export async function setShared(
  db: Db,
  tenant: Tenant,
  meetingId: string,
  isShared: boolean,
): Promise<AnalysisView> {
  const { meeting, role } = await getOwnMeeting(db, tenant, meetingId);
  if (role !== 'leader')
    throw new AppError('FORBIDDEN', 'Only the leader decides whether the coaching report is shared.');
  const updated = await db
    .update(meetingAnalyses)
    .set({ isSharedWithReport: isShared })
    .where(eq(meetingAnalyses.meetingId, meeting.id))
    .returning({ id: meetingAnalyses.meetingId });
  if (updated.length === 0) throw new AppError('NOT_FOUND', 'This 1:1 has not been analysed yet.');
  return getAnalysisView(db, tenant, meeting, role);
}

/** Either participant deletes the transcript; the figures stay, every quote from it goes. */
export async function deleteTranscript(db: Db, tenant: Tenant, meetingId: string): Promise<void> {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(transcripts)
      .where(eq(transcripts.meetingId, meeting.id))
      .returning({ id: transcripts.meetingId });
    if (deleted.length === 0) throw new AppError('NOT_FOUND', 'This 1:1 has no transcript.');
    const [row] = await tx
      .select()
      .from(meetingAnalyses)
      .where(eq(meetingAnalyses.meetingId, meeting.id))
      .limit(1);
    if (row)
      await tx
        .update(meetingAnalyses)
        .set({ result: figuresOnly(row.result as MeetingAnalysis) })
        .where(eq(meetingAnalyses.meetingId, meeting.id));
  });
}

/** A leader's last analysed 1:1s: for the leader and their manager chain (figures only, never content). */
export async function getTrend(db: Db, tenant: Tenant, query: { leaderId?: string; limit: number }) {
  const leaderId = query.leaderId ?? requirePerson(tenant);
  await assertCoachingFiguresVisible(db, tenant, leaderId);
  const rows = await db
    .select()
    .from(meetingAnalyses)
    .where(
      and(eq(meetingAnalyses.organizationId, tenant.organizationId), eq(meetingAnalyses.leaderId, leaderId)),
    )
    .orderBy(desc(meetingAnalyses.meetingStartsAt))
    .limit(query.limit);
  const refs = await findPersonRefs(db, tenant.organizationId, [
    leaderId,
    ...rows.map((row) => row.reportId),
  ]);
  const points = rows.reverse().map((row) => {
    const result = row.result as MeetingAnalysis;
    return {
      meetingId: row.meetingId,
      startsAt: row.meetingStartsAt.toISOString(),
      withName: refOf(refs, row.reportId).name,
      score: row.score,
      verdict: row.verdict,
      talkShare: result.leader?.talkShare ?? null,
      askTellRatio: result.questions?.askTellRatio ?? null,
      source: row.source,
    };
  });
  const scored = points.filter((point) => point.score !== null);
  return {
    leaderId,
    leaderName: refOf(refs, leaderId).name,
    points,
    averageScore:
      scored.length === 0 ? null : scored.reduce((sum, point) => sum + point.score!, 0) / scored.length,
  };
}
