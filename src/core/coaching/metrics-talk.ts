import type { Interruptions, Monologue, SpeakerTalk } from './analysis-types.ts';
import { durationOf, quoteOf, round3 } from './metrics-text.ts';
import type { TalkTurn } from './metrics-turns.ts';

/** Words, seconds and shares per speaker, in order of first appearance. */
export function measureTalk(turns: readonly TalkTurn[]): SpeakerTalk[] {
  const bySpeaker = new Map<string, { turns: number; words: number; seconds: number; timed: number }>();
  for (const turn of turns) {
    const entry = bySpeaker.get(turn.utterance.speaker) ?? { turns: 0, words: 0, seconds: 0, timed: 0 };
    entry.turns += 1;
    entry.words += turn.words;
    const seconds = durationOf(turn.utterance);
    if (seconds !== null) {
      entry.seconds += seconds;
      entry.timed += 1;
    }
    bySpeaker.set(turn.utterance.speaker, entry);
  }
  const totalWords = sum([...bySpeaker.values()].map((e) => e.words));
  // Seconds are only honest when every turn is timed; a half-timed file would skew the shares.
  const isTimed = turns.length > 0 && turns.every((t) => durationOf(t.utterance) !== null);
  const totalSeconds = sum([...bySpeaker.values()].map((e) => e.seconds));
  return [...bySpeaker].map(([speaker, e]) => ({
    speaker,
    turns: e.turns,
    words: e.words,
    talkShare: totalWords === 0 ? 0 : round3(e.words / totalWords),
    seconds: isTimed ? Math.round(e.seconds * 10) / 10 : null,
    timeShare: isTimed && totalSeconds > 0 ? round3(e.seconds / totalSeconds) : null,
  }));
}

/**
 * The leader's longest stretch without the report saying anything: consecutive leader turns
 * count as one, since captions often split a speech into pieces.
 */
export function findLongestMonologue(turns: readonly TalkTurn[]): Monologue | null {
  let best: { from: number; to: number; words: number } | null = null;
  let from = -1;
  let words = 0;
  for (let i = 0; i <= turns.length; i += 1) {
    const turn = turns[i];
    if (turn?.isLeader) {
      if (from < 0) from = i;
      words += turn.words;
      continue;
    }
    if (from >= 0 && (best === null || words > best.words)) best = { from, to: i - 1, words };
    from = -1;
    words = 0;
  }
  if (best === null) return null;
  const first = turns[best.from]!.utterance;
  const last = turns[best.to]!.utterance;
  const seconds =
    first.start !== null && last.end !== null ? Math.round((last.end - first.start) * 10) / 10 : null;
  const text = turns
    .slice(best.from, best.to + 1)
    .map((t) => t.utterance.text)
    .join(' ');
  return { words: best.words, seconds, quote: quoteOf(first, text) };
}

// Caption timestamps are rounded and cue edges jitter; a quarter second of overlap is noise.
const overlapTolerance = 0.25;

/** Turns that start before the previous speaker has finished, counted against the one who cut in. */
export function findInterruptions(turns: readonly TalkTurn[]): Interruptions {
  const isTimed = turns.some((t) => t.utterance.start !== null && t.utterance.end !== null);
  if (!isTimed) return { total: null, bySpeaker: {}, examples: [] };
  const bySpeaker: Record<string, number> = {};
  const examples = [];
  let total = 0;
  for (let i = 1; i < turns.length; i += 1) {
    const previous = turns[i - 1]!.utterance;
    const current = turns[i]!.utterance;
    if (previous.speaker === current.speaker) continue;
    if (previous.end === null || current.start === null || previous.start === null) continue;
    if (current.start >= previous.end - overlapTolerance || current.start <= previous.start) continue;
    total += 1;
    bySpeaker[current.speaker] = (bySpeaker[current.speaker] ?? 0) + 1;
    if (examples.length < 3) examples.push(quoteOf(current));
  }
  return { total, bySpeaker, examples };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
