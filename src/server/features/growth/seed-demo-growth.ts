import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { EvidenceReading } from '../../../core/skills/diagnose-gaps.ts';
import type { AppContext } from '../../context.ts';
import { people } from '../../db/schema.ts';
import { developmentPlanItems, goalLinks, goals, skillAssessments } from '../../db/schema-growth.ts';
import { nextSteps } from '../../db/schema-meetings.ts';
import { DEMO_ACCOUNTS, demoEmail } from '../demo/demo-company.ts';
import { loadModulesBySkill } from './academy-module-index.ts';
import { goalTemplates, planActions } from './demo-growth-content.ts';
import {
  actualLevel,
  biases,
  clamp,
  commentsFor,
  focusOf,
  isoDate,
  type Ratings,
  seededRandom,
  shifted,
} from './demo-growth-ratings.ts';
import { measureSkillEvidence } from './skill-evidence.ts';
import { loadSkillsById } from './skills.service.ts';

const DAY = 86_400_000;
const conversationFigures = [
  'leaderTalkShare',
  'openQuestionShare',
  'reflectionToQuestion',
  'askShare',
] as const;

/**
 * Gives the demo's managers and VPs (and the report who signs in) two rounds of submitted self and
 * manager assessments three months apart, development plans on the skills the first round pointed
 * to, and goals whose next steps come from their own 1:1s. Ratings follow each leader's real 1:1
 * figures where a skill has one, so the leaders who run check-ins rate themselves higher than
 * their managers and their figures do. Deterministic; running it again adds nothing.
 */
