import { and, eq, isNull } from 'drizzle-orm';
import type { PersonErasureResult } from '../../../contracts/people.ts';
import { AppError } from '../../../core/errors.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';
import { series } from '../../db/schema-meetings.ts';
import { deleteUntouchedFuture } from '../meetings/series.service.ts';
import * as repository from './person-erasure.repository.ts';

/**
 * An admin deletes a person from the organization (the right to be forgotten), in one
 * transaction: their own data and the text about them go, their name and address are replaced,
 * their membership ends and their series stop. The anonymous figures they fed into stay, so the
 * dashboards of the organization still add up. Their account is not deleted: it may belong to
 * other organizations.
 */
export async function erasePerson(
  db: Db,
  tenant: Tenant,
  personId: string,
  now = new Date(),
): Promise<PersonErasureResult> {
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: people.id, email: people.email, userId: people.userId, managerId: people.managerId })
      .from(people)
      .where(
        and(
          eq(people.organizationId, tenant.organizationId),
          eq(people.id, personId),
          isNull(people.erasedAt),
        ),
      )
      .limit(1)
      .for('update');
    if (!person) throw new AppError('NOT_FOUND', 'No such person in this organization.');
    if (person.id === tenant.personId)
      throw new AppError('CONFLICT', 'You cannot delete yourself; ask another admin or owner.');
    const role = person.userId ? await repository.findRole(tx, tenant.organizationId, person.userId) : null;
    if (role === 'owner' && tenant.role !== 'owner')
      throw new AppError('FORBIDDEN', 'Only an owner deletes an owner.');
    if (role === 'owner' && (await repository.countOwners(tx, tenant.organizationId)) <= 1)
      throw new AppError(
        'CONFLICT',
        'This is the last owner of the organization; make someone else owner first.',
      );

    const erased = await repository.eraseOwnData(tx, tenant.organizationId, person);
    const active = await repository.findActiveSeriesOf(tx, tenant.organizationId, person.id);
    for (const { id } of active) {
      await tx.update(series).set({ isActive: false }).where(eq(series.id, id));
      await deleteUntouchedFuture(tx, id, now);
    }
    await repository.anonymize(tx, tenant.organizationId, person, now);
    return { personId: person.id, ...erased, endedSeries: active.length, erasedAt: now.toISOString() };
  });
}
