import type { Utterance } from '../transcripts/types.ts';
import type { Act, Topic } from './labels.ts';
import { buildTalkTurns, labelTurns, type Turn } from './metrics-turns.ts';

// Meetings written for the tests of the analysis: short, but shaped like real 1:1s.

/** Utterances from [speaker, text] lines; timed at `secondsPerTurn` per turn unless it is null. */
export function conversation(
  lines: ReadonlyArray<readonly [string, string]>,
  secondsPerTurn: number | null = 10,
): Utterance[] {
  return lines.map(([speaker, text], i) => ({
    speaker,
    text,
    start: secondsPerTurn === null ? null : i * secondsPerTurn,
    end: secondsPerTurn === null ? null : (i + 1) * secondsPerTurn - 1,
  }));
}

/** Labelled turns from [speaker, text, act, topic] lines, with the given leader. */
export function labelledTurns(
  lines: ReadonlyArray<readonly [string, string, Act, Topic]>,
  leader: string,
): Turn[] {
  const utterances = conversation(lines.map(([speaker, text]) => [speaker, text] as const));
  const labels = lines.map(([, , act, topic]) => ({ act, topic }));
  return labelTurns(buildTalkTurns(utterances, leader), labels);
}

/** A status round: the leader asks for updates and hands out tasks. */
export const checkInLines: ReadonlyArray<readonly [string, string]> = [
  ['Dana', 'Okay, let’s go through the list. Is the billing migration done?'],
  ['Lee', 'Not yet. Two tickets are still open.'],
  [
    'Dana',
    'You need to close those this week. The release is on Thursday and finance needs the numbers. I want the dashboard updated too, and make sure QA signs off before you merge anything.',
  ],
  ['Lee', 'Okay.'],
  ['Dana', 'Did you send the invoice report?'],
  ['Lee', 'Yes, on Monday.'],
  [
    'Dana',
    'Good. Next, the vendor contract. Legal has the draft, so ping them tomorrow and push for a signature. Also update the Jira board, it is behind again, and move the backlog items to the next sprint.',
  ],
  ['Lee', 'Sure.'],
  ['Dana', 'Are the deploy scripts fixed?'],
  ['Lee', 'Mostly, one step still fails on staging.'],
  [
    'Dana',
    'Fix that first, then the pipeline. I’ll tell ops the launch date holds. Send me the status update by Friday.',
  ],
  ['Lee', 'Will do.'],
];

/** A coaching 1:1: the leader reviews last steps, asks open questions, reflects, and the report plans. */
export const coachingLines: ReadonlyArray<readonly [string, string]> = [
  ['Sam', 'Last time you said you would draft the hiring plan. How did that go?'],
  [
    'Alex',
    'I drafted most of it, but I got stuck on the budget section. I’m not sure whether we can afford a senior hire next quarter, and I kept going back and forth.',
  ],
  ['Sam', 'So the budget is where it stalls. What options do you see?'],
  [
    'Alex',
    'Either two juniors or one senior. I lean towards the senior, because the team needs someone who can own the platform work without me.',
  ],
  ['Sam', 'What makes the senior option feel right to you?'],
  [
    'Alex',
    'Honestly, I’m afraid I won’t have time to mentor two juniors. I don’t feel confident I can coach two people at once while I learn to lead the team.',
  ],
  ['Sam', 'It sounds like you doubt you can grow people and lead at the same time.'],
  [
    'Alex',
    'Yes, that’s it. I want to become a better manager, but I keep assuming I have to do everything myself.',
  ],
  ['Sam', 'What would an owner of this team do here?'],
  [
    'Alex',
    'Probably ask for help. I could pair with Priya, she has mentored juniors before, and I could take the leadership course in the spring.',
  ],
  ['Sam', 'What will you do next, and by when?'],
  [
    'Alex',
    'I’ll talk to Priya this week, and I’ll send you the revised hiring plan with both options by Friday.',
  ],
  ['Sam', 'Sounds good. What would help you most from me?'],
  ['Alex', 'Honest feedback on the plan once it’s done.'],
];
