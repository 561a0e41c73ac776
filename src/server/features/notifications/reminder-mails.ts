import { isKnownTimeZone } from '../../../core/calendar/zoned-time.ts';

export interface StepLine {
  title: string;
  ownerName: string | null;
  dueDate: string | null;
  isOverdue: boolean;
}

export interface ReminderInput {
  recipientName: string;
  recipientZone: string;
  role: 'leader' | 'report';
  otherName: string;
  startsAt: Date;
  meetingLink: string;
  agenda: Array<{ title: string; authorName: string | null }>;
  hasStatusUpdate: boolean;
  openSteps: StepLine[];
}

export interface DigestInput {
  recipientName: string;
  /** Overdue first, then by due date. */
  steps: Array<StepLine & { withName: string }>;
  link: string;
}

export interface MailText {
  subject: string;
  text: string;
}

const FOOTER =
  'You get this because reminders are on in Tandem. Switch them off, or send them to a chat webhook, in your notification settings.';

/**
 * The day-before reminder. The report is asked for their status first, so the 1:1 itself can go
 * to what status updates crowd out; both are asked for topics, with what is already there.
 */
export function reminderMail(input: ReminderInput): MailText {
  const when = formatMeetingTime(input.startsAt, input.recipientZone);
  const shortWhen = formatMeetingTime(input.startsAt, input.recipientZone, true);
  const ask =
    input.role === 'report'
      ? input.hasStatusUpdate
        ? 'add your topics'
        : 'post your status and add your topics'
      : 'add your topics';
  const intro =
    input.role === 'report'
      ? input.hasStatusUpdate
        ? 'Your status is posted. Add the topics you want to talk about, so the time goes to what matters to you:'
        : 'Post your status (wins, in progress, blocked) before you meet, so the 1:1 is not spent on it, and add the topics you want to talk about:'
      : `Add the topics you want to talk about. ${input.otherName} ${input.hasStatusUpdate ? 'has posted a status update, so you can skip the status round.' : 'has not posted a status update yet.'}`;
  const lines = [
    `Hello ${input.recipientName},`,
    '',
    `Your 1:1 with ${input.otherName} is on ${when}.`,
    '',
    intro,
    input.meetingLink,
    '',
    'On the agenda so far:',
    ...(input.agenda.length === 0
      ? ['- nothing yet']
      : input.agenda.map((item) => `- ${item.title}${item.authorName ? ` (${item.authorName})` : ''}`)),
    '',
    'Open next steps of the two of you:',
    ...(input.openSteps.length === 0 ? ['- none'] : input.openSteps.map(stepLine)),
    '',
    FOOTER,
  ];
  return {
    subject: `1:1 with ${input.otherName}, ${shortWhen}: ${ask}`,
    text: `${lines.join('\n')}\n`,
  };
}

/** The Monday digest of a person's open next steps, overdue ones first. */
export function digestMail(input: DigestInput): MailText {
  const overdue = input.steps.filter((step) => step.isOverdue).length;
  const count = `${input.steps.length} open next step${input.steps.length === 1 ? '' : 's'}`;
  const lines = [
    `Hello ${input.recipientName},`,
    '',
    `You have ${count}${overdue > 0 ? `, ${overdue} of them overdue` : ''}:`,
    '',
    ...input.steps.map((step) => `${stepLine(step)} (1:1 with ${step.withName})`),
    '',
    'Mark what is done, or agree a new date in your next 1:1:',
    input.link,
    '',
    FOOTER.replace('reminders are', 'the Monday digest is'),
  ];
  return {
    subject: `Your week: ${count}${overdue > 0 ? `, ${overdue} overdue` : ''}`,
    text: `${lines.join('\n')}\n`,
  };
}

function stepLine(step: StepLine): string {
  const owner = step.ownerName ?? 'no owner yet';
  const due = step.dueDate ? `, due ${step.dueDate}${step.isOverdue ? ' (overdue)' : ''}` : ', no due date';
  return `- ${step.title}: ${owner}${due}`;
}

/** "Wednesday 25 November at 09:30 CET" in the recipient's zone; "Wed 25 Nov, 09:30 CET" when short. */
export function formatMeetingTime(start: Date, timeZone: string, isShort = false): string {
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: isShort ? 'short' : 'long',
    day: 'numeric',
    month: isShort ? 'short' : 'long',
  }).format(start);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(start);
  return `${date}${isShort ? ',' : ' at'} ${time}`;
}
