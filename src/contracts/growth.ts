import { z } from 'zod';
import { skillEvidenceMetrics, skillLevels } from '../core/skills/skill-model.ts';
import { IsoDate, IsoDateTime, Slug, Uuid } from './common.ts';
import { NextStepStatus, PersonRef } from './meetings.ts';

const SkillId = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a skill id such as powerful-questions');
/** 1 beginning, 2 developing, 3 proficient, 4 role model. */
export const SkillRating = z.number().int().min(1, 'must be 1 to 4').max(4, 'must be 1 to 4');
export const EvidenceMetric = z.enum(skillEvidenceMetrics);

export const SkillView = z
  .object({
    id: z.string(),
    name: z.string(),
    definition: z.string(),
    /** The four levels in order, each with the behaviours someone would see. */
    levels: z.array(
      z.object({
        rating: z.number().int(),
        key: z.enum(skillLevels),
        label: z.string(),
        behaviours: z.array(z.string()),
      }),
    ),
    /** Questions of the bank that practise the skill. */
    questions: z.array(z.object({ id: z.string(), text: z.string() })),
    /** The 1:1 figure that evidences the skill, when one does. */
    evidence: EvidenceMetric.nullable(),
    /** The Academy module that teaches it, once that module exists. */
    moduleId: z.string().nullable(),
  })
  .meta({ id: 'Skill' });
export type SkillView = z.infer<typeof SkillView>;

// Assessments

export const AssessmentKind = z.enum(['self', 'manager']);
export const AssessmentStatus = z.enum(['draft', 'submitted']);
export const AssessmentParams = z.strictObject({ org: Slug, assessmentId: Uuid });

export const AssessmentCreateInput = z.strictObject({
  subjectId: Uuid.describe('Who is assessed: yourself for `self`, a direct report for `manager`'),
  kind: AssessmentKind,
});
export const AssessmentUpdateInput = z.strictObject({
  /** skill id → 1 to 4; replaces the draft's ratings. Skills left out are unrated. */
  ratings: z.record(SkillId, SkillRating),
  /** skill id → an optional comment; replaces the draft's comments. */
  comments: z.record(SkillId, z.string().max(2000, 'must be at most 2,000 characters')).default({}),
});

