import type { Utterance } from '../transcripts/types.ts';
import type { Commitment } from './analysis-types.ts';
import {
  actionVerbs,
  clauseBreak,
  duePattern,
  imperativePattern,
  letMePattern,
  offerPattern,
  requestPattern,
  sharedPattern,
  weakVerbs,
  whOpening,
} from './commitments-patterns.ts';
import { sentences } from './metrics-text.ts';

interface Match {
  kind: 'offer' | 'shared' | 'request';
  due: string | null;
}

/**
 * Finds the commitments spoken in a meeting — "I'll send the draft by Friday", "Can you have it to
 * me by Tuesday?" — with who takes each on and the due phrase as said.
 */
export function extractCommitments(utterances: readonly Utterance[]): Commitment[] {
  const found: Commitment[] = [];
  const accepted = new Set<Commitment>();
  utterances.forEach((utterance, turn) => {
    const addressee = findAddressee(utterances, turn);
    for (const sentence of sentences(utterance.text)) {
      const match = matchCommitment(sentence);
      if (match === null) continue;
      const owners =
        match.kind === 'offer'
          ? [utterance.speaker]
          : match.kind === 'request'
            ? listOf(addressee)
            : [utterance.speaker, ...listOf(addressee)];
      if (owners.length === 0) continue;
      const request = findOpenRequest(found, utterance.speaker, turn);
      if (match.kind === 'offer' && request !== undefined && !accepted.has(request)) {
        // "Sure, I'll have it by Tuesday" answers "Can you…?": one step, proposed by whoever asked.
        request.due ??= match.due;
        accepted.add(request);
        continue;
      }
      found.push({
        text: sentence,
        owners,
        proposedBy: utterance.speaker,
        due: match.due,
        kind: match.kind === 'request' ? 'request' : 'offer',
        turn,
        start: utterance.start,
        source: 'transcript',
      });
    }
  });
  return found;
}

const noteLine = /^\s*(?:[-*•]|\d+[.)]|\[[ x]\])?\s*(.+)$/i;
const namedOwner =
  /^([A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+)?)(?: will| to|'ll|’ll| is going to| agreed to| owns| committed to)\s+([a-z]+)/u;

/** Next steps written in meeting notes: "- Priya to send the draft by Friday". */
export function extractNoteCommitments(notes: string): Commitment[] {
  const found: Commitment[] = [];
  for (const line of notes.split(/\r?\n/)) {
    const body = noteLine.exec(line)?.[1]?.trim();
    if (body === undefined) continue;
    for (const sentence of sentences(body)) {
      const named = namedOwner.exec(sentence);
      if (named === null) continue;
      const verb = named[2] ?? '';
      const due = findDue(sentence);
      if (!actionVerbs.has(verb) && !(weakVerbs.has(verb) && due !== null)) continue;
      found.push({
        text: sentence,
        owners: [named[1]!],
        proposedBy: null,
        due,
        kind: 'offer',
        turn: -1,
        start: null,
        source: 'notes',
      });
    }
  }
  return found;
}

// "Talk to you next week" closes a call; it promises nothing.
const farewell = /\b(?:talk|speak|see|catch) (?:to |with )?you\b/;

function matchCommitment(sentence: string): Match | null {
  const lower = sentence.toLowerCase().replaceAll('’', "'");
  if (farewell.test(lower)) return null;
  // The due phrase is the costliest pattern, so it is looked for only once a sentence could be a
  // commitment; `undefined` means not looked for yet.
  let found: string | null | undefined;
  const due = (): string | null => {
    if (found === undefined) found = findDue(sentence);
    return found;
  };
  if (letMePattern.test(lower)) return { kind: 'offer', due: due() };
  for (const [kind, pattern] of patterns) {
    const match = pattern.exec(lower);
    const verb = match?.at(-1);
    if (match === null || verb === undefined) continue;
    if (kind === 'request' && whOpening.test(lower)) continue;
    if (kind === 'offer' && match[1] !== undefined && due() === null) continue;
    if (actionVerbs.has(verb) || (weakVerbs.has(verb) && due() !== null)) return { kind, due: due() };
  }
  if (lower.endsWith('?')) return null;
  for (const clause of lower.split(clauseBreak)) {
    const verb = imperativePattern.exec(clause.trim())?.[1];
    if (verb !== undefined && actionVerbs.has(verb)) {
      const when = due();
      return when === null ? null : { kind: 'request', due: when };
    }
  }
  return null;
}

const patterns: Array<[Match['kind'], RegExp]> = [
  ['offer', offerPattern],
  ['request', requestPattern],
  ['shared', sharedPattern],
];

// Matched on lower case, returned as written ("by Friday").
function findDue(text: string): string | null {
  const match = duePattern.exec(text.toLowerCase());
  return match === null ? null : text.slice(match.index, match.index + match[0].length);
}

// The person spoken to: the next other voice, or the last one when nobody answers.
function findAddressee(utterances: readonly Utterance[], turn: number): string | null {
  const speaker = utterances[turn]?.speaker;
  for (let i = turn + 1; i < utterances.length; i += 1) {
    if (utterances[i]!.speaker !== speaker) return utterances[i]!.speaker;
  }
  for (let i = turn - 1; i >= 0; i -= 1) {
    if (utterances[i]!.speaker !== speaker) return utterances[i]!.speaker;
  }
  return null;
}

function findOpenRequest(found: Commitment[], speaker: string, turn: number): Commitment | undefined {
  const last = found.at(-1);
  if (last === undefined || last.kind !== 'request' || last.turn !== turn - 1) return undefined;
  return last.owners.includes(speaker) ? last : undefined;
}

function listOf(name: string | null): string[] {
  return name === null ? [] : [name];
}
