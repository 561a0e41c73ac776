import { instantToWallClock, isKnownTimeZone } from '../../../core/calendar/zoned-time.ts';
import { isOverdue } from '../../../core/meetings/follow-through.ts';
import { digestMail } from './reminder-mails.ts';
import type { SweepContext, SweepResult } from './reminder-sweep.ts';
import {
  claimNotification,
  findDigestRecipients,
  findNames,
  findOpenStepsOfPeople,
  findSentKeys,
  type OpenStep,
  type Recipient,
} from './sweep-queries.ts';
import type { SweepLog } from './webhook.ts';

/** The digest goes out on Monday from this local hour on, so it is there when the week starts. */
export const DIGEST_HOUR = 7;
const HOUR_MS = 3_600_000;

/** Mails each person, on Monday morning in their own zone, their open next steps, overdue first. */
export async function sendDigests(ctx: SweepContext, now: Date, log: SweepLog, result: SweepResult) {
  if (!isMondayMorningSomewhere(now)) return;
  const candidates = (await findDigestRecipients(ctx.db)).flatMap((recipient) => {
    const local = instantToWallClock(now, zoneOf(recipient));
    const isMondayMorning =
      new Date(`${local.date}T00:00:00Z`).getUTCDay() === 1 && Number(local.time.slice(0, 2)) >= DIGEST_HOUR;
    // The Monday's date in the key makes the digest weekly: one per person per Monday.
    return isMondayMorning ? [{ recipient, key: `digest:${recipient.personId}:${local.date}` }] : [];
  });
  if (candidates.length === 0) return;
  const sent = await findSentKeys(
    ctx.db,
    candidates.map((candidate) => candidate.key),
  );
  const pending = candidates.filter((candidate) => !sent.has(candidate.key));
  const stepsByPerson = groupByPerson(
    await findOpenStepsOfPeople(
      ctx.db,
      pending.map((candidate) => candidate.recipient.personId),
    ),
  );
  const names = await findNames(
    ctx.db,
    [...stepsByPerson.values()].flat().flatMap((step) => [step.leaderId, step.reportId]),
  );
  for (const { recipient, key } of pending) {
    const steps = stepsByPerson.get(recipient.personId) ?? [];
    // Nothing open, nothing to say: an empty digest teaches people to ignore the next one.
    if (steps.length === 0) continue;
    try {
      if (!(await claimNotification(ctx.db, key, recipient.organizationId, 'email', now))) continue;
      const mail = digestMail({
        recipientName: recipient.name,
        steps: orderForDigest(steps, recipient.personId, names, localToday(now, recipient)),
        link: `${ctx.publicUrl}/o/${encodeURIComponent(recipient.slug)}/next-steps`,
      });
      // Filed under no organization, like reminders: next steps are the participants' business.
      await ctx.mailer.send({
        organizationId: null,
        to: recipient.email,
        subject: mail.subject,
        text: mail.text,
        kind: 'next-steps-digest',
      });
      result.digests++;
    } catch (error) {
      result.failures++;
      log.error({ err: error, key }, 'could not send a next-steps digest');
    }
  }
}

function orderForDigest(steps: OpenStep[], personId: string, names: Map<string, string>, today: string) {
  return steps
    .map((step) => ({
      title: step.title,
      ownerName: step.ownerId ? (names.get(step.ownerId) ?? null) : null,
      dueDate: step.dueDate,
      isOverdue: isOverdue({ status: 'open', dueDate: step.dueDate, completedAt: null }, today),
      withName: names.get(step.leaderId === personId ? step.reportId : step.leaderId) ?? 'a former member',
    }))
    .sort(
      (a, b) =>
        Number(b.isOverdue) - Number(a.isOverdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
    );
}

function groupByPerson(steps: OpenStep[]): Map<string, OpenStep[]> {
  const byPerson = new Map<string, OpenStep[]>();
  const add = (personId: string, step: OpenStep) =>
    byPerson.set(personId, [...(byPerson.get(personId) ?? []), step]);
  for (const step of steps) {
    if (step.ownerId) add(step.ownerId, step);
    else {
      add(step.leaderId, step);
      add(step.reportId, step);
    }
  }
  return byPerson;
}

function zoneOf(recipient: Recipient): string {
  return isKnownTimeZone(recipient.timeZone) ? recipient.timeZone : 'UTC';
}

function localToday(now: Date, recipient: Recipient): string {
  return instantToWallClock(now, zoneOf(recipient)).date;
}

/** Whether it is Monday from 07:00 in any zone on Earth (UTC−12 to UTC+14); most sweeps stop here. */
function isMondayMorningSomewhere(now: Date): boolean {
  for (let offset = -12; offset <= 14; offset++) {
    const shifted = new Date(now.getTime() + offset * HOUR_MS);
    if (shifted.getUTCDay() === 1 && shifted.getUTCHours() >= DIGEST_HOUR - 1) return true;
  }
  return false;
}
