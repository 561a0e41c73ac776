import { AppError } from '../errors.ts';
import type { Utterance } from '../transcripts/types.ts';
import type { UtteranceLabel } from './labels.ts';
import { countWords } from './metrics-text.ts';

/** One utterance with its word count: all that talk-time metrics need, in any language. */
export interface TalkTurn {
  index: number;
  utterance: Utterance;
  words: number;
  isLeader: boolean;
}

/** A turn with its classifier labels, as the act and topic metrics read it. */
export interface Turn extends TalkTurn {
  label: UtteranceLabel;
  /** A question turn that first says back what it heard ("So it's the budget. What options…?"). */
  opensWithReflection: boolean;
}

/** Word counts and the leader's turns, without labels. */
export function buildTalkTurns(utterances: readonly Utterance[], leader: string): TalkTurn[] {
  return utterances.map((utterance, index) => ({
    index,
    utterance,
    words: countWords(utterance.text),
    isLeader: utterance.speaker === leader,
  }));
}

/** Adds the classifier's labels to talk turns, one label per turn. */
export function labelTurns(
  turns: readonly TalkTurn[],
  labels: readonly UtteranceLabel[],
  reflectiveOpenings: ReadonlySet<number> = new Set(),
): Turn[] {
  if (labels.length !== turns.length) {
    throw new AppError('INTERNAL', `Got ${labels.length} labels for ${turns.length} utterances.`);
  }
  return turns.map((turn, i) => ({
    ...turn,
    label: labels[i]!,
    opensWithReflection: reflectiveOpenings.has(i) && isQuestionAct(labels[i]!.act),
  }));
}

/** Whether a label counts as a question. */
export function isQuestionAct(act: string): boolean {
  return act === 'open_question' || act === 'closed_question';
}
