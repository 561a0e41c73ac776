import pino from 'pino';
import { isOverdue } from '../../../core/meetings/follow-through.ts';
import type { AppContext } from '../../context.ts';
import { pruneAuditEvents } from '../audit/audit.service.ts';
import { meetingLink } from '../calendar/calendar-events.service.ts';
import { generateMeetings } from '../meetings/series.service.ts';
import { sendDigests } from './digest.ts';
import { type MailText, reminderMail } from './reminder-mails.ts';
import {
  claimNotification,
  type DueMeeting,
  findMeetingsStartingBetween,
  findNames,
  findOpenStepsOfPair,
  findPreparation,
  findRecipients,
  findSentKeys,
  findSeriesRunningOut,
  type Recipient,
} from './sweep-queries.ts';
import { postToWebhook, type SweepLog } from './webhook.ts';

/** What a sweep needs: the CLI builds it without the HTTP app. */
export type SweepContext = Pick<AppContext, 'db' | 'mailer' | 'publicUrl'> & {
  env: Pick<AppContext['env'], 'TANDEM_WEBHOOK_PRIVATE_HOSTS'>;
};

export interface SweepResult {
  reminders: number;
  digests: number;
  webhooks: number;
  /** Notifications that were claimed but could not be delivered (logged, not retried). */
  failures: number;
}

export interface SweepOptions {
  log?: SweepLog;
}

const HOUR_MS = 3_600_000;
/** A 1:1 is reminded of once it is a day away… */
export const REMINDER_LEAD_MS = 24 * HOUR_MS;
/** …unless it was planned so late that less than an hour is left to prepare. */
export const REMINDER_CUTOFF_MS = HOUR_MS;

/**
 * Sends what is due at `now`: the day-before reminder of each scheduled 1:1 to both participants
 * (and their webhooks), and on Monday morning the digest of open next steps. Every notification
 * is first claimed in `sent_notifications`, so sweeps running at once on several app servers, or
 * again a minute later, send each one exactly once. It also forgets audit events past their
 * retention.
 */
export async function runReminderSweep(
  ctx: SweepContext,
  now = new Date(),
  options: SweepOptions = {},
): Promise<SweepResult> {
  const log = options.log ?? pino({ name: 'reminders' }, pino.destination(2));
  const result: SweepResult = { reminders: 0, digests: 0, webhooks: 0, failures: 0 };
  await keepSeriesAhead(ctx, now, log);
  await sendReminders(ctx, now, log, result);
  await sendDigests(ctx, now, log, result);
  await pruneAuditEvents(ctx.db, now);
  return result;
}

interface ReminderJob {
  key: string;
  channel: 'email' | 'webhook';
  meeting: DueMeeting;
  recipient: Recipient;
  role: 'leader' | 'report';
}

