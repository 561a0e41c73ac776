import { and, asc, eq } from 'drizzle-orm';
import type { DevelopmentPlanView } from '../../../contracts/growth.ts';
import { AppError, type InvalidField } from '../../../core/errors.ts';
import { diagnoseGaps, suggestFocusSkills } from '../../../core/skills/diagnose-gaps.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { developmentPlanItems } from '../../db/schema-growth.ts';
import { findPersonRefs, refOf } from '../meetings/meeting-access.ts';
import { loadModulesBySkill } from './academy-module-index.ts';
import { listSubmittedAssessments } from './assessments.service.ts';
import { getGrowthSubject } from './growth-access.ts';
import { loadSkillsById } from './skills.service.ts';

/** A plan holds a few skills at a time, so the work on each one is real. */
export const MAX_PLAN_SKILLS = 3;

export interface PlanItemInput {
  skillId: string;
  actions: string;
  moduleId?: string | null;
}

async function toPlanView(db: Db, tenant: Tenant, personId: string): Promise<DevelopmentPlanView> {
  const [rows, skills, modules, history, refs] = await Promise.all([
    db
      .select()
      .from(developmentPlanItems)
      .where(
        and(
          eq(developmentPlanItems.organizationId, tenant.organizationId),
          eq(developmentPlanItems.personId, personId),
        ),
      )
      .orderBy(asc(developmentPlanItems.position)),
    loadSkillsById(),
    loadModulesBySkill(),
    listSubmittedAssessments(db, tenant.organizationId, [personId]),
    findPersonRefs(db, tenant.organizationId, [personId]),
  ]);
  const titleOf = new Map([...modules.values()].map((module) => [module.id, module.title]));
  const latest = (kind: 'self' | 'manager') =>
    history.filter((row) => row.kind === kind).at(-1)?.ratings ?? null;
  const planned = new Set(rows.map((row) => row.skillId));
  const focus = suggestFocusSkills(diagnoseGaps([...skills.keys()], latest('self'), latest('manager')));
  return {
    person: refOf(refs, personId),
    items: rows.map((row) => ({
      skillId: row.skillId,
      // A skill id that left the model still shows, by its id, rather than vanishing from the plan.
      skillName: skills.get(row.skillId)?.name ?? row.skillId,
      actions: row.actions,
      moduleId: row.moduleId,
      moduleTitle: row.moduleId ? (titleOf.get(row.moduleId) ?? null) : null,
      position: row.position,
    })),
    suggestions: focus
      .filter((skillId) => !planned.has(skillId))
      .map((skillId) => ({
        skillId,
        name: skills.get(skillId)?.name ?? skillId,
        moduleId: modules.get(skillId)?.id ?? null,
      })),
    updatedAt:
      rows.length === 0
        ? null
        : new Date(Math.max(...rows.map((row) => row.updatedAt.getTime()))).toISOString(),
  };
}

export async function getDevelopmentPlan(
  db: Db,
  tenant: Tenant,
  personId: string,
): Promise<DevelopmentPlanView> {
  const subject = await getGrowthSubject(db, tenant, personId);
  return toPlanView(db, tenant, subject.id);
}

/**
 * Replaces a person's plan with up to three skills, each with actions and an Academy module (by
 * default the module that teaches the skill, when it exists); for the person and their manager chain.
 */
export async function putDevelopmentPlan(
  db: Db,
  tenant: Tenant,
  personId: string,
  items: PlanItemInput[],
  now = new Date(),
): Promise<DevelopmentPlanView> {
  const subject = await getGrowthSubject(db, tenant, personId);
  if (items.length > MAX_PLAN_SKILLS) {
    throw new AppError('VALIDATION_FAILED', `A development plan holds at most ${MAX_PLAN_SKILLS} skills.`, {
      fields: [{ path: 'body.items', message: `holds at most ${MAX_PLAN_SKILLS} skills at a time` }],
    });
  }
  const [skills, modules] = await Promise.all([loadSkillsById(), loadModulesBySkill()]);
  const knownModules = new Set([...modules.values()].map((module) => module.id));
  const problems: InvalidField[] = [];
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (!skills.has(item.skillId))
      problems.push({ path: `body.items.${index}.skillId`, message: 'is not a skill of the model' });
    else if (seen.has(item.skillId))
      problems.push({ path: `body.items.${index}.skillId`, message: 'is already in the plan' });
    seen.add(item.skillId);
    if (item.moduleId && !knownModules.has(item.moduleId))
      problems.push({ path: `body.items.${index}.moduleId`, message: 'is not an Academy module' });
  }
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', 'The development plan is not valid.', { fields: problems });
  await db.transaction(async (tx) => {
    const scope = and(
      eq(developmentPlanItems.organizationId, tenant.organizationId),
      eq(developmentPlanItems.personId, subject.id),
    );
    await tx.delete(developmentPlanItems).where(scope);
    if (items.length === 0) return;
    await tx.insert(developmentPlanItems).values(
      items.map((item, index) => ({
        organizationId: tenant.organizationId,
        personId: subject.id,
        skillId: item.skillId,
        actions: item.actions.trim(),
        moduleId: item.moduleId === undefined ? (modules.get(item.skillId)?.id ?? null) : item.moduleId,
        position: index + 1,
        updatedAt: now,
      })),
    );
  });
  return toPlanView(db, tenant, subject.id);
}
