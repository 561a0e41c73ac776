import { randomBytes } from 'node:crypto';
import { and, eq, gte } from 'drizzle-orm';
import pino from 'pino';
import { pulseQuestions } from '../../../core/surveys/pulse-questions.ts';
import { dueRoundStart } from '../../../core/surveys/pulse-schedule.ts';
import { peopleInScope } from '../../../core/surveys/pulse-scope.ts';
import { hashToken } from '../../auth/actor.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { organizations } from '../../db/schema.ts';
import { pulseParticipants, pulseRounds, pulseSurveys } from '../../db/schema-pulse.ts';
import type { SweepLog } from '../notifications/webhook.ts';
import * as repository from './pulse.repository.ts';
import { pulseInvitationMail } from './pulse-mails.ts';

/** What opening rounds needs: the scheduler builds it without the HTTP app. */
export type PulseContext = Pick<AppContext, 'db' | 'mailer' | 'publicUrl'>;

const DAY_MS = 86_400_000;

/** A person asked in a new round, with the answer link's token that exists only until it is mailed. */
export interface PulseInvitation {
  personId: string;
  name: string;
  email: string;
  timeZone: string;
  token: string;
}

export interface OpenedRound {
  round: repository.RoundRow;
  invitations: PulseInvitation[];
}

/**
 * Opens a round of a survey inside the caller's transaction: everyone the team pulse asks today
 * gets a participant row with the hash of a fresh random token. The tokens are returned once,
 * for the mails, and never stored.
 */
export async function openRoundIn(tx: Db, survey: repository.SurveyRow, opensAt: Date): Promise<OpenedRound> {
  const directory = await repository.findDirectory(tx, survey.organizationId);
  const asked = new Set(peopleInScope(directory, survey.teamLeadId, survey.scope));
  const [round] = await tx
    .insert(pulseRounds)
    .values({
      organizationId: survey.organizationId,
      surveyId: survey.id,
      opensAt,
      closesAt: new Date(opensAt.getTime() + survey.openDays * DAY_MS),
    })
    .returning();
  const invitations = directory
    .filter((person) => asked.has(person.id))
    .map((person) => ({
      personId: person.id,
      name: person.name,
      email: person.email,
      timeZone: person.timeZone,
      token: randomBytes(24).toString('base64url'),
    }));
  if (invitations.length > 0) {
    await tx.insert(pulseParticipants).values(
      invitations.map((invitation) => ({
        roundId: round!.id,
        organizationId: survey.organizationId,
        personId: invitation.personId,
        tokenHash: hashToken(invitation.token),
      })),
    );
  }
  return { round: round!, invitations };
}

/** Mails each person of a new round their own answer link; returns how many could not be sent. */
export async function mailInvitations(
  ctx: PulseContext,
  survey: repository.SurveyRow,
  opened: OpenedRound,
  log?: SweepLog,
): Promise<number> {
  const [org] = await ctx.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, survey.organizationId));
  const leadName = (await repository.findNames(ctx.db, survey.organizationId, [survey.teamLeadId])).get(
    survey.teamLeadId,
  );
  const questionCount = pulseQuestions(survey).length;
  let failures = 0;
  for (const invitation of opened.invitations) {
    const mail = pulseInvitationMail({
      recipientName: invitation.name,
      recipientZone: invitation.timeZone,
      organizationName: org?.name ?? 'your organization',
      teamLeadName: leadName ?? 'Your team lead',
      surveyTitle: survey.title,
      closesAt: opened.round.closesAt,
      questionCount,
      includesSafety: survey.includesSafety,
      includesEnps: survey.includesEnps,
      link: `${ctx.publicUrl}/pulse/${invitation.token}`,
    });
    try {
      await ctx.mailer.send({
        // Not filed under the organization: its outbox is readable by admins, and an answer link
        // in their hands would let them answer in someone's place. People also answer in the app.
        organizationId: null,
        to: invitation.email,
        subject: mail.subject,
        text: mail.text,
        kind: 'pulse-invitation',
      });
    } catch (error) {
      // The person can still answer in the app; one failed mail must not stop the others.
      failures++;
      log?.error({ err: error, roundId: opened.round.id }, 'could not mail a pulse invitation');
    }
  }
  return failures;
}

export interface PulseSweepResult {
  opened: number;
  invited: number;
  failures: number;
}

/**
 * Opens every recurring pulse round that is due at `now` and mails its links; for the scheduler.
 * Each survey's row is locked while its round is opened and the latest round is read again
 * under the lock, so sweeps running at once on several app servers, or again a minute later,
 * open each round exactly once.
 */
export async function openDuePulseRounds(
  ctx: PulseContext,
  now = new Date(),
  options: { log?: SweepLog } = {},
): Promise<PulseSweepResult> {
  const log = options.log ?? pino({ name: 'pulse' }, pino.destination(2));
  const result: PulseSweepResult = { opened: 0, invited: 0, failures: 0 };
  for (const candidate of await repository.findRecurringSurveys(ctx.db)) {
    const start = dueRoundStart(candidate, now);
    if (!start) continue;
    try {
      const opened = await ctx.db.transaction(async (tx) => {
        const [survey] = await tx
          .select()
          .from(pulseSurveys)
          .where(and(eq(pulseSurveys.id, candidate.id), eq(pulseSurveys.isActive, true)))
          .for('update');
        if (!survey) return null;
        const [already] = await tx
          .select({ id: pulseRounds.id })
          .from(pulseRounds)
          .where(and(eq(pulseRounds.surveyId, survey.id), gte(pulseRounds.opensAt, start)))
          .limit(1);
        if (already) return null;
        return { survey, opened: await openRoundIn(tx, survey, start) };
      });
      if (!opened) continue;
      result.opened++;
      result.invited += opened.opened.invitations.length;
      result.failures += await mailInvitations(ctx, opened.survey, opened.opened, log);
    } catch (error) {
      result.failures++;
      log.error({ err: error, surveyId: candidate.id }, 'could not open a pulse round');
    }
  }
  return result;
}
