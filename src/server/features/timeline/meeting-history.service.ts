import { and, asc, eq, lte, ne, or, sql } from 'drizzle-orm';
import type { MeetingPage } from '../../../contracts/meetings.ts';
import { AppError } from '../../../core/errors.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { TextSealer } from '../../crypto/sealed-text.ts';
import type { Db } from '../../db/client.ts';
import { memberships, organizations, people } from '../../db/schema.ts';
import { meetings } from '../../db/schema-meetings.ts';
import { getMeetingPage } from '../meetings/meeting-page.service.ts';
import { pairCondition } from './timeline.service.ts';

/** Whose history is exported: a person of one organization, seen as the policy sees them. */
export interface HistoryReader {
  tenant: Tenant;
  /** Their account, whose private notes are theirs to read; null when they never signed in. */
  userId: string | null;
  name: string;
  email: string;
}

export interface MeetingHistory {
  person: { name: string; email: string };
  organization: { slug: string; name: string };
  exportedAt: string;
  meetings: HistoryMeeting[];
}

export interface HistoryMeeting {
  id: string;
  startsAt: string;
  endsAt: string;
  status: MeetingPage['meeting']['status'];
  myRole: 'leader' | 'report';
  leader: string;
  report: string;
  template: string;
  closedAt: string | null;
  noNextStepsReason: string | null;
  agenda: Array<{ title: string; type: string; details: string; authorName: string; isCovered: boolean }>;
  statusUpdate: { wins: string; inProgress: string; blocked: string; authorName: string } | null;
  sharedNotes: string;
  /** The reader's own private note, opened; nobody else's is ever included. */
  privateNote: string;
  nextSteps: Array<{
    title: string;
    owner: string | null;
    dueDate: string | null;
    status: 'open' | 'done' | 'dropped';
    droppedReason: string | null;
    completedAt: string | null;
  }>;
}

/**
 * The person with this address, as a reader of their own 1:1s: in the organization `slug`, or in
 * the only organization that lists them. NOT_FOUND or VALIDATION_FAILED name the option to fix.
 */
export async function getHistoryReader(db: Db, email: string, slug?: string): Promise<HistoryReader> {
  const address = email.trim().toLowerCase();
  const rows = await db
    .select({
      personId: people.id,
      name: people.name,
      email: people.email,
      userId: people.userId,
      organizationId: organizations.id,
      slug: organizations.slug,
      organizationName: organizations.name,
      role: memberships.role,
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .leftJoin(
      memberships,
      and(eq(memberships.organizationId, people.organizationId), eq(memberships.userId, people.userId)),
    )
    .where(
      and(
        sql`lower(${people.email}) = ${address}`,
        slug === undefined ? undefined : eq(organizations.slug, slug),
      ),
    )
    .orderBy(asc(organizations.slug));
  const [row] = rows;
  if (!row) {
    const where = slug === undefined ? 'any organization' : `the organization "${slug}"`;
    throw new AppError('NOT_FOUND', `No person with the address ${address} in ${where}.`, {
      fields: [{ path: 'person', message: 'is not in the directory' }],
    });
  }
  if (rows.length > 1) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${address} is in several organizations (${rows.map((each) => each.slug).join(', ')}); choose one with --org.`,
      { fields: [{ path: 'org', message: 'is required for a person in several organizations' }] },
    );
  }
  return {
    tenant: {
      organizationId: row.organizationId,
      slug: row.slug,
      name: row.organizationName,
      role: row.role ?? 'member',
      personId: row.personId,
    },
    userId: row.userId,
    name: row.name,
    email: row.email,
  };
}

/** Another person of the reader's organization, by address; the filter of `--with`. */
export async function getOtherPersonId(db: Db, tenant: Tenant, email: string): Promise<string> {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.organizationId, tenant.organizationId),
        sql`lower(${people.email}) = ${email.trim().toLowerCase()}`,
      ),
    )
    .limit(1);
  if (!row)
    throw new AppError('NOT_FOUND', `No person with the address ${email} in ${tenant.name}.`, {
      fields: [{ path: 'with', message: 'is not in the directory' }],
    });
  return row.id;
}

/**
 * Everything the reader may read of their past 1:1s, oldest first, read through the same meeting
 * page service as the API, so the export follows the same policy: the two participants' shared
 * content, and the reader's own private notes only.
 */
export async function exportMeetingHistory(
  db: Db,
  sealer: TextSealer,
  reader: HistoryReader,
  options: { withPersonId?: string } = {},
  now = new Date(),
): Promise<MeetingHistory> {
  const me = reader.tenant.personId!;
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.organizationId, reader.tenant.organizationId),
        options.withPersonId
          ? pairCondition(me, options.withPersonId)
          : or(eq(meetings.leaderId, me), eq(meetings.reportId, me)),
        ne(meetings.status, 'skipped'),
        or(lte(meetings.startsAt, now), eq(meetings.status, 'completed')),
      ),
    )
    .orderBy(asc(meetings.startsAt));
  const history: HistoryMeeting[] = [];
  // One page at a time: a long history never holds many connections or much memory at once.
  for (const { id } of rows) {
    const page = await getMeetingPage(db, sealer, reader.tenant, reader.userId ?? '', id);
    history.push(toHistoryMeeting(page));
  }
  return {
    person: { name: reader.name, email: reader.email },
    organization: { slug: reader.tenant.slug, name: reader.tenant.name },
    exportedAt: now.toISOString(),
    meetings: history,
  };
}

function toHistoryMeeting(page: MeetingPage): HistoryMeeting {
  const { meeting } = page;
  return {
    id: meeting.id,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    status: meeting.status,
    myRole: meeting.myRole,
    leader: meeting.leader.name,
    report: meeting.report.name,
    template: page.template.name,
    closedAt: meeting.closedAt,
    noNextStepsReason: meeting.noNextStepsReason,
    agenda: page.agenda.map((item) => ({
      title: item.title,
      type: item.type,
      details: item.details,
      authorName: item.authorName,
      isCovered: item.isCovered,
    })),
    statusUpdate: page.statusUpdate
      ? {
          wins: page.statusUpdate.wins,
          inProgress: page.statusUpdate.inProgress,
          blocked: page.statusUpdate.blocked,
          authorName: page.statusUpdate.authorName,
        }
      : null,
    sharedNotes: page.sharedNotes.body,
    privateNote: page.privateNote.body,
    nextSteps: page.nextSteps.map((step) => ({
      title: step.title,
      owner: step.owner?.name ?? null,
      dueDate: step.dueDate,
      status: step.status,
      droppedReason: step.droppedReason,
      completedAt: step.completedAt,
    })),
  };
}
