import { and, eq, inArray } from 'drizzle-orm';
import type { PersonRef } from '../../../contracts/meetings.ts';
import { AppError } from '../../../core/errors.ts';
import { assertParticipant, type Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';
import { meetings } from '../../db/schema-meetings.ts';

export type MeetingRow = typeof meetings.$inferSelect;

/** A meeting of this organization that the caller takes part in, with their role; NOT_FOUND otherwise. */
export async function getOwnMeeting(
  db: Db,
  tenant: Tenant,
  meetingId: string,
): Promise<{ meeting: MeetingRow; role: 'leader' | 'report' }> {
  const [meeting] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.organizationId, tenant.organizationId), eq(meetings.id, meetingId)))
    .limit(1);
  if (!meeting) throw new AppError('NOT_FOUND', 'No such 1:1 of yours.');
  return { meeting, role: assertParticipant(tenant, meeting) };
}

/** The caller's own directory entry; an account without one cannot hold 1:1s. */
export function requirePerson(tenant: Tenant): string {
  if (!tenant.personId)
    throw new AppError(
      'FORBIDDEN',
      'You are not in this organization’s directory yet; ask an admin to add you.',
    );
  return tenant.personId;
}

export async function findPersonRefs(
  db: Db,
  organizationId: string,
  ids: Iterable<string>,
): Promise<Map<string, PersonRef>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name, title: people.title, timeZone: people.timeZone })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, wanted)));
  return new Map(rows.map((row) => [row.id, row]));
}

export function refOf(refs: Map<string, PersonRef>, id: string): PersonRef {
  return refs.get(id) ?? { id, name: 'Former member', title: '', timeZone: 'UTC' };
}

/** A person of this organization, by id; VALIDATION_FAILED naming the field otherwise. */
export async function getOrgPerson(db: Db, tenant: Tenant, personId: string, field: string) {
  const [row] = await db
    .select({ id: people.id, managerId: people.managerId, timeZone: people.timeZone })
    .from(people)
    .where(and(eq(people.organizationId, tenant.organizationId), eq(people.id, personId)))
    .limit(1);
  if (!row)
    throw new AppError('VALIDATION_FAILED', 'That person is not in this organization.', {
      fields: [{ path: field, message: 'is not a person of this organization' }],
    });
  return row;
}
