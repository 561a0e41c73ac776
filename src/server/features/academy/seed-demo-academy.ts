import { and, asc, eq } from 'drizzle-orm';
import type { AcademyModule } from '../../../core/academy/academy-module.ts';
import type { MeetingAnalysis } from '../../../core/coaching/analysis-types.ts';
import { loadAcademy } from '../../content/load-academy.ts';
import { loadQuestionBank } from '../../content/load-question-bank.ts';
import type { AppContext } from '../../context.ts';
import { people } from '../../db/schema.ts';
import { academyProgress, cohortMembers, cohorts, practiceSessions } from '../../db/schema-growth.ts';
import { DEMO_ACCOUNTS, demoEmail } from '../demo/demo-company.ts';
import { QUIZ_PASS_SCORE } from './academy-progress.ts';
import { decideAssignment } from './assignments.service.ts';
import {
  analysedMeetings,
  changeModule,
  distinctTimes,
  quizScoreOf,
  random,
  recordTheChange,
  rolePlay,
} from './demo-academy-parts.ts';

export const DEMO_COHORT_NAME = 'Harbor & Pine managers, first cohort';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type ProgressInsert = typeof academyProgress.$inferInsert;

export interface DemoAcademyResult {
  cohortId: string | null;
  members: number;
  completedModules: number;
  met: number;
  notMet: number;
  pending: number;
}

/**
 * The demo's managers half-way through the Academy, in a cohort the executive runs: modules done
 * by some (lesson, quiz, a real role-play scored by the analyser, and an assignment decided by the
 * same check as the API against their real analysed 1:1s), the module in progress for each, and
 * one check-in manager whose latest 1:1 shows the change after the Academy. Runs after the demo's
 * 1:1s are seeded; deterministic; a second run leaves an existing cohort as it is.
 */
