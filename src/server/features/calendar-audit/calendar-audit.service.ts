import type { z } from 'zod';
import type {
  CalendarAuditEventView,
  CalendarAuditImported,
  CalendarAuditInput,
  CalendarAuditListItem,
  CalendarAuditSummary,
} from '../../../contracts/calendar-audit.ts';
import { auditPeriodOf } from '../../../core/calendar-audit/audit-period.ts';
import {
  classificationRules,
  classifyEvent,
  type EventClass,
  hasExternalAttendees,
  organizationDomainsOf,
} from '../../../core/calendar-audit/classify-event.ts';
import { findMatchingMeeting } from '../../../core/calendar-audit/match-meeting.ts';
import { parseCalendar } from '../../../core/calendar-audit/parse-calendar.ts';
import { summarizeAudit } from '../../../core/calendar-audit/summarize-audit.ts';
import { AppError } from '../../../core/errors.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { requirePerson } from '../meetings/meeting-access.ts';
import * as repository from './calendar-audit.repository.ts';
import { fetchCalendarFeed } from './fetch-calendar-feed.ts';

export interface ImportOptions {
  /** Hosts whose feeds may be fetched over plain http. */
  trustedHttpHosts: string[];
  now?: Date;
}

// Tandem 1:1s just outside the period can still match an occurrence at its edge.
const MATCH_MARGIN_MS = 60 * 60_000;

/**
 * Imports a calendar (an .ics text or file, or a feed URL) for a period, classifies every
 * occurrence and stores the audit with its events in one transaction: a file that cannot be read
 * stores nothing.
 */
export async function importCalendarAudit(
  db: Db,
  tenant: Tenant,
  input: CalendarAuditInput,
  options: ImportOptions,
): Promise<z.infer<typeof CalendarAuditImported>> {
  const ownerId = requirePerson(tenant);
  const owner = await repository.findOwner(db, tenant.organizationId, ownerId);
  if (!owner) throw new AppError('NOT_FOUND', 'You are not in this organization’s directory.');
  const timeZone = input.timeZone ?? owner.timeZone;
  const period = auditPeriodOf(input, timeZone, options.now);
  const text = await readSource(input, options);
  const selfEmails = [owner.email, owner.accountEmail].filter((email): email is string => Boolean(email));
  const parsed = parseCalendar(text, { period, timeZone, selfEmails });
  const organizationDomains = organizationDomainsOf(
    await repository.listOrganizationEmails(db, tenant.organizationId),
  );
  const slots = await repository.listMeetingSlots(db, tenant.organizationId, ownerId, {
    start: new Date(period.start.getTime() - MATCH_MARGIN_MS),
    end: new Date(period.end.getTime() + MATCH_MARGIN_MS),
  });
  const events = parsed.occurrences.map((occurrence) => {
    const matched = findMatchingMeeting(occurrence, slots);
    const { eventClass, rule } = classifyEvent(occurrence, {
      selfEmails,
      organizationDomains,
      matchedMeeting: matched,
    });
    return {
      organizationId: tenant.organizationId,
      uid: occurrence.uid.slice(0, 1000),
      title: occurrence.title.slice(0, 500),
      startsAt: occurrence.start,
      endsAt: occurrence.end,
      attendeeCount: occurrence.attendees.length,
      hasExternalAttendees: hasExternalAttendees(occurrence, organizationDomains),
      isRecurring: occurrence.isRecurring,
      eventClass,
      rule,
      meetingId: matched?.id ?? null,
    };
  });
  const audit = await db.transaction((tx) =>
    repository.insertAudit(
      tx,
      {
        organizationId: tenant.organizationId,
        ownerId,
        sourceName: input.sourceName ?? sourceNameOf(input),
        periodStart: period.start,
        periodEnd: period.end,
        timeZone,
      },
      events,
    ),
  );
  const summary = await summaryOf(db, audit);
  return { ...summary, leftOut: parsed.leftOut, unknownTimeZones: parsed.unknownTimeZones };
}

async function readSource(input: CalendarAuditInput, options: ImportOptions): Promise<string> {
  if (input.url !== undefined)
    return fetchCalendarFeed(input.url, { trustedHttpHosts: options.trustedHttpHosts });
  if (input.base64 !== undefined) {
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length > 10 * 1024 * 1024)
      throw new AppError('PAYLOAD_TOO_LARGE', 'The calendar file is over 10 MB.');
    return bytes.toString('utf8');
  }
  return input.text!;
}

function sourceNameOf(input: CalendarAuditInput): string {
  if (input.url) return `Feed from ${new URL(input.url).hostname}`;
  return 'Uploaded calendar';
}

