import { z } from 'zod';
import { assignmentMetrics } from '../core/academy/assignment-metrics.ts';
import { acts, topics } from '../core/coaching/labels.ts';
import { AnalysisResult } from './analysis.ts';
import { IsoDate, IsoDateTime, Slug, Uuid } from './common.ts';

const ModuleId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a module id such as asking-questions');

export const ModuleParams = z.strictObject({ org: Slug, moduleId: ModuleId });
export const PracticeSessionParams = z.strictObject({ org: Slug, sessionId: Uuid });
export const CohortParams = z.strictObject({ org: Slug, cohortId: Uuid });
export const CohortMemberParams = z.strictObject({ org: Slug, cohortId: Uuid, personId: Uuid });
/** Any text: a mistyped verification code is simply not found. */
export const CertificateParams = z.strictObject({ certificateId: z.string().min(1).max(100) });

export const AssignmentStatus = z.enum(['not-started', 'pending', 'met', 'not-met']);
export const AssignmentMetric = z.enum(assignmentMetrics);

export const AssignmentCheck = z.object({
  metric: AssignmentMetric,
  min: z.number().optional(),
  max: z.number().optional(),
});

/** One check as it was decided: the figure of the verifying 1:1 and, when there was one, of the last 1:1 before. */
export const CheckEvidence = AssignmentCheck.extend({
  value: z.number().nullable(),
  /** The same figure in the leader's last analysed 1:1 before the assignment started. */
  before: z.number().nullable(),
  isMet: z.boolean(),
});

export const AssignmentProgress = z.object({
  status: AssignmentStatus,
  startedAt: IsoDateTime.nullable(),
  /** The 1:1 that decided it (the learner led it). */
  meetingId: z.string().nullable(),
  meetingStartsAt: IsoDateTime.nullable(),
  withName: z.string().nullable(),
  source: z.enum(['transcript', 'notes']).nullable(),
  evidence: z.array(CheckEvidence).nullable(),
  /** While pending: what the check is waiting for, in words. */
  waitingFor: z.string().nullable(),
});

export const ModuleProgress = z
  .object({
    moduleId: z.string(),
    lessonReadAt: IsoDateTime.nullable(),
    /** Best quiz score, 0–1. */
    quizScore: z.number().nullable(),
    quizPassedAt: IsoDateTime.nullable(),
    /** Best practice score, 0–100. */
    practiceScore: z.number().nullable(),
    practiceCompletedAt: IsoDateTime.nullable(),
    assignment: AssignmentProgress,
    /** Lesson read, quiz passed, a practice finished and the assignment met. */
    isComplete: z.boolean(),
  })
  .meta({ id: 'AcademyModuleProgress' });
export type ModuleProgress = z.infer<typeof ModuleProgress>;

export const ModuleSummary = z.object({
  id: z.string(),
  order: z.number().int(),
  title: z.string(),
  skill: z.string(),
  minutes: z.number().int(),
  summary: z.string(),
  progress: ModuleProgress,
});

export const AcademyCatalogue = z
  .object({
    modules: z.array(ModuleSummary),
    completedModules: z.number().int(),
    totalModules: z.number().int(),
    certificateId: z.string().nullable(),
  })
  .meta({ id: 'AcademyCatalogue' });

export const QuizQuestionView = z.object({
  index: z.number().int(),
  question: z.string(),
  options: z.array(z.string()),
});

export const PracticeSessionSummary = z.object({
  id: z.string(),
  startedAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
  score: z.number().nullable(),
});

export const ModuleDetail = z
  .object({
    id: z.string(),
    order: z.number().int(),
    title: z.string(),
    skill: z.string(),
    minutes: z.number().int(),
    summary: z.string(),
    objectives: z.array(z.string()),
    /** Markdown. */
    lesson: z.string(),
    /** Markdown: a poor and a good version of the same exchange. */
    workedExample: z.string(),
    /** Without the answers: they come back with the result of a submission. */
    quiz: z.array(QuizQuestionView),
    practice: z.object({
      brief: z.string(),
      persona: z.object({ name: z.string(), role: z.string(), situation: z.string() }),
      /** The caller's own role-plays of this module, newest first. */
      sessions: z.array(PracticeSessionSummary),
    }),
    assignment: z.object({
      title: z.string(),
      description: z.string(),
      checks: z.array(AssignmentCheck),
    }),
    progress: ModuleProgress,
  })
  .meta({ id: 'AcademyModule' });

