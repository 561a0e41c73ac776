import type { FastifyRequest } from 'fastify';
import type { AuditEventsPage, AuditEventsQuery } from '../../../contracts/audit.ts';
import { AppError } from '../../../core/errors.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import * as repository from './audit.repository.ts';

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEventInput {
  /** Null or absent for account-wide events (sign-ins, tokens): accounts belong to no organization. */
  organizationId?: string | null;
  /** Who did it; null when nobody is known (a failed sign-in names only the address tried). */
  actor: { userId?: string | null; email?: string | null } | null;
  /** A dotted verb, e.g. `auth.sign_in`, `export.dashboard_csv`, `member.role_changed`. */
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  /** Small facts: a role before and after, a row count, a format. Never meeting text. */
  detail?: AuditDetail;
  ip?: string | null;
}

const MAX_DETAIL_TEXT = 200;

/** How long the log keeps an event: a little over a year, so a yearly review still finds it. */
export const AUDIT_RETENTION_DAYS = 400;

/** Forgets events older than the retention period; run by the periodic sweep. */
export async function pruneAuditEvents(db: Db, now = new Date()): Promise<number> {
  return repository.deleteEventsBefore(db, new Date(now.getTime() - AUDIT_RETENTION_DAYS * 86_400_000));
}

/**
 * Writes one audit event. The detail keeps only short primitive values: the log is read by owners
 * who must not find meeting text in it, so anything longer or nested is left out rather than
 * trusted to every caller.
 */
export async function recordAuditEvent(db: Db, event: AuditEventInput): Promise<void> {
  await repository.insertEvent(db, {
    organizationId: event.organizationId ?? null,
    actorUserId: event.actor?.userId ?? null,
    actorEmail: event.actor?.email?.toLowerCase() ?? null,
    action: event.action,
    subjectType: event.subjectType ?? null,
    subjectId: event.subjectId ?? null,
    detail: contentFree(event.detail ?? {}),
    ip: event.ip ?? null,
  });
}

/** Who did it and from where, as services receive it from their route. */
export interface AuditSource {
  actor: { userId: string; email: string } | null;
  ip: string | null;
}

export function auditSourceOf(request: FastifyRequest): AuditSource {
  return {
    actor: request.actor ? { userId: request.actor.userId, email: request.actor.email } : null,
    ip: request.ip,
  };
}

/**
 * Records an event of the caller of an authenticated route: actor, organization (when the route
 * is organization-scoped) and address come from the request.
 */
export async function recordRequestEvent(
  db: Db,
  request: FastifyRequest,
  event: Omit<AuditEventInput, 'actor' | 'ip' | 'organizationId'> & { organizationId?: string | null },
): Promise<void> {
  await recordAuditEvent(db, {
    ...event,
    organizationId:
      event.organizationId === undefined ? (request.tenant?.organizationId ?? null) : event.organizationId,
    ...auditSourceOf(request),
  });
}

/**
 * An admin or owner read another person's data by their role (not as a participant or manager):
 * one event naming the person and what was read.
 */
export async function recordAdminRead(
  db: Db,
  reader: AuditSource,
  tenant: Tenant,
  read: { what: string; subjectType: string; subjectId: string; detail?: AuditDetail },
): Promise<void> {
  await recordAuditEvent(db, {
    ...reader,
    organizationId: tenant.organizationId,
    action: 'admin.read_person_data',
    subjectType: read.subjectType,
    subjectId: read.subjectId,
    detail: { what: read.what, role: tenant.role, ...read.detail },
  });
}

function contentFree(detail: AuditDetail): AuditDetail {
  const kept: AuditDetail = {};
  for (const [key, value] of Object.entries(detail)) {
    if (value === null || typeof value === 'number' || typeof value === 'boolean') kept[key] = value;
    else if (typeof value === 'string' && value.length <= MAX_DETAIL_TEXT) kept[key] = value;
  }
  return kept;
}

/** The organization's audit log, newest first: its own events and its members' account events. */
export async function listAuditEvents(
  db: Db,
  tenant: Tenant,
  query: AuditEventsQuery,
): Promise<AuditEventsPage> {
  const rows = await repository.findEvents(db, tenant.organizationId, {
    action: query.action,
    actor: query.actor,
    since: query.since ? new Date(query.since) : undefined,
    until: query.until ? new Date(query.until) : undefined,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    events: page.map((row) => ({
      id: row.id,
      at: row.createdAt.toISOString(),
      action: row.action,
      actor: { userId: row.actorUserId, email: row.actorEmail },
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      detail: contentFree(row.detail as AuditDetail),
      ip: row.ip,
      isOrganizationEvent: row.organizationId !== null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.position, last.id) : null,
  };
}

function encodeCursor(position: string, id: string): string {
  return Buffer.from(`${position}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): repository.EventPosition {
  const [position, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const isValid =
    position && id && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(position) && /^[0-9a-f-]{36}$/.test(id);
  if (!isValid)
    throw new AppError('VALIDATION_FAILED', 'The cursor is not one this list gave out.', {
      fields: [{ path: 'querystring.cursor', message: 'must be the nextCursor of a previous page' }],
    });
  return { position, id };
}
