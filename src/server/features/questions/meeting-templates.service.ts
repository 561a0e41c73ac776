import { and, asc, eq } from 'drizzle-orm';
import type { TemplateView } from '../../../contracts/questions.ts';
import { AppError } from '../../../core/errors.ts';
import { builtInTemplates, findBuiltInTemplate } from '../../../core/meetings/meeting-templates.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { meetingTemplates } from '../../db/schema-meetings.ts';

type TemplateRow = typeof meetingTemplates.$inferSelect;

function toView(row: TemplateRow): TemplateView {
  return { key: row.key, name: row.name, description: row.description, steps: row.steps, isCustom: true };
}

/** The flows a 1:1 can follow: the built-in ones, then the organization's own by name. */
export async function listTemplates(db: Db, tenant: Tenant): Promise<TemplateView[]> {
  const rows = await db
    .select()
    .from(meetingTemplates)
    .where(eq(meetingTemplates.organizationId, tenant.organizationId))
    .orderBy(asc(meetingTemplates.name));
  return [
    ...builtInTemplates.map((template) => ({
      ...template,
      steps: template.steps.map((step) => ({ ...step })),
      isCustom: false,
    })),
    ...rows.map(toView),
  ];
}

export async function createTemplate(
  db: Db,
  tenant: Tenant,
  input: {
    key: string;
    name: string;
    description: string;
    steps: Array<{ key: string; title: string; prompt: string }>;
  },
): Promise<TemplateView> {
  const repeated = input.steps.findIndex(
    (step, index) => input.steps.findIndex((other) => other.key === step.key) !== index,
  );
  if (repeated !== -1) {
    throw new AppError('VALIDATION_FAILED', 'Each step of a template needs its own key.', {
      fields: [{ path: `body.steps.${repeated}.key`, message: 'is already used by an earlier step' }],
    });
  }
  if (findBuiltInTemplate(input.key)) {
    throw new AppError('ALREADY_EXISTS', `"${input.key}" is a built-in template; choose another key.`, {
      fields: [{ path: 'body.key', message: 'is the key of a built-in template' }],
    });
  }
  // The unique index settles a race between two admins; the answer is the same either way.
  const [row] = await db
    .insert(meetingTemplates)
    .values({ organizationId: tenant.organizationId, ...input })
    .onConflictDoNothing({ target: [meetingTemplates.organizationId, meetingTemplates.key] })
    .returning();
  if (!row) {
    throw new AppError('ALREADY_EXISTS', `Your organization already has a template "${input.key}".`, {
      fields: [{ path: 'body.key', message: 'is already used by a template of this organization' }],
    });
  }
  return toView(row);
}

/**
 * Removes one of the organization's own templates. Meetings that used it keep their key and
 * show the standard flow from then on, so nothing written in them is lost.
 */
export async function deleteTemplate(db: Db, tenant: Tenant, key: string): Promise<void> {
  if (findBuiltInTemplate(key)) {
    throw new AppError('CONFLICT', 'Built-in templates stay; only your organization’s own can be removed.');
  }
  const deleted = await db
    .delete(meetingTemplates)
    .where(and(eq(meetingTemplates.organizationId, tenant.organizationId), eq(meetingTemplates.key, key)))
    .returning({ id: meetingTemplates.id });
  if (deleted.length === 0) throw new AppError('NOT_FOUND', `No template "${key}" in your organization.`);
}
