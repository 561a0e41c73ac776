import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { SearchHit } from '../../../contracts/timeline.ts';
import { AppError } from '../../../core/errors.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { agendaItems, meetings, nextSteps, sharedNotes, statusUpdates } from '../../db/schema-meetings.ts';
import { findPersonRefs, refOf, requirePerson } from '../meetings/meeting-access.ts';

// ts_headline marks matches with two control characters that the query refuses and that are
// removed from the text first, so a snippet splits into plain-text parts without any HTML.
const MATCH_START = '\u0001';
const MATCH_END = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

interface Arm {
  kind: SearchHit['kind'];
  /** The searched text; for agenda items and shared notes exactly the indexed expression. */
  document: SQL;
  title: SQL | null;
  table: PgTable;
  meetingId: AnyPgColumn;
}

const arms: Arm[] = [
  {
    kind: 'agenda-item',
    document: sql`${agendaItems.title} || ' ' || ${agendaItems.details}`,
    title: sql`${agendaItems.title}`,
    table: agendaItems,
    meetingId: agendaItems.meetingId,
  },
  {
    kind: 'shared-notes',
    document: sql`${sharedNotes.body}`,
    title: null,
    table: sharedNotes,
    meetingId: sharedNotes.meetingId,
  },
  {
    kind: 'status-update',
    document: sql`${statusUpdates.wins} || ' ' || ${statusUpdates.inProgress} || ' ' || ${statusUpdates.blocked}`,
    title: null,
    table: statusUpdates,
    meetingId: statusUpdates.meetingId,
  },
  {
    kind: 'next-step',
    document: sql`${nextSteps.title}`,
    title: sql`${nextSteps.title}`,
    table: nextSteps,
    meetingId: nextSteps.meetingId,
  },
];

/**
 * Full-text search over the shared content of the caller's own 1:1s: agenda items, shared notes,
 * status updates and next steps. Private notes are never searched (they are sealed), and a
 * meeting the caller is not one of the two people of never matches, whatever their role.
 */
export async function searchMeetings(
  db: Db,
  tenant: Tenant,
  query: { q: string; limit: number },
): Promise<{ items: SearchHit[] }> {
  const me = requirePerson(tenant);
  const tsquery = sql`websearch_to_tsquery('english', ${query.q})`;
  await assertSearchable(db, tsquery);
  const mine = and(
    eq(meetings.organizationId, tenant.organizationId),
    or(eq(meetings.leaderId, me), eq(meetings.reportId, me)),
  );
  const found = await Promise.all(arms.map((arm) => searchArm(db, arm, tsquery, mine!, query.limit)));
  const best = found
    .flat()
    .sort((a, b) => b.rank - a.rank || b.startsAt.getTime() - a.startsAt.getTime())
    .slice(0, query.limit);
  const refs = await findPersonRefs(
    db,
    tenant.organizationId,
    best.map((hit) => (hit.leaderId === me ? hit.reportId : hit.leaderId)),
  );
  return {
    items: best.map((hit) => ({
      kind: hit.kind,
      meetingId: hit.meetingId,
      meetingStartsAt: hit.startsAt.toISOString(),
      withPerson: refOf(refs, hit.leaderId === me ? hit.reportId : hit.leaderId),
      title: hit.title,
      snippet: snippetParts(hit.headline),
    })),
  };
}

// Punctuation or only common words ("the", "and") make an empty query that would match nothing;
// the caller is told so instead of getting an empty page.
async function assertSearchable(db: Db, tsquery: SQL) {
  const [row] = await db.select({ nodes: sql<number>`numnode(${tsquery})` }).from(sql`(select 1) as probe`);
  if (!row || Number(row.nodes) === 0) {
    throw new AppError('VALIDATION_FAILED', 'The search has no words to look for.', {
      fields: [
        { path: 'querystring.q', message: 'has no words to search for (only punctuation or common words)' },
      ],
    });
  }
}

async function searchArm(db: Db, arm: Arm, tsquery: SQL, mine: SQL, limit: number) {
  const vector = sql`to_tsvector('english', ${arm.document})`;
  const columns = {
    meetingId: meetings.id,
    startsAt: meetings.startsAt,
    leaderId: meetings.leaderId,
    reportId: meetings.reportId,
    title: arm.title ? sql<string>`${arm.title}` : sql<null>`null`,
    rank: sql<number>`ts_rank(${vector}, ${tsquery})::float8`,
    headline: sql<string>`ts_headline('english', translate(${arm.document}, ${MATCH_START + MATCH_END}, ''), ${tsquery}, ${HEADLINE_OPTIONS})`,
  };
  const where = and(mine, sql`${vector} @@ ${tsquery}`);
  const order = [desc(sql`ts_rank(${vector}, ${tsquery})`), desc(meetings.startsAt)];
  const rows = await db
    .select(columns)
    .from(arm.table)
    .innerJoin(meetings, eq(meetings.id, arm.meetingId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
  return rows.map((row) => ({ ...row, kind: arm.kind, rank: Number(row.rank) }));
}

/** Splits a ts_headline result into plain parts, the matched words flagged. */
export function snippetParts(headline: string): SearchHit['snippet'] {
  const parts: SearchHit['snippet'] = [];
  for (const [index, piece] of headline.split(MATCH_START).entries()) {
    const [matched, rest] = index === 0 ? [null, piece] : splitOnce(piece, MATCH_END);
    if (matched) parts.push({ text: matched, isMatch: true });
    if (rest) parts.push({ text: rest, isMatch: false });
  }
  return parts;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
