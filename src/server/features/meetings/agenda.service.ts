import { and, asc, eq, max } from 'drizzle-orm';
import type { AgendaItemView } from '../../../contracts/meetings.ts';
import { AppError } from '../../../core/errors.ts';
import { guessAgendaType } from '../../../core/meetings/guess-agenda-type.ts';
import type { AgendaItemType } from '../../../core/questions/question-bank.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { agendaItems } from '../../db/schema-meetings.ts';
import { findPersonRefs, getOwnMeeting } from './meeting-access.ts';
import { toAgendaView } from './views.ts';

export async function listAgenda(db: Db, tenant: Tenant, meetingId: string): Promise<AgendaItemView[]> {
  const rows = await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
  const refs = await findPersonRefs(
    db,
    tenant.organizationId,
    rows.map((row) => row.authorId),
  );
  return rows.map((row) => toAgendaView(row, refs));
}

/** Either participant adds a topic, before or during the meeting; its type is guessed when not given. */
export async function addAgendaItem(
  db: Db,
  tenant: Tenant,
  meetingId: string,
  input: { title: string; type?: AgendaItemType; details: string },
): Promise<AgendaItemView> {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  const [last] = await db
    .select({ position: max(agendaItems.position) })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id));
  const [row] = await db
    .insert(agendaItems)
    .values({
      organizationId: tenant.organizationId,
      meetingId: meeting.id,
      authorId: tenant.personId!,
      title: input.title,
      type: input.type ?? guessAgendaType(input.title),
      details: input.details,
      position: (last?.position ?? 0) + 1,
    })
    .returning();
  const refs = await findPersonRefs(db, tenant.organizationId, [row!.authorId]);
  return toAgendaView(row!, refs);
}

export async function updateAgendaItem(
  db: Db,
  tenant: Tenant,
  meetingId: string,
  itemId: string,
  change: { title?: string; type?: AgendaItemType; details?: string; isCovered?: boolean },
): Promise<AgendaItemView> {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  const [row] = await db
    .update(agendaItems)
    .set({ ...change, updatedAt: new Date() })
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.id, itemId)))
    .returning();
  if (!row) throw new AppError('NOT_FOUND', 'No such agenda item in this 1:1.');
  const refs = await findPersonRefs(db, tenant.organizationId, [row.authorId]);
  return toAgendaView(row, refs);
}

export async function deleteAgendaItem(
  db: Db,
  tenant: Tenant,
  meetingId: string,
  itemId: string,
): Promise<void> {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  const deleted = await db
    .delete(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.id, itemId)))
    .returning({ id: agendaItems.id });
  if (deleted.length === 0) throw new AppError('NOT_FOUND', 'No such agenda item in this 1:1.');
}

/** Puts the items in the given order; the list must name every item of the meeting exactly once. */
export async function reorderAgenda(
  db: Db,
  tenant: Tenant,
  meetingId: string,
  itemIds: string[],
): Promise<AgendaItemView[]> {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  await db.transaction(async (tx) => {
    const current = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id));
    const known = new Set(current.map((row) => row.id));
    if (
      itemIds.length !== known.size ||
      new Set(itemIds).size !== itemIds.length ||
      itemIds.some((id) => !known.has(id))
    ) {
      throw new AppError('CONFLICT', 'The agenda changed meanwhile; reload it and reorder again.', {
        fields: [{ path: 'body.itemIds', message: 'must list every item of the agenda exactly once' }],
      });
    }
    for (const [index, id] of itemIds.entries()) {
      await tx
        .update(agendaItems)
        .set({ position: index + 1 })
        .where(eq(agendaItems.id, id));
    }
  });
  return listAgenda(db, tenant, meeting.id);
}
