import { randomBytes } from 'node:crypto';
import { safetyItems } from '../../../core/surveys/psychological-safety.ts';
import { shuffled } from '../../../core/surveys/pulse-figures.ts';
import type { PulseAnswers } from '../../../core/surveys/pulse-questions.ts';
import { addMonthsUtc } from '../../../core/surveys/pulse-schedule.ts';
import { groupKeyOf, peopleInScope } from '../../../core/surveys/pulse-scope.ts';
import { hashToken } from '../../auth/actor.ts';
import type { AppContext } from '../../context.ts';
import { pulseParticipants, pulseResponses, pulseRounds, pulseSurveys } from '../../db/schema-pulse.ts';
import { demoEmail } from '../demo/demo-company.ts';
import { checkInRemarks, coachingRemarks } from './demo-pulse-remarks.ts';
import * as repository from './pulse.repository.ts';

type Style = 'coaching' | 'check-in';

/** Each VP's tree, how its leaders run 1:1s (as in the demo's meetings), and where its safety goes. */
const divisions: Array<{
  leader: string;
  label: string;
  style: Style;
  safetyFrom: number;
  safetyTo: number;
}> = [
  { leader: 'Daniel Okafor', label: 'Engineering', style: 'coaching', safetyFrom: 4.7, safetyTo: 5.9 },
  { leader: 'Jamal Wright', label: 'Customer Success', style: 'coaching', safetyFrom: 4.9, safetyTo: 5.8 },
  { leader: 'Rachel Alvarez', label: 'Operations', style: 'check-in', safetyFrom: 5.1, safetyTo: 4.1 },
  { leader: 'Claire Dubois', label: 'Sales', style: 'check-in', safetyFrom: 5.0, safetyTo: 4.2 },
];

/** Managers whose own 1:1s pull their team above or below their division. */
const managerShift: Record<string, number> = {
  'Priya Raman': 0.25,
  'Yuki Tanaka': 0.2,
  'Marcus Webb': -0.35,
  'Samuel Osei': -0.3,
  'Elena Popescu': 0.25,
  'Sara Nilsson': 0.2,
  'Ben Carter': -0.35,
  'Nicole Adams': -0.3,
};

/** Demo accounts that should still find the current round waiting for them. */
const stillToAnswer = new Set(['Priya Raman', 'Tomás Herrera'].map(demoEmail));

const CLOSED_ROUNDS = 6;
const OPEN_DAYS = 7;
const DAY_MS = 86_400_000;

/** A small deterministic generator, so every demo tells the same story. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, Math.round(value)));

/**
 * Six months of monthly pulses for each VP's tree, plus the current round, open for two days:
 * safety and eNPS climb in the coaching-led divisions (Daniel Okafor's, Jamal Wright's) and slide
 * in the check-in-led ones (Rachel Alvarez's, Claire Dubois's), with response rates to match.
 * Nobody is mailed; the answers carry only their team group, like real ones.
 */
export async function seedDemoPulse(
  ctx: Pick<AppContext, 'db'>,
  organizationId: string,
  personIdByEmail: Map<string, string>,
  now = new Date(),
): Promise<{ surveys: number; rounds: number; responses: number }> {
  const next = generator(20_260_501);
  const noise = (spread: number) => (next() + next() + next() - 1.5) * spread;
  const directory = await repository.findDirectory(ctx.db, organizationId);
  const nameOf = new Map(directory.map((person) => [person.id, person.name]));
  const emailOf = new Map(directory.map((person) => [person.id, person.email]));
  const personalLean = new Map(directory.map((person) => [person.id, noise(0.7)]));
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9));
  const anchor = addMonthsUtc(new Date(today.getTime() - 2 * DAY_MS), -CLOSED_ROUNDS);
  const counts = { surveys: 0, rounds: 0, responses: 0 };

  for (const division of divisions) {
    const leadId = personIdByEmail.get(demoEmail(division.leader));
    if (!leadId) continue;
    const asked = peopleInScope(directory, leadId, 'tree');
    const [survey] = await ctx.db
      .insert(pulseSurveys)
      .values({
        organizationId,
        title: `${division.label} monthly pulse`,
        teamLeadId: leadId,
        scope: 'tree',
        cadence: 'monthly',
        openDays: OPEN_DAYS,
        customQuestions: [
          { id: 'c1', text: 'My 1:1s help me solve problems, not only report status.', kind: 'scale' },
          {
            id: 'c2',
            text: 'What is one thing that would make this team a better place to work?',
            kind: 'text',
          },
        ],
        createdById: personIdByEmail.get(demoEmail('Margaret Chen')) ?? null,
        createdAt: anchor,
      })
      .returning();
    counts.surveys++;
    const remarks = division.style === 'coaching' ? coachingRemarks : checkInRemarks;

    for (let index = 0; index <= CLOSED_ROUNDS; index++) {
      const opensAt = addMonthsUtc(anchor, index);
      const isCurrent = index === CLOSED_ROUNDS;
      const progress = Math.min(index, CLOSED_ROUNDS - 1) / (CLOSED_ROUNDS - 1);
      const safety = division.safetyFrom + (division.safetyTo - division.safetyFrom) * progress;
      const rate = isCurrent
        ? 0.35
        : division.style === 'coaching'
          ? 0.78 + 0.12 * progress
          : 0.76 - 0.12 * progress;
      // "My 1:1s help me solve problems": what the division's 1:1 style is felt as, month by month.
      const usefulOneOnOnes = division.style === 'coaching' ? 3.3 + progress : 3 - progress / 2;
      const [round] = await ctx.db
        .insert(pulseRounds)
        .values({
          organizationId,
          surveyId: survey!.id,
          opensAt,
          closesAt: new Date(opensAt.getTime() + OPEN_DAYS * DAY_MS),
        })
        .returning({ id: pulseRounds.id });
      counts.rounds++;
      const participants: Array<typeof pulseParticipants.$inferInsert> = [];
      const responses: Array<typeof pulseResponses.$inferInsert> = [];
      for (const personId of asked) {
        const answered = next() < rate && !(isCurrent && stillToAnswer.has(emailOf.get(personId) ?? ''));
        participants.push({
          roundId: round!.id,
          organizationId,
          personId,
          tokenHash: hashToken(randomBytes(24).toString('base64url')),
          hasAnswered: answered,
        });
        if (!answered) continue;
        const groupKey = groupKeyOf(directory, personId, leadId, 'tree');
        const shift = managerShift[nameOf.get(groupKey) ?? ''] ?? 0;
        const target = safety + shift + (personalLean.get(personId) ?? 0);
        const answers: PulseAnswers = {};
        for (const item of safetyItems) {
          const agreement = clamp(target + noise(1.2), 1, 7);
          answers[item.id] = item.isReversed ? 8 - agreement : agreement;
        }
        answers.enps = clamp(3.5 + (target - 1) * 1.1 + noise(2), 0, 10);
        answers.c1 = clamp(usefulOneOnOnes + shift / 2 + noise(1), 1, 5);
        if (next() < 0.45) answers.c2 = remarks[Math.floor(next() * remarks.length)]!;
        responses.push({ organizationId, roundId: round!.id, groupKey, answers });
      }
      if (participants.length > 0) await ctx.db.insert(pulseParticipants).values(participants);
      // Stored in no particular order, as answers arriving from many people would be.
      if (responses.length > 0) await ctx.db.insert(pulseResponses).values(shuffled(responses, next));
      counts.responses += responses.length;
    }
  }
  return counts;
}
