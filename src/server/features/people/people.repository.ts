import { aliasedTable, and, asc, count, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { ExistingPerson, PlannedPerson } from '../../../core/people/plan-people-import.ts';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';

const manager = aliasedTable(people, 'manager');

export type PersonRow = typeof people.$inferSelect & {
  managerName: string | null;
  directReportCount: number;
};

const personColumns = {
  id: people.id,
  organizationId: people.organizationId,
  email: people.email,
  name: people.name,
  title: people.title,
  managerId: people.managerId,
  startDate: people.startDate,
  timeZone: people.timeZone,
  userId: people.userId,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
  managerName: manager.name,
  directReportCount: sql<number>`(select count(*)::int from people as reports where reports.organization_id = ${people.organizationId} and reports.manager_id = ${people.id} and reports.erased_at is null)`,
};

export async function findPeople(
  db: Db,
  organizationId: string,
  filter: { q?: string; managerId?: string; limit: number; offset: number },
): Promise<{ rows: PersonRow[]; total: number }> {
  // A deleted person keeps an anonymous row for the figures, and leaves the directory.
  const conditions = [eq(people.organizationId, organizationId), isNull(people.erasedAt)];
  if (filter.managerId) conditions.push(eq(people.managerId, filter.managerId));
  if (filter.q?.trim()) {
    const pattern = `%${filter.q.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(
      or(ilike(people.name, pattern), ilike(people.email, pattern), ilike(people.title, pattern))!,
    );
  }
  const where = and(...conditions);
  const rows = await db
    .select(personColumns)
    .from(people)
    .leftJoin(manager, eq(manager.id, people.managerId))
    .where(where)
    .orderBy(asc(people.name), asc(people.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(people).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findPerson(
  db: Db,
  organizationId: string,
  personId: string,
): Promise<PersonRow | null> {
  const [row] = await db
    .select(personColumns)
    .from(people)
    .leftJoin(manager, eq(manager.id, people.managerId))
    .where(and(eq(people.organizationId, organizationId), eq(people.id, personId), isNull(people.erasedAt)))
    .limit(1);
  return row ?? null;
}

/** Everyone's id and manager, for the org chart and for cycle checks. */
export async function findReportingLines(db: Db, organizationId: string) {
  return db
    .select({ id: people.id, name: people.name, title: people.title, managerId: people.managerId })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), isNull(people.erasedAt)))
    .orderBy(asc(people.name));
}

export async function findPeopleForImport(db: Db, organizationId: string): Promise<ExistingPerson[]> {
  return db
    .select({
      email: people.email,
      name: people.name,
      title: people.title,
      managerEmail: manager.email,
      startDate: people.startDate,
      timeZone: people.timeZone,
    })
    .from(people)
    .leftJoin(manager, eq(manager.id, people.managerId))
    .where(eq(people.organizationId, organizationId));
}

const CHUNK = 1_000;

/** Inserts and updates in chunks, then links managers by email in one statement per chunk. */
export async function applyPeopleImport(
  db: Db,
  organizationId: string,
  planned: PlannedPerson[],
): Promise<void> {
  for (let at = 0; at < planned.length; at += CHUNK) {
    const chunk = planned.slice(at, at + CHUNK);
    await db
      .insert(people)
      .values(
        chunk.map((person) => ({
          organizationId,
          email: person.email,
          name: person.name,
          title: person.title,
          startDate: person.startDate,
          timeZone: person.timeZone,
        })),
      )
      .onConflictDoUpdate({
        target: [people.organizationId, people.email],
        set: {
          name: sql`excluded.name`,
          title: sql`excluded.title`,
          startDate: sql`excluded.start_date`,
          timeZone: sql`excluded.time_zone`,
          updatedAt: sql`now()`,
        },
      });
  }
  for (let at = 0; at < planned.length; at += CHUNK) {
    const chunk = planned.slice(at, at + CHUNK);
    const links = JSON.stringify(
      chunk.map((person) => ({ email: person.email, manager_email: person.managerEmail })),
    );
    await db.execute(sql`
      update people as p
         set manager_id = m.id, updated_at = now()
        from json_to_recordset(${links}::json) as v(email text, manager_email text)
        left join people as m on m.organization_id = ${organizationId} and m.email = v.manager_email
       where p.organization_id = ${organizationId}
         and p.email = v.email
         and p.manager_id is distinct from m.id`);
  }
}
