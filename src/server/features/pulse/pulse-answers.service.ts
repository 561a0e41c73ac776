import type { PulseFormView } from '../../../contracts/pulse.ts';
import { AppError } from '../../../core/errors.ts';
import { pulseQuestions, validatePulseAnswers } from '../../../core/surveys/pulse-questions.ts';
import { groupKeyOf } from '../../../core/surveys/pulse-scope.ts';
import { hashToken } from '../../auth/actor.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { pulseResponses } from '../../db/schema-pulse.ts';
import { requirePerson } from '../meetings/meeting-access.ts';
import * as repository from './pulse.repository.ts';

type Participant = NonNullable<Awaited<ReturnType<typeof repository.findParticipant>>>;
type RoundContext = NonNullable<Awaited<ReturnType<typeof repository.findRoundContext>>>;

const isOpenAt = (round: { opensAt: Date; closesAt: Date }, now: Date) =>
  round.opensAt <= now && now < round.closesAt;

async function getRoundContext(db: Db, participant: Participant): Promise<RoundContext> {
  const context = await repository.findRoundContext(db, participant.roundId);
  if (!context) throw new AppError('NOT_FOUND', 'This pulse link is not valid.');
  return context;
}

function toForm(context: RoundContext, hasAnswered: boolean): PulseFormView {
  return {
    roundId: context.round.id,
    organizationName: context.organizationName,
    surveyTitle: context.survey.title,
    teamLeadName: context.teamLeadName,
    scope: context.survey.scope,
    closesAt: context.round.closesAt.toISOString(),
    hasAnswered,
    questions: pulseQuestions(context.survey),
  };
}

async function getParticipantByToken(db: Db, token: string): Promise<Participant> {
  const participant = await repository.findParticipantByToken(db, hashToken(token));
  if (!participant) throw new AppError('NOT_FOUND', 'This pulse link is not valid.');
  return participant;
}

/** The questions behind a mailed link; the token is the credential. */
export async function getFormByToken(db: Db, token: string, now = new Date()): Promise<PulseFormView> {
  const participant = await getParticipantByToken(db, token);
  const context = await getRoundContext(db, participant);
  if (!isOpenAt(context.round, now)) throw new AppError('GONE', 'This pulse round has closed.');
  return toForm(context, participant.hasAnswered);
}

export async function answerByToken(
  db: Db,
  token: string,
  answers: Record<string, unknown>,
  now = new Date(),
): Promise<void> {
  await submitAnswers(db, await getParticipantByToken(db, token), answers, now);
}

/** The rounds open now that ask the caller, each with its questions, answered or not. */
export async function listOpenRounds(db: Db, tenant: Tenant, now = new Date()): Promise<PulseFormView[]> {
  if (!tenant.personId) return [];
  const open = await repository.findOpenRoundsOf(db, tenant.organizationId, tenant.personId, now);
  const forms: PulseFormView[] = [];
  for (const entry of open) {
    const context = await repository.findRoundContext(db, entry.roundId);
    if (context) forms.push(toForm(context, entry.hasAnswered));
  }
  return forms;
}

/** Answering in the app: the caller's own participant row is looked up, never stored with the answers. */
export async function answerInApp(
  db: Db,
  tenant: Tenant,
  roundId: string,
  answers: Record<string, unknown>,
  now = new Date(),
): Promise<void> {
  const personId = requirePerson(tenant);
  const participant = await repository.findParticipant(db, tenant.organizationId, roundId, personId);
  if (!participant) throw new AppError('NOT_FOUND', 'No pulse round that asks you with this id.');
  await submitAnswers(db, participant, answers, now);
}

/**
 * Stores one set of answers with nothing but the respondent's team group, and marks the
 * participant answered in the same transaction: a second answer, even sent at the same moment,
 * finds the mark and is refused. The response row never learns who gave it.
 */
async function submitAnswers(
  db: Db,
  participant: Participant,
  answers: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const context = await getRoundContext(db, participant);
  if (!isOpenAt(context.round, now)) throw new AppError('GONE', 'This pulse round has closed.');
  if (participant.hasAnswered) throw new AppError('CONFLICT', 'You have already answered this pulse round.');
  const stored = validatePulseAnswers(pulseQuestions(context.survey), answers, 'body.answers');
  const directory = await repository.findDirectory(db, participant.organizationId);
  const groupKey = groupKeyOf(
    directory,
    participant.personId,
    context.survey.teamLeadId,
    context.survey.scope,
  );
  await db.transaction(async (tx) => {
    if (!(await repository.claimAnswer(tx, participant.roundId, participant.personId)))
      throw new AppError('CONFLICT', 'You have already answered this pulse round.');
    await tx.insert(pulseResponses).values({
      organizationId: participant.organizationId,
      roundId: participant.roundId,
      groupKey,
      answers: stored,
    });
  });
}
