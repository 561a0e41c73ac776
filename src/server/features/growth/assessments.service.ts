import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AssessmentView } from '../../../contracts/growth.ts';
import { AppError, type InvalidField } from '../../../core/errors.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';
import { skillAssessments } from '../../db/schema-growth.ts';
import { findPersonRefs, getOrgPerson, refOf, requirePerson } from '../meetings/meeting-access.ts';
import { canSeeGrowth } from './growth-access.ts';
import { loadSkillsById } from './skills.service.ts';

export type AssessmentRow = typeof skillAssessments.$inferSelect;

export async function toAssessmentViews(
  db: Db,
  tenant: Tenant,
  rows: AssessmentRow[],
): Promise<AssessmentView[]> {
  const refs = await findPersonRefs(
    db,
    tenant.organizationId,
    rows.flatMap((row) => [row.subjectId, row.assessorId]),
  );
  return rows.map((row) => ({
    id: row.id,
    subject: refOf(refs, row.subjectId),
    assessor: refOf(refs, row.assessorId),
    kind: row.kind,
    status: row.status,
    ratings: row.ratings,
    comments: row.comments,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

async function toView(db: Db, tenant: Tenant, row: AssessmentRow): Promise<AssessmentView> {
  return (await toAssessmentViews(db, tenant, [row]))[0]!;
}

/**
 * Starts the caller's assessment of a person: of themself (`self`), or of a direct report as their
 * manager (`manager`). An unsubmitted one of the same kind is resumed rather than doubled.
 */
export async function startAssessment(
  db: Db,
  tenant: Tenant,
  input: { subjectId: string; kind: 'self' | 'manager' },
): Promise<{ assessment: AssessmentView; isNew: boolean }> {
  const me = requirePerson(tenant);
  const subject = await getOrgPerson(db, tenant, input.subjectId, 'body.subjectId');
  if (input.kind === 'self' && subject.id !== me) {
    throw new AppError('VALIDATION_FAILED', 'A self-assessment is of yourself.', {
      fields: [{ path: 'body.subjectId', message: 'must be yourself for a self-assessment' }],
    });
  }
  if (input.kind === 'manager' && subject.managerId !== me) {
    throw new AppError(
      'FORBIDDEN',
      'Only a person’s manager in the org chart assesses them as their manager.',
    );
  }
  const [draft] = await db
    .select()
    .from(skillAssessments)
    .where(
      and(
        eq(skillAssessments.organizationId, tenant.organizationId),
        eq(skillAssessments.subjectId, subject.id),
        eq(skillAssessments.assessorId, me),
        eq(skillAssessments.kind, input.kind),
        eq(skillAssessments.status, 'draft'),
      ),
    )
    .limit(1);
  if (draft) return { assessment: await toView(db, tenant, draft), isNew: false };
  const [row] = await db
    .insert(skillAssessments)
    .values({
      organizationId: tenant.organizationId,
      subjectId: subject.id,
      assessorId: me,
      kind: input.kind,
      ratings: {},
      comments: {},
    })
    .returning();
  return { assessment: await toView(db, tenant, row!), isNew: true };
}

/**
 * An assessment the caller may read: their own, draft or not; once submitted, also the subject's
 * and their manager chain's. A draft is its assessor's alone, so a manager never sees a
 * self-assessment before the person submits it.
 */
async function getVisibleAssessment(db: Db, tenant: Tenant, assessmentId: string): Promise<AssessmentRow> {
  const [row] = await db
    .select()
    .from(skillAssessments)
    .where(
      and(eq(skillAssessments.organizationId, tenant.organizationId), eq(skillAssessments.id, assessmentId)),
    )
    .limit(1);
  if (row && tenant.personId) {
    if (row.assessorId === tenant.personId) return row;
    if (row.status === 'submitted' && (await canSeeGrowth(db, tenant, row.subjectId))) return row;
  }
  throw new AppError('NOT_FOUND', 'No such assessment that you may see.');
}

/** The caller's own draft; anyone else who can read it may not change it, and a submitted one is final. */
async function getOwnDraft(db: Db, tenant: Tenant, assessmentId: string): Promise<AssessmentRow> {
  const row = await getVisibleAssessment(db, tenant, assessmentId);
  if (row.assessorId !== tenant.personId)
    throw new AppError('FORBIDDEN', 'Only the person who wrote an assessment changes it.');
  if (row.status !== 'draft')
    throw new AppError('CONFLICT', 'This assessment is submitted and final; start a new one to rate again.');
  return row;
}

export async function getAssessment(db: Db, tenant: Tenant, assessmentId: string): Promise<AssessmentView> {
  return toView(db, tenant, await getVisibleAssessment(db, tenant, assessmentId));
}

/** Replaces a draft's ratings and comments; every skill named must be one of the twelve. */
export async function updateAssessment(
  db: Db,
  tenant: Tenant,
  assessmentId: string,
  input: { ratings: Record<string, number>; comments: Record<string, string> },
  now = new Date(),
): Promise<AssessmentView> {
  const current = await getOwnDraft(db, tenant, assessmentId);
  const skills = await loadSkillsById();
  const unknown: InvalidField[] = [
    ...Object.keys(input.ratings).map((id) => ({ path: `body.ratings.${id}`, id })),
    ...Object.keys(input.comments).map((id) => ({ path: `body.comments.${id}`, id })),
  ]
    .filter((entry) => !skills.has(entry.id))
    .map((entry) => ({ path: entry.path, message: 'is not a skill of the model' }));
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', 'Rate only the twelve skills of the model.', { fields: unknown });
  const comments = Object.fromEntries(
    Object.entries(input.comments)
      .map(([id, text]) => [id, text.trim()] as const)
      .filter(([, text]) => text.length > 0),
  );
  const [row] = await db
    .update(skillAssessments)
    .set({ ratings: input.ratings, comments, updatedAt: now })
    .where(eq(skillAssessments.id, current.id))
    .returning();
  return toView(db, tenant, row!);
}

/**
 * Submits a draft once all twelve skills are rated; from then on the subject and their manager
 * chain see it, and it stays in the person's history.
 */
export async function submitAssessment(
  db: Db,
  tenant: Tenant,
  assessmentId: string,
  now = new Date(),
): Promise<AssessmentView> {
  const current = await getOwnDraft(db, tenant, assessmentId);
  const skills = await loadSkillsById();
  const missing = [...skills.keys()].filter((id) => typeof current.ratings[id] !== 'number');
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Rate every skill before submitting; ${missing.length} still open.`,
      {
        fields: missing.map((id) => ({ path: `ratings.${id}`, message: 'is not rated yet' })),
      },
    );
  }
  if (current.kind === 'manager') {
    const subject = await getOrgPerson(db, tenant, current.subjectId, 'subjectId');
    if (subject.managerId !== current.assessorId)
      throw new AppError(
        'FORBIDDEN',
        'This person no longer reports to you, so your assessment cannot be submitted.',
      );
  }
  const [row] = await db
    .update(skillAssessments)
    .set({ status: 'submitted', submittedAt: now, updatedAt: now })
    .where(and(eq(skillAssessments.id, current.id), eq(skillAssessments.status, 'draft')))
    .returning();
  if (!row) throw new AppError('CONFLICT', 'This assessment was submitted meanwhile.');
  return toView(db, tenant, row);
}

/** Discards the caller's own draft. */
export async function deleteAssessment(db: Db, tenant: Tenant, assessmentId: string): Promise<void> {
  const current = await getOwnDraft(db, tenant, assessmentId);
  await db.delete(skillAssessments).where(eq(skillAssessments.id, current.id));
}

/** What the caller has to do: their drafts, their own last self-assessment and each direct report's last rating by them. */
export async function getAssessmentsOverview(db: Db, tenant: Tenant) {
  const me = requirePerson(tenant);
  const [mine, reports] = await Promise.all([
    db
      .select()
      .from(skillAssessments)
      .where(
        and(eq(skillAssessments.organizationId, tenant.organizationId), eq(skillAssessments.assessorId, me)),
      )
      .orderBy(desc(skillAssessments.updatedAt)),
    db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organizationId, tenant.organizationId), eq(people.managerId, me)))
      .orderBy(people.name),
  ]);
  const drafts = mine.filter((row) => row.status === 'draft');
  const submitted = mine.filter((row) => row.status === 'submitted');
  const lastSubmitted = (subjectId: string, kind: 'self' | 'manager') =>
    submitted
      .filter((row) => row.subjectId === subjectId && row.kind === kind)
      .reduce<Date | null>((last, row) => (!last || row.submittedAt! > last ? row.submittedAt : last), null);
  const refs = await findPersonRefs(
    db,
    tenant.organizationId,
    reports.map((row) => row.id),
  );
  return {
    drafts: await toAssessmentViews(db, tenant, drafts),
    lastSelfSubmittedAt: lastSubmitted(me, 'self')?.toISOString() ?? null,
    reports: reports.map((report) => ({
      person: refOf(refs, report.id),
      lastManagerSubmittedAt: lastSubmitted(report.id, 'manager')?.toISOString() ?? null,
      draftId: drafts.find((row) => row.subjectId === report.id && row.kind === 'manager')?.id ?? null,
    })),
  };
}

/** Every submitted assessment of a person, oldest first. */
export async function listSubmittedAssessments(
  db: Db,
  organizationId: string,
  subjectIds: string[],
): Promise<AssessmentRow[]> {
  if (subjectIds.length === 0) return [];
  const rows = await db
    .select()
    .from(skillAssessments)
    .where(
      and(
        eq(skillAssessments.organizationId, organizationId),
        inArray(skillAssessments.subjectId, subjectIds),
        eq(skillAssessments.status, 'submitted'),
      ),
    );
  return rows.sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime());
}