export const QuizInput = z.strictObject({
  answers: z.array(z.number().int().min(0).max(9)).min(1).max(50).describe('One option index per question'),
});

export const QuizResult = z
  .object({
    /** Share of right answers, 0–1; passed at 0.8. */
    score: z.number(),
    correct: z.number().int(),
    total: z.number().int(),
    isPassed: z.boolean(),
    questions: z.array(
      z.object({
        index: z.number().int(),
        chosen: z.number().int(),
        answer: z.number().int(),
        isCorrect: z.boolean(),
        explanation: z.string(),
      }),
    ),
    progress: ModuleProgress,
  })
  .meta({ id: 'AcademyQuizResult' });

export const PracticeLine = z.object({
  speaker: z.enum(['learner', 'report']),
  text: z.string(),
  act: z.enum(acts).optional(),
  topic: z.enum(topics).optional(),
  feedback: z.string().optional(),
});

export const PracticeResult = z.object({
  score: z.number().nullable(),
  verdict: z.enum(['coaching', 'mixed', 'check-in']).nullable(),
  /** The same report a real 1:1 gets, the learner as the leader ("You"). */
  analysis: AnalysisResult,
});

export const PracticeSessionView = z
  .object({
    id: z.string(),
    moduleId: z.string(),
    moduleTitle: z.string(),
    brief: z.string(),
    persona: z.object({ name: z.string(), role: z.string(), situation: z.string() }),
    lines: z.array(PracticeLine),
    isFinished: z.boolean(),
    startedAt: IsoDateTime,
    finishedAt: IsoDateTime.nullable(),
    result: PracticeResult.nullable(),
  })
  .meta({ id: 'AcademyPracticeSession' });
export type PracticeSessionView = z.infer<typeof PracticeSessionView>;

export const PracticeTurnInput = z.strictObject({
  line: z.string().min(1).max(1_000).describe('What the learner says to the simulated report'),
});

export const PracticeTurnView = z
  .object({
    /** The learner's line as the analyser read it in the moment, with its feedback. */
    learner: PracticeLine,
    /** What the simulated report answers. */
    reply: z.string(),
    isFinished: z.boolean(),
    /** When the role-play ended with this turn: its score, report and transcript. */
    session: PracticeSessionView,
  })
  .meta({ id: 'AcademyPracticeTurn' });

export const CertificateView = z.object({
  id: z.string().describe('The verification code'),
  name: z.string(),
  organizationName: z.string(),
  issuedAt: IsoDateTime,
  verifyPath: z.string(),
});

export const CertificateStatus = z
  .object({
    certificate: CertificateView.nullable(),
    completedModules: z.number().int(),
    totalModules: z.number().int(),
    /** Titles of the modules still to complete. */
    remaining: z.array(z.string()),
  })
  .meta({ id: 'AcademyCertificateStatus' });

export const CertificateVerification = z
  .object({
    name: z.string(),
    organizationName: z.string(),
    issuedAt: IsoDateTime,
    isValid: z.boolean(),
  })
  .meta({ id: 'CertificateVerification' });

export const CohortInput = z.strictObject({
  name: z.string().trim().min(2).max(120),
  startsOn: IsoDate.optional(),
  personIds: z.array(Uuid).max(500).default([]),
});

export const CohortMembersInput = z.strictObject({
  personIds: z.array(Uuid).min(1).max(500),
});

export const CohortSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    startsOn: z.string().nullable(),
    owner: z.object({ id: z.string(), name: z.string() }),
    memberCount: z.number().int(),
    /** What the caller may do: `manage` (owner or admin) sees the report; `member` only belongs. */
    access: z.enum(['manage', 'member']),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'AcademyCohort' });

/** A member's figures on one module: completion and scores, never practice text or meeting content. */
export const CohortModuleFigures = z.object({
  moduleId: z.string(),
  isLessonRead: z.boolean(),
  quizScore: z.number().nullable(),
  isQuizPassed: z.boolean(),
  practiceScore: z.number().nullable(),
  assignmentStatus: AssignmentStatus,
  isComplete: z.boolean(),
});

export const CohortReport = z
  .object({
    cohort: CohortSummary,
    modules: z.array(z.object({ id: z.string(), order: z.number().int(), title: z.string() })),
    members: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        title: z.string(),
        completedModules: z.number().int(),
        hasCertificate: z.boolean(),
        modules: z.array(CohortModuleFigures),
      }),
    ),
  })
  .meta({ id: 'AcademyCohortReport' });