export async function seedDemoGrowth(
  ctx: AppContext,
  organizationId: string,
  personIdByEmail: Map<string, string>,
  now = new Date(),
): Promise<{ assessments: number; goals: number; plans: number }> {
  const [existing] = await ctx.db
    .select({ id: skillAssessments.id })
    .from(skillAssessments)
    .where(eq(skillAssessments.organizationId, organizationId))
    .limit(1);
  if (existing) return { assessments: 0, goals: 0, plans: 0 };

  const next = seededRandom(20261201);
  const demoIds = new Set(personIdByEmail.values());
  const directory = (
    await ctx.db
      .select({ id: people.id, email: people.email, managerId: people.managerId })
      .from(people)
      .where(eq(people.organizationId, organizationId))
  )
    .filter((person) => demoIds.has(person.id))
    .sort((a, b) => a.email.localeCompare(b.email));
  const leads = new Set(directory.map((person) => person.managerId));
  const reportAccount = personIdByEmail.get(demoEmail(DEMO_ACCOUNTS.report));
  const subjects = directory.filter(
    (person) => person.managerId && (leads.has(person.id) || person.id === reportAccount),
  );
  const [skillsById, modules] = await Promise.all([loadSkillsById(), loadModulesBySkill()]);
  const skills = [...skillsById.values()];
  const ownedSteps = await ctx.db
    .select()
    .from(nextSteps)
    .where(
      and(
        eq(nextSteps.organizationId, organizationId),
        inArray(
          nextSteps.ownerId,
          subjects.map((subject) => subject.id),
        ),
      ),
    );

  const assessmentRows: Array<typeof skillAssessments.$inferInsert> = [];
  const planRows: Array<typeof developmentPlanItems.$inferInsert> = [];
  const goalRows: Array<typeof goals.$inferInsert> = [];
  const linkRows: Array<typeof goalLinks.$inferInsert> = [];

  for (const subject of subjects) {
    const managerId = subject.managerId!;
    const evidence = await measureSkillEvidence(ctx.db, organizationId, subject.id, now);
    const readings = skills.map((skill) => (skill.evidence ? evidence[skill.evidence].reading : null));
    // How the person's conversations lean overall, -1 all weak … 1 all strong: the analyser's
    // figures tell a coaching leader from a check-in one; in the demo every step is the report's,
    // so the step figures would flatter everyone alike.
    const conversation = conversationFigures
      .map((metric) => evidence[metric].reading)
      .filter((reading): reading is EvidenceReading => reading !== null);
    const tilt =
      conversation.length === 0
        ? next() - 0.5
        : conversation.reduce(
            (sum, reading) => sum + (reading === 'strong' ? 1 : reading === 'weak' ? -1 : 0),
            0,
          ) / conversation.length;
    const isOverrater = tilt < 0;
    const actual: Ratings = Object.fromEntries(
      skills.map((skill, index) => [
        skill.id,
        actualLevel(readings[index] ?? null, tilt, leads.has(subject.id), next),
      ]),
    );

    // Each rater's lean on a skill persists between rounds, so a rating moves only when something changed.
    const selfBias = biases(actual, isOverrater ? 0.6 : 0.15, isOverrater ? 0.04 : 0.08, next);
    const managerBias = biases(actual, 0.05, 0.1, next);
    const round1 = { self: shifted(actual, selfBias), manager: shifted(actual, managerBias) };
    const focus = focusOf(skills, round1.self, round1.manager);
    const improved: Ratings = Object.fromEntries(
      skills.map((skill) => {
        const chance = focus.includes(skill.id) ? 0.7 : 0.08;
        return [skill.id, clamp(actual[skill.id]! + (next() < chance ? 1 : 0))];
      }),
    );
    // By the second round the person sees themself more as others do, above all on what they worked on.
    const clearerBias: Ratings = Object.fromEntries(
      Object.entries(selfBias).map(([skillId, bias]) => {
        const chance = focus.includes(skillId) ? 0.6 : 0.25;
        return [skillId, bias > 0 && next() < chance ? 0 : bias];
      }),
    );
    const round2 = { self: shifted(improved, clearerBias), manager: shifted(improved, managerBias) };

    const firstSelfAt = new Date(now.getTime() - (96 + Math.floor(next() * 6)) * DAY - next() * DAY);
    const firstManagerAt = new Date(firstSelfAt.getTime() + (2 + Math.floor(next() * 6)) * DAY);
    const secondSelfAt = new Date(firstSelfAt.getTime() + (91 + Math.floor(next() * 3)) * DAY);
    const secondManagerAt = new Date(
      Math.min(secondSelfAt.getTime() + (1 + Math.floor(next() * 3)) * DAY, now.getTime() - DAY / 4),
    );
    const assessment = (
      kind: 'self' | 'manager',
      ratings: Ratings,
      submittedAt: Date,
      focusIds: string[],
    ) => {
      const createdAt = new Date(submittedAt.getTime() - (1 + Math.floor(next() * 3)) * DAY);
      assessmentRows.push({
        organizationId,
        subjectId: subject.id,
        assessorId: kind === 'self' ? subject.id : managerId,
        kind,
        status: 'submitted',
        ratings,
        comments: commentsFor(kind, ratings, focusIds, next),
        submittedAt,
        createdAt,
        updatedAt: submittedAt,
      });
    };
    assessment('self', round1.self, firstSelfAt, focus);
    assessment('manager', round1.manager, firstManagerAt, focus);
    assessment('self', round2.self, secondSelfAt, focus);
    assessment('manager', round2.manager, secondManagerAt, focus);

    const plannedAt = new Date(firstManagerAt.getTime() + 3 * DAY);
    for (const [index, skillId] of focus.entries()) {
      const actions = planActions[skillId] ?? [
        `Practise ${skillsById.get(skillId)!.name.toLowerCase()} in every 1:1.`,
      ];
      planRows.push({
        organizationId,
        personId: subject.id,
        skillId,
        actions: actions[Math.floor(next() * actions.length)]!,
        moduleId: modules.get(skillId)?.id ?? null,
        position: index + 1,
        createdAt: plannedAt,
        updatedAt: plannedAt,
      });
    }

    const mySteps = ownedSteps
      .filter((step) => step.ownerId === subject.id)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    for (const kind of ['growth', 'performance'] as const) {
      const ranked = goalTemplates
        .filter((template) => template.kind === kind)
        .map((template) => ({
          template,
          // The most recent step of each title: the same step agreed again is one piece of work.
          steps: mySteps
            .filter((step) => template.steps.test(step.title))
            .filter((step, index, all) => all.findIndex((other) => other.title === step.title) === index)
            .slice(0, 4),
          tieBreak: next(),
        }))
        .sort((a, b) => b.steps.length - a.steps.length || a.tieBreak - b.tieBreak);
      const { template, steps } = ranked[0]!;
      const goalId = randomUUID();
      const counted = steps.filter((step) => step.status !== 'dropped');
      const done = counted.filter((step) => step.status === 'done').length;
      const progress =
        counted.length === 0 ? 5 * Math.floor(next() * 8) : Math.round((100 * done) / counted.length);
      const createdAt = new Date(plannedAt.getTime() + Math.floor(next() * 5) * DAY);
      goalRows.push({
        id: goalId,
        organizationId,
        ownerId: subject.id,
        kind,
        title: template.title,
        description: template.description,
        measure: template.measure,
        targetDate: isoDate(new Date(now.getTime() + (30 + Math.floor(next() * 120)) * DAY)),
        status:
          progress === 100
            ? 'done'
            : progress < 40 && steps.length > 0
              ? 'at-risk'
              : progress === 0
                ? 'not-started'
                : 'on-track',
        progress,
        // Performance goals are usually set with the manager; growth goals by the person.
        createdById: kind === 'performance' ? managerId : subject.id,
        createdAt,
        updatedAt: new Date(Math.max(createdAt.getTime(), ...steps.map((step) => step.updatedAt.getTime()))),
      });
      for (const step of steps) {
        linkRows.push({
          organizationId,
          goalId,
          kind: 'next-step',
          targetId: step.id,
          createdAt: step.createdAt,
        });
      }
    }
  }

  await ctx.db.transaction(async (tx) => {
    if (assessmentRows.length > 0) await tx.insert(skillAssessments).values(assessmentRows);
    if (planRows.length > 0) await tx.insert(developmentPlanItems).values(planRows);
    if (goalRows.length > 0) await tx.insert(goals).values(goalRows);
    if (linkRows.length > 0) await tx.insert(goalLinks).values(linkRows);
  });
  return { assessments: assessmentRows.length, goals: goalRows.length, plans: subjects.length };
}