/** My calendar audits, newest first. */
export async function listMyAudits(
  db: Db,
  tenant: Tenant,
): Promise<Array<z.infer<typeof CalendarAuditListItem>>> {
  const rows = await repository.listOwnAudits(db, tenant.organizationId, requirePerson(tenant));
  return rows.map(({ audit, eventCount }) => ({
    id: audit.id,
    sourceName: audit.sourceName,
    periodStart: audit.periodStart.toISOString(),
    periodEnd: audit.periodEnd.toISOString(),
    timeZone: audit.timeZone,
    eventCount,
    createdAt: audit.createdAt.toISOString(),
  }));
}

/** An audit of mine; anyone else, admins included, is told it does not exist. */
async function getOwnAudit(db: Db, tenant: Tenant, auditId: string): Promise<repository.AuditRow> {
  const audit = tenant.personId
    ? await repository.findOwnAudit(db, tenant.organizationId, tenant.personId, auditId)
    : null;
  if (!audit) throw new AppError('NOT_FOUND', 'No such calendar audit of yours.');
  return audit;
}

export async function getAuditSummary(
  db: Db,
  tenant: Tenant,
  auditId: string,
): Promise<CalendarAuditSummary> {
  return summaryOf(db, await getOwnAudit(db, tenant, auditId));
}

async function summaryOf(db: Db, audit: repository.AuditRow): Promise<CalendarAuditSummary> {
  const rows = await repository.listAuditEvents(db, audit.id);
  const verdicts = await repository.findVerdicts(
    db,
    audit.organizationId,
    audit.ownerId,
    rows.flatMap((row) => (row.meetingId ? [row.meetingId] : [])),
  );
  const summary = summarizeAudit(
    rows.map((row) => ({
      start: row.startsAt,
      end: row.endsAt,
      eventClass: row.eventClass as EventClass,
      attendeeCount: row.attendeeCount,
      meetingId: row.meetingId,
    })),
    verdicts,
    { timeZone: audit.timeZone, period: { start: audit.periodStart, end: audit.periodEnd } },
  );
  return {
    id: audit.id,
    sourceName: audit.sourceName,
    periodStart: audit.periodStart.toISOString(),
    periodEnd: audit.periodEnd.toISOString(),
    timeZone: audit.timeZone,
    createdAt: audit.createdAt.toISOString(),
    eventCount: rows.length,
    total: summary.total,
    weeks: summary.weeks,
    rules: classificationRules,
  };
}

/** The audit's raw events: the owner's alone. */
export async function listEvents(
  db: Db,
  tenant: Tenant,
  auditId: string,
): Promise<Array<z.infer<typeof CalendarAuditEventView>>> {
  const audit = await getOwnAudit(db, tenant, auditId);
  const rows = await repository.listAuditEvents(db, audit.id);
  const verdicts = await repository.findVerdicts(
    db,
    audit.organizationId,
    audit.ownerId,
    rows.flatMap((row) => (row.meetingId ? [row.meetingId] : [])),
  );
  return rows.map((row) => toEventView(row, verdicts));
}

/** The owner sets an event's class by hand; the summary follows. */
export async function reclassifyEvent(
  db: Db,
  tenant: Tenant,
  auditId: string,
  eventId: string,
  eventClass: EventClass,
): Promise<z.infer<typeof CalendarAuditEventView>> {
  const audit = await getOwnAudit(db, tenant, auditId);
  const row = await repository.updateEventClass(db, audit.id, eventId, eventClass);
  if (!row) throw new AppError('NOT_FOUND', 'No such event in this calendar audit.');
  const verdicts = await repository.findVerdicts(
    db,
    audit.organizationId,
    audit.ownerId,
    row.meetingId ? [row.meetingId] : [],
  );
  return toEventView(row, verdicts);
}

export async function deleteAudit(db: Db, tenant: Tenant, auditId: string): Promise<void> {
  const audit = await getOwnAudit(db, tenant, auditId);
  await repository.deleteAudit(db, audit.id);
}

function toEventView(
  row: repository.AuditEventRow,
  verdicts: Map<string, 'coaching' | 'mixed' | 'check-in' | null>,
): z.infer<typeof CalendarAuditEventView> {
  return {
    id: row.id,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    attendeeCount: row.attendeeCount,
    hasExternalAttendees: row.hasExternalAttendees,
    isRecurring: row.isRecurring,
    eventClass: row.eventClass as EventClass,
    rule: row.rule,
    isClassSetByHand: row.isClassSetByHand,
    meetingId: row.meetingId,
    verdict: row.meetingId ? (verdicts.get(row.meetingId) ?? null) : null,
  };
}
