import type { AgendaItemView, NextStepView, PersonRef } from '../../../contracts/meetings.ts';
import { isOverdue } from '../../../core/meetings/follow-through.ts';
import type { agendaItems, nextSteps } from '../../db/schema-meetings.ts';
import { refOf } from './meeting-access.ts';

export type AgendaRow = typeof agendaItems.$inferSelect;
export type NextStepRow = typeof nextSteps.$inferSelect;

/** Today's date in UTC; due dates are calendar dates and compared as such. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function toAgendaView(row: AgendaRow, refs: Map<string, PersonRef>): AgendaItemView {
  return {
    id: row.id,
    title: row.title,
    type: row.type as AgendaItemView['type'],
    details: row.details,
    authorId: row.authorId,
    authorName: refOf(refs, row.authorId).name,
    position: row.position,
    isCovered: row.isCovered,
    isStatusNudged: row.type === 'status',
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** `viewerId` decides who "the other person" of the step's 1:1 is. */
export function toNextStepView(
  row: NextStepRow,
  refs: Map<string, PersonRef>,
  viewerId: string,
  now = new Date(),
): NextStepView {
  const completedAt = row.completedAt?.toISOString() ?? null;
  return {
    id: row.id,
    meetingId: row.meetingId,
    title: row.title,
    owner: row.ownerId ? refOf(refs, row.ownerId) : null,
    dueDate: row.dueDate,
    status: row.status,
    droppedReason: row.droppedReason,
    isOverdue: isOverdue({ status: row.status, dueDate: row.dueDate, completedAt }, today(now)),
    completedAt,
    proposedById: row.proposedById,
    createdAt: row.createdAt.toISOString(),
    withPerson: refOf(refs, viewerId === row.leaderId ? row.reportId : row.leaderId),
  };
}
