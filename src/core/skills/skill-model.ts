import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors.ts';

export const skillLevels = ['beginning', 'developing', 'proficient', 'role-model'] as const;
export type SkillLevel = (typeof skillLevels)[number];

/** Figures from real 1:1s that show a skill in practice (see core/academy/assignment-metrics.ts). */
export const skillEvidenceMetrics = [
  'openQuestionShare',
  'leaderTalkShare',
  'followThroughRate',
  'reflectionToQuestion',
  'askShare',
  'reportOwnedSteps',
] as const;

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');

const SkillSchema = z.strictObject({
  id: Id,
  name: z.string().min(3).max(80),
  definition: z.string().min(40).max(800),
  /** Observable behaviours at each level: what someone would see in this leader's 1:1s and work. */
  levels: z.strictObject({
    beginning: z.array(z.string().min(10)).min(2),
    developing: z.array(z.string().min(10)).min(2),
    proficient: z.array(z.string().min(10)).min(2),
    'role-model': z.array(z.string().min(10)).min(2),
  }),
  /** Ids of questions in content/questions that practise this skill. */
  questions: z.array(Id).min(2),
  /** The 1:1 figure that evidences this skill, when one does. */
  evidence: z.enum(skillEvidenceMetrics).nullable(),
});
export type Skill = z.infer<typeof SkillSchema>;

const SkillModelSchema = z.strictObject({
  skills: z.array(SkillSchema).length(12, 'must hold exactly twelve skills'),
});

/** Parses content/skills/skills.yaml; every problem is named by its path. */
export function parseSkillModel(text: string): Skill[] {
  const result = SkillModelSchema.safeParse(parse(text));
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', 'The skill model is not valid.', {
      fields: result.error.issues.map((issue) => ({
        path: `skills.yaml:${issue.path.join('.')}`,
        message: issue.message,
      })),
    });
  }
  const ids = new Set<string>();
  for (const skill of result.data.skills) {
    if (ids.has(skill.id)) throw new AppError('VALIDATION_FAILED', `Skill id ${skill.id} appears twice.`);
    ids.add(skill.id);
  }
  return result.data.skills;
}
