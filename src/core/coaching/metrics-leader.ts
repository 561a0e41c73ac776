import { AppError } from '../errors.ts';
import type { Utterance } from '../transcripts/types.ts';

export interface ResolvedLeader {
  name: string;
  isInferred: boolean;
  reason: string;
}

/**
 * Finds the leader among the speakers: the named one (case and first names forgiven), or else the
 * speaker who asks the most questions, since in a 1:1 the leader is the one who steers by asking.
 */
export function resolveLeader(
  utterances: readonly Utterance[],
  isQuestion: (index: number) => boolean,
  requested: string | undefined,
): ResolvedLeader {
  const speakers = [...new Set(utterances.map((u) => u.speaker))];
  if (requested !== undefined && requested.trim() !== '') {
    const name = matchSpeaker(speakers, requested.trim());
    if (name === null) {
      const message = `"${requested}" is not a speaker in this transcript (speakers: ${speakers.join(', ')}).`;
      throw new AppError('VALIDATION_FAILED', message, { fields: [{ path: 'leader', message }] });
    }
    return { name, isInferred: false, reason: `named as the leader` };
  }
  const questions = new Map<string, number>(speakers.map((s) => [s, 0]));
  utterances.forEach((u, i) => {
    if (isQuestion(i)) questions.set(u.speaker, (questions.get(u.speaker) ?? 0) + 1);
  });
  // Stable sort: on a tie the speaker heard first wins, usually the one who opened the meeting.
  const ranked = [...speakers].sort((a, b) => (questions.get(b) ?? 0) - (questions.get(a) ?? 0));
  const name = ranked[0] ?? '';
  if (ranked.length === 1) return { name, isInferred: true, reason: 'the only speaker' };
  const top = questions.get(name) ?? 0;
  const others = ranked
    .slice(1)
    .map((s) => `${s} ${questions.get(s) ?? 0}`)
    .join(', ');
  const isTie = ranked.slice(1).some((s) => questions.get(s) === top);
  const reason = isTie
    ? `no speaker asked more questions than the others (${name} ${top}, ${others}); took ${name}, who spoke first`
    : `asked the most questions (${top}; ${others})`;
  return { name, isInferred: true, reason };
}

function matchSpeaker(speakers: readonly string[], requested: string): string | null {
  if (speakers.includes(requested)) return requested;
  const lower = requested.toLowerCase();
  const exact = speakers.filter((s) => s.toLowerCase() === lower);
  if (exact.length === 1) return exact[0]!;
  // "--leader Sam" for a speaker labelled "Sam Okafor" in the captions.
  const byWord = speakers.filter((s) => s.toLowerCase().split(/\s+/).includes(lower));
  return byWord.length === 1 ? byWord[0]! : null;
}
