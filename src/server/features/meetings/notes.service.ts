import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { TextSealer } from '../../crypto/sealed-text.ts';
import type { Db } from '../../db/client.ts';
import { privateNotes, sharedNotes, statusUpdates } from '../../db/schema-meetings.ts';
import { findPersonRefs, getOwnMeeting, refOf } from './meeting-access.ts';

export interface StatusUpdateFields {
  wins: string;
  inProgress: string;
  blocked: string;
}

export async function findStatusUpdate(db: Db, tenant: Tenant, meetingId: string) {
  const [row] = await db.select().from(statusUpdates).where(eq(statusUpdates.meetingId, meetingId)).limit(1);
  if (!row) return null;
  const refs = await findPersonRefs(db, tenant.organizationId, [row.authorId]);
  return {
    wins: row.wins,
    inProgress: row.inProgress,
    blocked: row.blocked,
    authorName: refOf(refs, row.authorId).name,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Status goes async: the report posts it before the meeting, and both read it beforehand. */
export async function saveStatusUpdate(
  db: Db,
  tenant: Tenant,
  meetingId: string,
  fields: StatusUpdateFields,
) {
  const { meeting, role } = await getOwnMeeting(db, tenant, meetingId);
  if (role !== 'report')
    throw new AppError(
      'FORBIDDEN',
      'The status update is the report’s to write; add an agenda item instead.',
    );
  await db
    .insert(statusUpdates)
    .values({
      meetingId: meeting.id,
      organizationId: tenant.organizationId,
      authorId: tenant.personId!,
      ...fields,
    })
    .onConflictDoUpdate({ target: statusUpdates.meetingId, set: { ...fields, updatedAt: new Date() } });
  return (await findStatusUpdate(db, tenant, meeting.id))!;
}

export async function getSharedNotes(db: Db, tenant: Tenant, meetingId: string) {
  const [row] = await db.select().from(sharedNotes).where(eq(sharedNotes.meetingId, meetingId)).limit(1);
  if (!row) return { body: '', version: 0, updatedByName: null, updatedAt: null };
  const refs = row.updatedById
    ? await findPersonRefs(db, tenant.organizationId, [row.updatedById])
    : new Map();
  return {
    body: row.body,
    version: row.version,
    updatedByName: row.updatedById ? refOf(refs, row.updatedById).name : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Saves the shared notes when nobody saved since `baseVersion`; otherwise answers CONFLICT with
 * the current text, so two people editing at once never silently lose each other's words.
 */
export async function saveSharedNotes(
  db: Db,
  tenant: Tenant,
  meetingId: string,
  body: string,
  baseVersion: number,
) {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  const saved = await db.transaction(async (tx) => {
    await tx
      .insert(sharedNotes)
      .values({ meetingId: meeting.id, organizationId: tenant.organizationId })
      .onConflictDoNothing();
    return tx
      .update(sharedNotes)
      .set({
        body,
        version: sql`${sharedNotes.version} + 1`,
        updatedById: tenant.personId,
        updatedAt: new Date(),
      })
      .where(and(eq(sharedNotes.meetingId, meeting.id), eq(sharedNotes.version, baseVersion)))
      .returning({ version: sharedNotes.version });
  });
  const current = await getSharedNotes(db, tenant, meeting.id);
  if (saved.length === 0) {
    throw new AppError(
      'CONFLICT',
      `${current.updatedByName ?? 'Someone'} saved the notes meanwhile. Merge your changes into their version.`,
      {
        details: { current },
      },
    );
  }
  return current;
}

function noteContext(meetingId: string, userId: string) {
  return `private-note:${meetingId}:${userId}`;
}

/** A private note is read by its author alone, and stored sealed. */
export async function getPrivateNote(db: Db, sealer: TextSealer, userId: string, meetingId: string) {
  const [row] = await db
    .select()
    .from(privateNotes)
    .where(and(eq(privateNotes.meetingId, meetingId), eq(privateNotes.authorUserId, userId)))
    .limit(1);
  return openPrivateNote(sealer, meetingId, userId, row ?? null);
}

/** A stored private note as its author reads it; none stored reads as an empty note. */
export function openPrivateNote(
  sealer: TextSealer,
  meetingId: string,
  userId: string,
  row: { ciphertext: string; updatedAt: Date } | null,
) {
  if (!row) return { body: '', updatedAt: null };
  return {
    body: sealer.open(row.ciphertext, noteContext(meetingId, userId)),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The caller's own private note on a 1:1 they take part in. */
export async function readPrivateNote(
  db: Db,
  sealer: TextSealer,
  tenant: Tenant,
  userId: string,
  meetingId: string,
) {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  return getPrivateNote(db, sealer, userId, meeting.id);
}

export async function savePrivateNote(
  db: Db,
  sealer: TextSealer,
  tenant: Tenant,
  userId: string,
  meetingId: string,
  body: string,
) {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  const ciphertext = sealer.seal(body, noteContext(meeting.id, userId));
  await db
    .insert(privateNotes)
    .values({
      organizationId: tenant.organizationId,
      meetingId: meeting.id,
      authorUserId: userId,
      ciphertext,
    })
    .onConflictDoUpdate({
      target: [privateNotes.meetingId, privateNotes.authorUserId],
      set: { ciphertext, updatedAt: new Date() },
    });
  return getPrivateNote(db, sealer, userId, meeting.id);
}
