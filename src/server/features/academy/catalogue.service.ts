import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AcademyCatalogue,
  ModuleDetail,
  ModuleProgress,
  QuizResult,
} from '../../../contracts/academy.ts';
import type { AcademyModule } from '../../../core/academy/academy-module.ts';
import { AppError } from '../../../core/errors.ts';
import type { Tenant } from '../../auth/policy.ts';
import { getAcademyModule, loadAcademy } from '../../content/load-academy.ts';
import type { Db } from '../../db/client.ts';
import { practiceSessions } from '../../db/schema-growth.ts';
import { findPersonRefs, requirePerson } from '../meetings/meeting-access.ts';
import {
  type ProgressRow,
  QUIZ_PASS_SCORE,
  reportIdsOf,
  toModuleProgress,
  updateProgress,
} from './academy-progress.ts';
import { startAssignment } from './assignments.service.ts';
import { type LearnerState, refreshLearners } from './learners.ts';

async function learnerState(
  db: Db,
  tenant: Tenant,
  modules: readonly AcademyModule[],
): Promise<LearnerState> {
  // An operator account outside the directory can read the program but has no progress.
  if (!tenant.personId) return { rows: new Map(), completedModules: 0, certificate: null };
  const states = await refreshLearners(db, tenant.organizationId, [tenant.personId], modules);
  return states.get(tenant.personId)!;
}

async function progressViews(db: Db, tenant: Tenant, rows: ProgressRow[]) {
  const refs = await findPersonRefs(db, tenant.organizationId, reportIdsOf(rows));
  return (moduleId: string, row: ProgressRow | undefined) => toModuleProgress(moduleId, row, refs);
}

/** The program in order, with the caller's progress on each module. */
export async function listModules(db: Db, tenant: Tenant): Promise<z.infer<typeof AcademyCatalogue>> {
  const modules = await loadAcademy();
  const state = await learnerState(db, tenant, modules);
  const view = await progressViews(db, tenant, [...state.rows.values()]);
  return {
    modules: modules.map((module) => ({
      id: module.id,
      order: module.order,
      title: module.title,
      skill: module.skill,
      minutes: module.minutes,
      summary: module.summary,
      progress: view(module.id, state.rows.get(module.id)),
    })),
    completedModules: state.completedModules,
    totalModules: modules.length,
    certificateId: state.certificate?.id ?? null,
  };
}

/** A module to work through: everything but the quiz answers, with the caller's progress and role-plays. */
export async function getModule(
  db: Db,
  tenant: Tenant,
  moduleId: string,
): Promise<z.infer<typeof ModuleDetail>> {
  const module = await getAcademyModule(moduleId);
  const state = await learnerState(db, tenant, await loadAcademy());
  const view = await progressViews(db, tenant, [...state.rows.values()]);
  const sessions = tenant.personId
    ? await db
        .select()
        .from(practiceSessions)
        .where(
          and(
            eq(practiceSessions.organizationId, tenant.organizationId),
            eq(practiceSessions.personId, tenant.personId),
            eq(practiceSessions.moduleId, module.id),
          ),
        )
        .orderBy(desc(practiceSessions.createdAt))
        .limit(20)
    : [];
  return {
    id: module.id,
    order: module.order,
    title: module.title,
    skill: module.skill,
    minutes: module.minutes,
    summary: module.summary,
    objectives: module.objectives,
    lesson: module.lesson,
    workedExample: module.workedExample,
    quiz: module.quiz.map((item, index) => ({ index, question: item.question, options: item.options })),
    practice: {
      brief: module.practice.brief,
      persona: module.practice.persona,
      sessions: sessions.map((session) => ({
        id: session.id,
        startedAt: session.createdAt.toISOString(),
        finishedAt: session.finishedAt?.toISOString() ?? null,
        score: session.score,
      })),
    },
    assignment: module.assignment,
    progress: view(module.id, state.rows.get(module.id)),
  };
}

async function progressOf(db: Db, tenant: Tenant, row: ProgressRow): Promise<ModuleProgress> {
  return (await progressViews(db, tenant, [row]))(row.moduleId, row);
}

export async function markLessonRead(db: Db, tenant: Tenant, moduleId: string): Promise<ModuleProgress> {
  const personId = requirePerson(tenant);
  const module = await getAcademyModule(moduleId);
  const row = await updateProgress(db, tenant.organizationId, personId, module.id, (current) => ({
    lessonCompletedAt: current?.lessonCompletedAt ?? new Date(),
  }));
  return progressOf(db, tenant, row);
}

/** Marks the quiz: right or wrong per question with its explanation; the best score is kept. */
export async function submitQuiz(
  db: Db,
  tenant: Tenant,
  moduleId: string,
  answers: number[],
): Promise<z.infer<typeof QuizResult>> {
  const personId = requirePerson(tenant);
  const module = await getAcademyModule(moduleId);
  if (answers.length !== module.quiz.length) {
    throw new AppError('VALIDATION_FAILED', `Answer all ${module.quiz.length} questions.`, {
      fields: [
        { path: 'body.answers', message: `must hold ${module.quiz.length} answers, one per question` },
      ],
    });
  }
  const fields = answers.flatMap((chosen, index) =>
    chosen < module.quiz[index]!.options.length
      ? []
      : [
          {
            path: `body.answers.${index}`,
            message: `must be an option index below ${module.quiz[index]!.options.length}`,
          },
        ],
  );
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', 'An answer names no option.', { fields });
  const questions = module.quiz.map((item, index) => ({
    index,
    chosen: answers[index]!,
    answer: item.answer,
    isCorrect: answers[index] === item.answer,
    explanation: item.explanation,
  }));
  const correct = questions.filter((question) => question.isCorrect).length;
  const score = correct / questions.length;
  const isPassed = score >= QUIZ_PASS_SCORE;
  const row = await updateProgress(db, tenant.organizationId, personId, module.id, (current) => ({
    quizScore: Math.max(score, current?.quizScore ?? 0),
    quizPassedAt: current?.quizPassedAt ?? (isPassed ? new Date() : null),
  }));
  return {
    score,
    correct,
    total: questions.length,
    isPassed,
    questions,
    progress: await progressOf(db, tenant, row),
  };
}

export async function startModuleAssignment(
  db: Db,
  tenant: Tenant,
  moduleId: string,
): Promise<ModuleProgress> {
  const personId = requirePerson(tenant);
  const module = await getAcademyModule(moduleId);
  const row = await startAssignment(db, tenant.organizationId, personId, module.id);
  return progressOf(db, tenant, row);
}
