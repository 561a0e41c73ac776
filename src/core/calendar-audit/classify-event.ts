/** The classes of a leader's hours, as the calendar audit counts them. */
export const eventClasses = ['one-on-one', 'status', 'strategy', 'external', 'focus', 'other'] as const;
export type EventClass = (typeof eventClasses)[number];

/** What the classifier reads of an occurrence. */
export interface ClassifiableEvent {
  title: string;
  start: Date;
  end: Date;
  attendees: Array<{ email: string; name?: string }>;
}

/** One of the owner's Tandem 1:1s that this occurrence is, found by time. */
export interface MatchedMeeting {
  withName: string;
}

export interface ClassifyContext {
  /** The owner's addresses, so "the other people" leaves them out. */
  selfEmails: string[];
  /** Email domains of the organization's people; anyone else is external. */
  organizationDomains: string[];
  matchedMeeting?: MatchedMeeting | null;
}

export interface Classification {
  eventClass: EventClass;
  /** The rule that matched, in words, shown to the owner beside the event. */
  rule: string;
}

/** The rules in the order they are tried, as the owner reads them beside the summary. */
export const classificationRules = [
  'A one-on-one when it is one of your Tandem 1:1s by time (at most two people, the other one invited, starting within 30 minutes).',
  'Focus when no one else is invited and the title says focus, deep work or heads-down, or when it is a block of 2 hours or more named block, hold, thinking time, writing or prep.',
  'External when anyone invited has an email domain none of the organization’s people has.',
  'A one-on-one when the title says 1:1, 1-on-1, one on one or “sync with” a name.',
  'Strategy when the title says planning, strategy, roadmap, OKR, offsite, QBR, vision or retro.',
  'A one-on-one when exactly two people are invited: you and one other.',
  'Status when the title says standup, status, update, sync, check-in, weekly ops, ops or metrics review, numbers or pipeline review.',
  'Other when no rule matches. Declined, cancelled and all-day events are not audited.',
];

const ONE_ON_ONE_TITLE = /\b1\s*[:-]\s*1\b|\b1\s*-?\s*on\s*-?\s*1\b|\bone[\s-]+on[\s-]+one\b|\b1on1\b/i;
const SYNC_WITH_NAME = /\b[Ss]ync(?:\s+up)?\s+with\s+\p{Lu}\p{L}+/u;
const STRATEGY =
  /\b(planning|plan|strategy|strategic|roadmap|okrs?|offsite|off-site|qbr|quarterly business review|retro|retrospective|vision|annual plan)\b/i;
const STATUS =
  /\b(stand-?up|status|updates?|sync|check-?in|weekly ops|ops review|operations review|metrics review|kpi review|numbers|pipeline review|forecast review|business review|wbr|mbr)\b/i;
const FOCUS = /\b(focus|deep work|heads[\s-]down|no meetings|maker time)\b/i;
const BLOCK = /\b(block|blocked|hold|thinking time|writing|prep|preparation)\b/i;
const FOCUS_BLOCK_MINUTES = 120;

/**
 * The class of one calendar occurrence, with the rule that chose it in words. Rules are tried in
 * order: a Tandem 1:1 at that time, focus time, outside attendees, 1:1 titles, strategy words,
 * exactly two people, status words; anything else is `other`.
 */
export function classifyEvent(event: ClassifiableEvent, context: ClassifyContext): Classification {
  const self = new Set(context.selfEmails.map((email) => email.toLowerCase()));
  const others = event.attendees.filter((attendee) => !self.has(attendee.email.toLowerCase()));
  const title = event.title;
  const minutes = (event.end.getTime() - event.start.getTime()) / 60_000;

  if (context.matchedMeeting)
    return oneOnOne(`Matches your Tandem 1:1 with ${context.matchedMeeting.withName} at the same time`);
  if (others.length === 0 && FOCUS.test(title))
    return { eventClass: 'focus', rule: `No one else invited and the title says “${match(FOCUS, title)}”` };
  if (others.length === 0 && minutes >= FOCUS_BLOCK_MINUTES && BLOCK.test(title))
    return {
      eventClass: 'focus',
      rule: `A block of ${formatHours(minutes)} with no one else invited, named “${match(BLOCK, title)}”`,
    };
  const outside = externalDomains(others, context.organizationDomains);
  if (outside.length > 0)
    return {
      eventClass: 'external',
      rule: `Attendees from outside the organization (${outside.join(', ')})`,
    };
  if (ONE_ON_ONE_TITLE.test(title)) return oneOnOne(`The title says “${match(ONE_ON_ONE_TITLE, title)}”`);
  if (SYNC_WITH_NAME.test(title)) return oneOnOne(`The title says “${match(SYNC_WITH_NAME, title)}”`);
  if (STRATEGY.test(title))
    return { eventClass: 'strategy', rule: `The title says “${match(STRATEGY, title)}”` };
  if (others.length === 1) {
    const other = others[0]!;
    return oneOnOne(`Two people: you and ${other.name?.trim() || other.email}`);
  }
  if (STATUS.test(title)) return { eventClass: 'status', rule: `The title says “${match(STATUS, title)}”` };
  return {
    eventClass: 'other',
    rule:
      others.length === 0
        ? 'No rule matched: no one else invited and no telling word in the title'
        : 'No rule matched the title or the attendees',
  };
}

/** The email domains of an organization's people, lower-cased and each once. */
export function organizationDomainsOf(emails: string[]): string[] {
  return [
    ...new Set(emails.map((email) => email.split('@')[1]?.trim().toLowerCase() ?? '').filter(Boolean)),
  ].sort();
}

/** Whether an occurrence has anyone from outside the organization's domains. */
export function hasExternalAttendees(event: ClassifiableEvent, organizationDomains: string[]): boolean {
  return externalDomains(event.attendees, organizationDomains).length > 0;
}

function externalDomains(attendees: Array<{ email: string }>, organizationDomains: string[]): string[] {
  // With no known domains nobody can be told apart as external.
  if (organizationDomains.length === 0) return [];
  const inside = new Set(organizationDomains.map((domain) => domain.toLowerCase()));
  const outside = attendees
    .map((attendee) => attendee.email.split('@')[1]?.toLowerCase() ?? '')
    .filter((domain) => domain !== '' && !inside.has(domain));
  return [...new Set(outside)].sort();
}

function oneOnOne(rule: string): Classification {
  return { eventClass: 'one-on-one', rule };
}

function match(pattern: RegExp, title: string): string {
  return pattern.exec(title)?.[0] ?? title;
}

function formatHours(minutes: number): string {
  const hours = minutes / 60;
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}