export async function seedDemoAcademy(
  ctx: AppContext,
  organizationId: string,
  personIdByEmail: Map<string, string>,
  now = new Date(),
): Promise<DemoAcademyResult> {
  const result: DemoAcademyResult = {
    cohortId: null,
    members: 0,
    completedModules: 0,
    met: 0,
    notMet: 0,
    pending: 0,
  };
  const modules = await loadAcademy();
  const [existing] = await ctx.db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(cohorts.organizationId, organizationId), eq(cohorts.name, DEMO_COHORT_NAME)));
  if (existing || modules.length === 0) return { ...result, cohortId: existing?.id ?? null };

  const directory = await ctx.db
    .select({ id: people.id, name: people.name, managerId: people.managerId, userId: people.userId })
    .from(people)
    .where(eq(people.organizationId, organizationId))
    .orderBy(asc(people.name));
  const hasReports = new Set(directory.map((person) => person.managerId).filter(Boolean));
  // The managers are the first line: they lead people who lead no one.
  const managers = directory.filter(
    (person) =>
      hasReports.has(person.id) &&
      !directory.some((report) => report.managerId === person.id && hasReports.has(report.id)),
  );
  const ownerId =
    personIdByEmail.get(demoEmail(DEMO_ACCOUNTS.executive)) ??
    directory.find((person) => person.managerId === null)?.id;
  if (!ownerId || managers.length === 0) return result;

  const analysedBy = await analysedMeetings(
    ctx,
    organizationId,
    managers.map((manager) => manager.id),
  );
  const changed = managers.find((manager) => analysedBy.get(manager.id)?.at(-1)?.verdict === 'check-in');
  if (changed) {
    await recordTheChange(ctx, changed, analysedBy.get(changed.id)!);
    analysedBy.set(
      changed.id,
      (await analysedMeetings(ctx, organizationId, [changed.id])).get(changed.id) ?? [],
    );
  }

  const next = random(20261201);
  const questionBank = await loadQuestionBank();
  const progress: ProgressInsert[] = [];
  const sessions: Array<typeof practiceSessions.$inferInsert> = [];
  for (const manager of managers) {
    const analysed = distinctTimes(analysedBy.get(manager.id) ?? []);
    const latest = analysed.at(-1);
    const isCoaching = latest?.verdict === 'coaching';
    const isChanged = manager.id === changed?.id;
    // The changed manager's one assignment is decided by the 1:1 that shows the change.
    const first = isChanged ? Math.max(0, analysed.length - 1) : 0;
    const target = isChanged ? 1 : isCoaching ? 2 + Math.floor(next() * 4) : Math.floor(next() * 3);
    const skill = isChanged || isCoaching ? 0.8 : latest?.verdict === 'mixed' ? 0.55 : 0.3;
    const record = (module: AcademyModule, before: Date, row: Partial<ProgressInsert>) => {
      const practice = rolePlay(module, skill, next, questionBank);
      const practicedAt = new Date(before.getTime() - 2 * HOUR);
      if (manager.userId && practice.isFinished)
        sessions.push({
          organizationId,
          personId: manager.id,
          userId: manager.userId,
          moduleId: module.id,
          state: practice.state,
          score: practice.score,
          analysis: practice.analysis,
          createdAt: new Date(practicedAt.getTime() - 20 * 60_000),
          finishedAt: practicedAt,
        });
      const quizScore = quizScoreOf(module, Math.floor(next() * 2));
      progress.push({
        organizationId,
        personId: manager.id,
        moduleId: module.id,
        lessonCompletedAt: new Date(before.getTime() - 4 * HOUR),
        quizScore,
        quizPassedAt: new Date(before.getTime() - 3 * HOUR),
        practiceScore: practice.isFinished ? practice.score : null,
        practiceCompletedAt: practice.isFinished ? practicedAt : null,
        updatedAt: before,
        ...row,
      });
    };

    // After their latest analysed 1:1, so an assignment started then waits for the next one.
    const waitingSince = () =>
      new Date(
        Math.max(
          now.getTime() - (1 + Math.floor(next() * 3)) * DAY,
          Math.min(now.getTime(), (latest?.meetingStartsAt.getTime() ?? 0) + HOUR),
        ),
      );
    // The changed manager took the module whose assignment their latest 1:1 shows met.
    const sequence = isChanged ? [changeModule(modules, analysed)] : modules;
    const handled = new Set<string>();
    let isStopped = false;
    for (
      let index = 0;
      index < Math.min(target, sequence.length) && first + index < analysed.length;
      index++
    ) {
      const module = sequence[index]!;
      const meeting = analysed[first + index]!;
      const previous = analysed[first + index - 1] ?? null;
      // Started after the 1:1 before it, so the next analysed 1:1 is the one that decides it.
      const startedAt = previous
        ? new Date((previous.meetingStartsAt.getTime() + meeting.meetingStartsAt.getTime()) / 2)
        : new Date(meeting.meetingStartsAt.getTime() - 3 * DAY);
      const decision = decideAssignment(module, meeting, (previous?.result as MeetingAnalysis) ?? null);
      // Some who missed an assignment have started it again and wait for their next 1:1.
      const isRetrying = !decision.isMet && next() < 0.5;
      const retriedAt = isRetrying ? waitingSince() : null;
      record(
        module,
        startedAt,
        retriedAt
          ? { assignmentStatus: 'pending', assignmentStartedAt: retriedAt, updatedAt: retriedAt }
          : {
              assignmentStatus: decision.isMet ? 'met' : 'not-met',
              assignmentStartedAt: startedAt,
              assignmentMeetingId: meeting.meetingId,
              assignmentEvidence: decision.evidence,
              updatedAt: new Date(meeting.meetingStartsAt.getTime() + HOUR),
            },
      );
      handled.add(module.id);
      if (!decision.isMet) {
        if (isRetrying) result.pending++;
        else result.notMet++;
        isStopped = true;
        break;
      }
      result.met++;
    }
    result.completedModules += progress.filter(
      (row) => row.personId === manager.id && row.assignmentStatus === 'met' && row.practiceCompletedAt,
    ).length;
    // The module in hand: read, often quizzed, its assignment waiting for the next 1:1.
    const current = modules.find((module) => !handled.has(module.id));
    if (!isStopped && current && next() < 0.85) {
      const startedAt = waitingSince();
      const quizScore = next() < 0.6 ? quizScoreOf(current, Math.floor(next() * 3) - 1) : null;
      const isPassed = quizScore !== null && quizScore >= QUIZ_PASS_SCORE;
      progress.push({
        organizationId,
        personId: manager.id,
        moduleId: current.id,
        lessonCompletedAt: new Date(startedAt.getTime() - 5 * HOUR),
        quizScore,
        quizPassedAt: isPassed ? new Date(startedAt.getTime() - 4 * HOUR) : null,
        assignmentStatus: isPassed ? 'pending' : 'not-started',
        assignmentStartedAt: isPassed ? startedAt : null,
        updatedAt: startedAt,
      });
      if (isPassed) result.pending++;
    }
  }

  result.cohortId = await ctx.db.transaction(async (tx) => {
    const [cohort] = await tx
      .insert(cohorts)
      .values({
        organizationId,
        name: DEMO_COHORT_NAME,
        ownerId,
        startsOn: new Date(now.getTime() - 42 * DAY).toISOString().slice(0, 10),
        createdAt: new Date(now.getTime() - 45 * DAY),
      })
      .returning({ id: cohorts.id });
    await tx.insert(cohortMembers).values(
      managers.map((manager) => ({
        cohortId: cohort!.id,
        organizationId,
        personId: manager.id,
        addedAt: new Date(now.getTime() - 45 * DAY),
      })),
    );
    if (progress.length > 0) await tx.insert(academyProgress).values(progress);
    if (sessions.length > 0) await tx.insert(practiceSessions).values(sessions);
    return cohort!.id;
  });
  result.members = managers.length;
  return result;
}