export const AssessmentView = z
  .object({
    id: z.string(),
    subject: PersonRef,
    assessor: PersonRef,
    kind: AssessmentKind,
    status: AssessmentStatus,
    ratings: z.record(z.string(), z.number().int()),
    comments: z.record(z.string(), z.string()),
    submittedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Assessment' });
export type AssessmentView = z.infer<typeof AssessmentView>;

export const AssessmentsOverview = z
  .object({
    /** The caller's own drafts (of themself or of a report), newest first. */
    drafts: z.array(AssessmentView),
    lastSelfSubmittedAt: IsoDateTime.nullable(),
    /** The caller's direct reports, with when the caller last assessed each. */
    reports: z.array(
      z.object({
        person: PersonRef,
        lastManagerSubmittedAt: IsoDateTime.nullable(),
        draftId: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'AssessmentsOverview' });

// A person's growth

export const EvidenceView = z.object({
  metric: EvidenceMetric,
  /** A share 0–1, or reflections per question for reflectionToQuestion; null when not measured. */
  value: z.number().nullable(),
  /** How many analysed 1:1s (or next steps, for step figures) the value rests on. */
  basedOn: z.number().int(),
  reading: z.enum(['strong', 'middling', 'weak']).nullable(),
  description: z.string(),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

const GapKind = z.enum([
  'blind-spot',
  'hidden-strength',
  'agreed-development',
  'agreed-strength',
  'self-only',
  'manager-only',
]);

export const AssessmentSummary = z.object({
  id: z.string(),
  kind: AssessmentKind,
  assessor: PersonRef,
  submittedAt: IsoDateTime,
  ratings: z.record(z.string(), z.number().int()),
  comments: z.record(z.string(), z.string()),
});

export const PersonGrowth = z
  .object({
    person: PersonRef,
    manager: PersonRef.nullable(),
    latestSelf: AssessmentSummary.nullable(),
    latestManager: AssessmentSummary.nullable(),
    /** Every skill in the model's order, the two latest ratings side by side. */
    skills: z.array(
      z.object({
        skillId: z.string(),
        name: z.string(),
        self: z.number().int().nullable(),
        manager: z.number().int().nullable(),
        selfComment: z.string().nullable(),
        managerComment: z.string().nullable(),
        /** Change since the previous submitted assessment of the same kind. */
        selfChange: z.number().int().nullable(),
        managerChange: z.number().int().nullable(),
        evidence: EvidenceView.nullable(),
      }),
    ),
    /** The rated skills, largest self/manager disagreement first, then the lowest levels. */
    gaps: z.array(
      z.object({
        skillId: z.string(),
        name: z.string(),
        self: z.number().int().nullable(),
        manager: z.number().int().nullable(),
        difference: z.number().int().nullable(),
        kind: GapKind,
        evidenceSides: z.enum(['self', 'manager', 'both', 'neither']).nullable(),
      }),
    ),
    /** Up to three skills to put in the development plan. */
    suggestedFocus: z.array(z.string()),
    /** Every submitted assessment, oldest first. */
    history: z.array(AssessmentSummary),
    /** The caller's own unsubmitted assessment of this person, to resume. */
    myDraftId: z.string().nullable(),
  })
  .meta({ id: 'PersonGrowth' });
export type PersonGrowth = z.infer<typeof PersonGrowth>;

// Goals

export const GoalKind = z.enum(['growth', 'performance']);
export const GoalStatus = z.enum(['not-started', 'on-track', 'at-risk', 'done', 'dropped']);
export const GoalParams = z.strictObject({ org: Slug, goalId: Uuid });
export const GoalLinkParams = z.strictObject({ org: Slug, goalId: Uuid, linkId: Uuid });
const Progress = z.number().int().min(0, 'must be 0 to 100').max(100, 'must be 0 to 100');

export const GoalCreateInput = z.strictObject({
  ownerId: Uuid.optional().describe('Defaults to the caller; a manager may set goals for their reports'),
  kind: GoalKind,
  title: z.string().trim().min(1, 'is empty').max(200),
  description: z.string().max(4000).default(''),
  measure: z.string().max(1000).default('').describe('How success will be measured'),
  targetDate: IsoDate.nullable().default(null),
  status: GoalStatus.default('not-started'),
  progress: Progress.default(0),
});
export const GoalUpdateInput = z.strictObject({
  kind: GoalKind.optional(),
  title: z.string().trim().min(1, 'is empty').max(200).optional(),
  description: z.string().max(4000).optional(),
  measure: z.string().max(1000).optional(),
  targetDate: IsoDate.nullable().optional(),
  status: GoalStatus.optional(),
  progress: Progress.optional(),
});
export const GoalLinkKind = z.enum(['agenda-item', 'next-step']);
export const GoalLinkInput = z.strictObject({ kind: GoalLinkKind, targetId: Uuid });

export const GoalLinkView = z.object({
  id: z.string(),
  kind: GoalLinkKind,
  targetId: z.string(),
  meetingId: z.string(),
  meetingStartsAt: IsoDateTime,
  /** False when the viewer is not one of the 1:1's two participants: its title stays in that 1:1. */
  isVisible: z.boolean(),
  title: z.string().nullable(),
  /** A next step's status; null for an agenda item. */
  status: NextStepStatus.nullable(),
  dueDate: z.string().nullable(),
});

export const GoalView = z
  .object({
    id: z.string(),
    owner: PersonRef,
    kind: GoalKind,
    title: z.string(),
    description: z.string(),
    measure: z.string(),
    targetDate: z.string().nullable(),
    status: GoalStatus,
    progress: z.number().int(),
    createdBy: PersonRef.nullable(),
    links: z.array(GoalLinkView),
    /** The linked next steps by status; dropped ones do not count toward the goal. */
    steps: z.object({ total: z.number().int(), done: z.number().int(), dropped: z.number().int() }),
    /** done ÷ (linked next steps − dropped), as a percentage; null without linked steps. */
    suggestedProgress: z.number().int().nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Goal' });
export type GoalView = z.infer<typeof GoalView>;

// Development plan

export const DevelopmentPlanInput = z.strictObject({
  items: z
    .array(
      z.strictObject({
        skillId: SkillId,
        actions: z.string().max(4000).default(''),
        /** Defaults to the Academy module of the skill, when there is one. */
        moduleId: z.string().max(100).nullable().optional(),
      }),
    )
    .max(3, 'holds at most three skills at a time'),
});

export const DevelopmentPlanView = z
  .object({
    person: PersonRef,
    items: z.array(
      z.object({
        skillId: z.string(),
        skillName: z.string(),
        actions: z.string(),
        moduleId: z.string().nullable(),
        moduleTitle: z.string().nullable(),
        position: z.number().int(),
      }),
    ),
    /** Skills the latest assessments point to, with their module, for an empty or new plan. */
    suggestions: z.array(
      z.object({ skillId: z.string(), name: z.string(), moduleId: z.string().nullable() }),
    ),
    updatedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'DevelopmentPlan' });
export type DevelopmentPlanView = z.infer<typeof DevelopmentPlanView>;