async function sendReminders(ctx: SweepContext, now: Date, log: SweepLog, result: SweepResult) {
  const webhookOptions = { trustedPrivateHosts: hostList(ctx.env.TANDEM_WEBHOOK_PRIVATE_HOSTS) };
  const due = await findMeetingsStartingBetween(
    ctx.db,
    new Date(now.getTime() + REMINDER_CUTOFF_MS),
    new Date(now.getTime() + REMINDER_LEAD_MS),
  );
  if (due.length === 0) return;
  const recipients = await findRecipients(
    ctx.db,
    due.flatMap((meeting) => [meeting.leaderId, meeting.reportId]),
  );
  const jobs: ReminderJob[] = [];
  for (const meeting of due) {
    for (const [personId, role] of [
      [meeting.leaderId, 'leader'],
      [meeting.reportId, 'report'],
    ] as const) {
      const recipient = recipients.get(personId);
      if (!recipient?.isReminderEnabled) continue;
      const key = `reminder:${meeting.id}:${personId}`;
      jobs.push({ key, channel: 'email', meeting, recipient, role });
      if (recipient.webhookUrl)
        jobs.push({ key: `${key}:webhook`, channel: 'webhook', meeting, recipient, role });
    }
  }
  const sent = await findSentKeys(
    ctx.db,
    jobs.map((job) => job.key),
  );
  const contents = new Map<string, Promise<MeetingContent>>();
  for (const job of jobs.filter((candidate) => !sent.has(candidate.key))) {
    try {
      if (!(await claimNotification(ctx.db, job.key, job.meeting.organizationId, job.channel, now))) continue;
      if (!contents.has(job.meeting.id)) contents.set(job.meeting.id, meetingContent(ctx, job.meeting, now));
      const mail = reminderFor(job, await contents.get(job.meeting.id)!);
      if (job.channel === 'email') {
        // Filed under no organization: the mail names agenda topics and next steps, which only
        // the two participants may read, and an organization's outbox is read by its admins.
        await ctx.mailer.send({
          organizationId: null,
          to: job.recipient.email,
          subject: mail.subject,
          text: mail.text,
          kind: 'meeting-reminder',
        });
        result.reminders++;
      } else if (
        await postToWebhook(job.recipient.webhookUrl!, `${mail.subject}\n\n${mail.text}`, log, webhookOptions)
      ) {
        result.webhooks++;
      } else {
        result.failures++;
      }
    } catch (error) {
      result.failures++;
      log.error({ err: error, key: job.key }, 'could not send a 1:1 reminder');
    }
  }
}

interface MeetingContent {
  names: Map<string, string>;
  agenda: Array<{ title: string; authorName: string | null }>;
  hasStatusUpdate: boolean;
  openSteps: Array<{ title: string; ownerName: string | null; dueDate: string | null; isOverdue: boolean }>;
  link: string;
}

async function meetingContent(ctx: SweepContext, meeting: DueMeeting, now: Date): Promise<MeetingContent> {
  const today = now.toISOString().slice(0, 10);
  const [names, preparation, steps] = await Promise.all([
    findNames(ctx.db, [meeting.leaderId, meeting.reportId]),
    findPreparation(ctx.db, meeting.id),
    findOpenStepsOfPair(ctx.db, meeting),
  ]);
  return {
    names,
    ...preparation,
    openSteps: steps.map((step) => ({
      title: step.title,
      ownerName: step.ownerId ? (names.get(step.ownerId) ?? null) : null,
      dueDate: step.dueDate,
      isOverdue: isOverdue({ status: 'open', dueDate: step.dueDate, completedAt: null }, today),
    })),
    link: meetingLink(ctx.publicUrl, meeting.slug, meeting.id),
  };
}

function reminderFor(job: ReminderJob, content: MeetingContent): MailText {
  const otherId = job.role === 'leader' ? job.meeting.reportId : job.meeting.leaderId;
  return reminderMail({
    recipientName: job.recipient.name,
    recipientZone: job.recipient.timeZone,
    role: job.role,
    otherName: content.names.get(otherId) ?? 'your 1:1 partner',
    startsAt: job.meeting.startsAt,
    meetingLink: content.link,
    agenda: content.agenda,
    hasStatusUpdate: content.hasStatusUpdate,
    openSteps: content.openSteps,
  });
}

/**
 * Series are generated a few weeks ahead when someone opens Tandem; a pair that has not opened it
 * for a while still gets its reminders, because the sweep generates their next meetings too.
 */
async function keepSeriesAhead(ctx: SweepContext, now: Date, log: SweepLog) {
  for (const row of await findSeriesRunningOut(ctx.db, now)) {
    try {
      await generateMeetings(ctx.db, row, now);
    } catch (error) {
      log.error({ err: error, seriesId: row.id }, 'could not generate the next meetings of a series');
    }
  }
}

function hostList(value: string): string[] {
  return value
    .split(',')
    .map((host) => host.trim())
    .filter((host) => host !== '');
}
