import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { classifyTurns } from '../src/core/coaching/classify.ts';
import { rocAuc } from '../src/core/coaching/evaluation-metrics.ts';
import { type EvalConversation, repoRoot } from './datasets.ts';

/** A transcript-level score where higher means "more coaching"; null when it cannot be scored. */
export type TranscriptScore = (c: EvalConversation) => number | null;

export interface Separation {
  score: string;
  /** AUC of the score for coaching (positive) against the rest; null when a group is empty. */
  auc: number | null;
  transcripts: number;
  positives: number;
  unscored: number;
}

/**
 * The coaching score of `analyzeMeeting` when that module exists, else null. Imported at run
 * time because the analyser is built alongside the classifiers and may not be there yet.
 */
export async function findMeetingScore(): Promise<TranscriptScore | null> {
  const path = join(repoRoot, 'src', 'core', 'coaching', 'analyze-meeting.ts');
  if (!existsSync(path)) return null;
  const module = (await import(path)) as {
    analyzeMeeting?: (input: unknown) => { score: number | null };
  };
  const analyzeMeeting = module.analyzeMeeting;
  if (analyzeMeeting === undefined) return null;
  return (c) =>
    analyzeMeeting({
      utterances: c.turns.map((t) => ({ speaker: t.speaker, start: null, end: null, text: t.text })),
      leader: c.leader,
    }).score;
}

/** 1 − the share of the leader's turns the classifier labels telling: the score's main ingredient. */
export const classifierTellingScore: TranscriptScore = (c) =>
  oneMinusTelling(classifyTurns(c.turns.filter((t) => t.isLeader).map((t) => t.text)).map((l) => l.act));

/** The same figure from the gold act labels: the ceiling of what the classifier can reach. */
export const goldTellingScore: TranscriptScore = (c) =>
  oneMinusTelling(c.turns.flatMap((t) => (t.isLeader && t.act !== undefined ? [t.act] : [])));

/** How well a score separates coaching transcripts from the others. */
export function measureSeparation(
  name: string,
  conversations: readonly EvalConversation[],
  score: TranscriptScore,
): Separation {
  const scored = conversations.map((c) => ({ c, score: score(c) }));
  const valid = scored.filter((s): s is { c: EvalConversation; score: number } => s.score !== null);
  return {
    score: name,
    auc: rocAuc(
      valid.map((s) => s.score),
      valid.map((s) => s.c.isCoaching),
    ),
    transcripts: conversations.length,
    positives: conversations.filter((c) => c.isCoaching).length,
    unscored: scored.length - valid.length,
  };
}

function oneMinusTelling(leaderActs: readonly string[]): number | null {
  if (leaderActs.length === 0) return null;
  return 1 - leaderActs.filter((a) => a === 'telling').length / leaderActs.length;
}
