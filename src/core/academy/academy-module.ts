import { parse } from 'yaml';
import { z } from 'zod';
import { acts } from '../coaching/labels.ts';
import { AppError } from '../errors.ts';
import { assignmentMetrics } from './assignment-metrics.ts';

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');

/** One answer the learner's line can get from the simulated report, chosen by what the line does. */
const BranchSchema = z.strictObject({
  /** The act the analyser gives the learner's line; `any` is the fallback and must come last. */
  when: z.enum([...acts, 'any']),
  /** Optional words that must also appear (any of them), e.g. ["feel", "sounds like"]. */
  mentions: z.array(z.string().min(2)).optional(),
  /** Shown to the learner at once, e.g. "That was a closed question — try opening it up." */
  feedback: z.string().min(10),
  /** The node the conversation moves to. */
  next: Id,
});

const NodeSchema = z.strictObject({
  /** What the simulated report says at this point. */
  says: z.string().min(5),
  /** When true the role-play ends after this line. */
  isEnd: z.boolean().default(false),
  branches: z.array(BranchSchema).default([]),
});

const QuizQuestionSchema = z.strictObject({
  question: z.string().min(10),
  options: z.array(z.string().min(1)).min(3).max(5),
  /** Index into options. */
  answer: z.number().int().min(0),
  explanation: z.string().min(30),
});

const AssignmentCheckSchema = z.strictObject({
  metric: z.enum(assignmentMetrics),
  min: z.number().optional(),
  max: z.number().optional(),
});

export const AcademyModuleSchema = z.strictObject({
  id: Id,
  /** The skill of content/skills/skills.yaml this module teaches. */
  skill: Id,
  order: z.number().int().min(1).max(12),
  title: z.string().min(5).max(100),
  minutes: z.literal(30),
  summary: z.string().min(40).max(600),
  objectives: z.array(z.string().min(10)).min(2).max(6),
  quiz: z.array(QuizQuestionSchema).min(5),
  practice: z.strictObject({
    persona: z.strictObject({
      name: z.string().min(2),
      role: z.string().min(3),
      situation: z.string().min(40),
    }),
    /** What the learner is asked to do in the role-play. */
    brief: z.string().min(30),
    start: Id,
    nodes: z.record(Id, NodeSchema),
  }),
  assignment: z.strictObject({
    title: z.string().min(5),
    description: z.string().min(40),
    /** Every check must hold in the leader's next analysed 1:1 for the assignment to be met. */
    checks: z.array(AssignmentCheckSchema).min(1),
  }),
});
export type AcademyModule = z.infer<typeof AcademyModuleSchema> & { lesson: string; workedExample: string };

export interface AcademyModuleFiles {
  folder: string;
  moduleYaml: string;
  lessonMarkdown: string;
  workedExampleMarkdown: string;
}

/** Parses one module folder (module.yaml, lesson.md, worked-example.md) and checks that its role-play holds together. */
export function parseAcademyModule(files: AcademyModuleFiles): AcademyModule {
  const where = (path: string) => `${files.folder}/module.yaml:${path}`;
  const result = AcademyModuleSchema.safeParse(parse(files.moduleYaml));
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', `The Academy module ${files.folder} is not valid.`, {
      fields: result.error.issues.map((issue) => ({
        path: where(issue.path.join('.')),
        message: issue.message,
      })),
    });
  }
  const module = result.data;
  const problems: Array<{ path: string; message: string }> = [];
  for (const [index, item] of module.quiz.entries()) {
    if (item.answer >= item.options.length)
      problems.push({ path: where(`quiz.${index}.answer`), message: 'points past the options' });
  }
  const { nodes, start } = module.practice;
  if (!nodes[start]) problems.push({ path: where('practice.start'), message: `names no node (${start})` });
  for (const [id, node] of Object.entries(nodes)) {
    if (!node.isEnd && node.branches.length === 0)
      problems.push({ path: where(`practice.nodes.${id}`), message: 'has no branches and does not end' });
    if (!node.isEnd && node.branches.at(-1)?.when !== 'any')
      problems.push({
        path: where(`practice.nodes.${id}.branches`),
        message: 'must end with a `when: any` fallback',
      });
    for (const [index, branch] of node.branches.entries()) {
      if (!nodes[branch.next])
        problems.push({
          path: where(`practice.nodes.${id}.branches.${index}.next`),
          message: `names no node (${branch.next})`,
        });
    }
  }
  for (const check of module.assignment.checks) {
    if (check.min === undefined && check.max === undefined)
      problems.push({ path: where('assignment.checks'), message: `${check.metric} needs min or max` });
  }
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', `The Academy module ${files.folder} is not consistent.`, {
      fields: problems,
    });
  return { ...module, lesson: files.lessonMarkdown, workedExample: files.workedExampleMarkdown };
}

/** Counts the branches of a practice script, the number the content test holds to at least six. */
export function countBranches(module: AcademyModule): number {
  return Object.values(module.practice.nodes).reduce((sum, node) => sum + node.branches.length, 0);
}
