import { and, eq, inArray } from 'drizzle-orm';
import type { GoalView } from '../../../contracts/growth.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { goalLinks, type goals } from '../../db/schema-growth.ts';
import { agendaItems, meetings, nextSteps } from '../../db/schema-meetings.ts';
import { findPersonRefs, refOf } from '../meetings/meeting-access.ts';

export type GoalRow = typeof goals.$inferSelect;
type LinkRow = typeof goalLinks.$inferSelect;

/** What a link points to, read from its agenda item or next step and that item's 1:1. */
interface LinkTarget {
  meetingId: string;
  title: string;
  status: 'open' | 'done' | 'dropped' | null;
  dueDate: string | null;
}

async function findTargets(
  db: Db,
  organizationId: string,
  links: LinkRow[],
): Promise<Map<string, LinkTarget>> {
  const ids = (kind: LinkRow['kind']) =>
    links.filter((link) => link.kind === kind).map((link) => link.targetId);
  const stepIds = ids('next-step');
  const itemIds = ids('agenda-item');
  const [steps, items] = await Promise.all([
    stepIds.length === 0
      ? []
      : db
          .select({
            id: nextSteps.id,
            meetingId: nextSteps.meetingId,
            title: nextSteps.title,
            status: nextSteps.status,
            dueDate: nextSteps.dueDate,
          })
          .from(nextSteps)
          .where(and(eq(nextSteps.organizationId, organizationId), inArray(nextSteps.id, stepIds))),
    itemIds.length === 0
      ? []
      : db
          .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, title: agendaItems.title })
          .from(agendaItems)
          .where(and(eq(agendaItems.organizationId, organizationId), inArray(agendaItems.id, itemIds))),
  ]);
  return new Map<string, LinkTarget>([
    ...steps.map((step) => [step.id, step] as const),
    ...items.map((item) => [item.id, { ...item, status: null, dueDate: null }] as const),
  ]);
}

/**
 * Goals as the caller sees them, with what they are linked to in 1:1s. A linked item's title is
 * 1:1 content, so only the two people of that 1:1 read it; the manager chain sees that a step
 * exists and its status, which counts toward the goal.
 */
export async function toGoalViews(db: Db, tenant: Tenant, rows: GoalRow[]): Promise<GoalView[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select()
    .from(goalLinks)
    .where(
      and(
        eq(goalLinks.organizationId, tenant.organizationId),
        inArray(
          goalLinks.goalId,
          rows.map((row) => row.id),
        ),
      ),
    );
  const targets = await findTargets(db, tenant.organizationId, links);
  const meetingIds = [...new Set([...targets.values()].map((target) => target.meetingId))];
  const meetingRows =
    meetingIds.length === 0
      ? []
      : await db
          .select({
            id: meetings.id,
            startsAt: meetings.startsAt,
            leaderId: meetings.leaderId,
            reportId: meetings.reportId,
          })
          .from(meetings)
          .where(inArray(meetings.id, meetingIds));
  const meetingById = new Map(meetingRows.map((meeting) => [meeting.id, meeting]));
  const refs = await findPersonRefs(
    db,
    tenant.organizationId,
    rows.flatMap((row) => [row.ownerId, ...(row.createdById ? [row.createdById] : [])]),
  );
  return rows.map((row) => {
    const views = links
      .filter((link) => link.goalId === row.id)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .flatMap((link) => {
        const target = targets.get(link.targetId);
        const meeting = target ? meetingById.get(target.meetingId) : undefined;
        // An item deleted from its 1:1 leaves its link behind; it no longer counts.
        if (!target || !meeting) return [];
        const isVisible = tenant.personId === meeting.leaderId || tenant.personId === meeting.reportId;
        return [
          {
            id: link.id,
            kind: link.kind,
            targetId: link.targetId,
            meetingId: meeting.id,
            meetingStartsAt: meeting.startsAt.toISOString(),
            isVisible,
            title: isVisible ? target.title : null,
            status: target.status,
            dueDate: isVisible ? target.dueDate : null,
          },
        ];
      });
    const steps = views.filter((view) => view.kind === 'next-step');
    const done = steps.filter((view) => view.status === 'done').length;
    const dropped = steps.filter((view) => view.status === 'dropped').length;
    const counted = steps.length - dropped;
    return {
      id: row.id,
      owner: refOf(refs, row.ownerId),
      kind: row.kind,
      title: row.title,
      description: row.description,
      measure: row.measure,
      targetDate: row.targetDate,
      status: row.status,
      progress: row.progress,
      createdBy: row.createdById ? refOf(refs, row.createdById) : null,
      links: views,
      steps: { total: steps.length, done, dropped },
      suggestedProgress: counted === 0 ? null : Math.round((100 * done) / counted),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
