import type { Question } from '../questions/question-bank.ts';
import type { Utterance } from '../transcripts/types.ts';
import type {
  AgendaSummary,
  MeetingAnalysis,
  MeetingInput,
  ScorePart,
  TimelineEntry,
} from './analysis-types.ts';
import { extractCommitments, extractNoteCommitments } from './commitments.ts';
import { findActionEnding, measureOwnership } from './commitments-ownership.ts';
import { reviewPreviousSteps } from './commitments-review.ts';
import type { Topic, UtteranceLabel } from './labels.ts';
import { countLeaderActs, measureQuestions, measureTopics, shareOfActs } from './metrics-acts.ts';
import { resolveLeader } from './metrics-leader.ts';
import { measureResponses, measureUptake } from './metrics-responses.ts';
import { findInterruptions, findLongestMonologue, measureTalk } from './metrics-talk.ts';
import { ratio } from './metrics-text.ts';
import { buildTalkTurns, isQuestionAct, labelTurns } from './metrics-turns.ts';
import { totalScore, verdictOf } from './score.ts';
import {
  conversationPartIds,
  scoreAction,
  scoreConversation,
  scoreReview,
  unmeasuredPart,
} from './score-parts.ts';
import { buildSuggestions } from './suggestions.ts';

export interface MeasureOptions {
  /** One label per utterance, or null when the transcript's language is not supported. */
  labels: readonly UtteranceLabel[] | null;
  language: MeetingAnalysis['language'];
  /** Topic shares of the notes, used only when there is no transcript. */
  noteTopics: Record<Topic, number> | null;
  /** Indexes of question turns that open with a reflection; MITI counts both. */
  reflectiveOpenings?: ReadonlySet<number>;
  /** The question bank to draw suggested questions from; a few built-in ones without it. */
  questionBank?: readonly Question[];
}

/**
 * The whole analysis from utterances already labelled (or known to be unreadable), one label per
 * utterance; analyzeMeeting classifies and calls this, and the evaluation calls it with gold labels.
 */
export function measureMeeting(input: MeetingInput, options: MeasureOptions): MeetingAnalysis {
  const utterances = input.utterances;
  const { labels, language } = options;
  const hasTranscript = utterances.length > 0;
  const isReadable = hasTranscript && labels !== null;
  const unmeasured: string[] = [];

  const leader = hasTranscript
    ? resolveLeader(
        utterances,
        (i) => (labels === null ? utterances[i]!.text.includes('?') : isQuestionAct(labels[i]?.act ?? '')),
        input.leader,
      )
    : null;
  const talkTurns = buildTalkTurns(utterances, leader?.name ?? '');
  const speakers = measureTalk(talkTurns);
  const report = findReport(speakers, leader?.name ?? null);
  const turns = isReadable ? labelTurns(talkTurns, labels, options.reflectiveOpenings) : null;
  const leaderTalk = speakers.find((s) => s.speaker === leader?.name);

  const acts = turns === null ? null : countLeaderActs(turns);
  const questions = acts === null || turns === null ? null : measureQuestions(acts, turns);
  const topics = turns !== null ? measureTopics(turns) : hasTranscript ? null : options.noteTopics;
  const monologue = hasTranscript ? findLongestMonologue(talkTurns) : null;
  const interruptions = hasTranscript ? findInterruptions(talkTurns) : null;

  const notes = input.notes ?? '';
  const commitments = [
    ...(isReadable ? extractCommitments(utterances) : []),
    ...(notes.trim() === '' ? [] : extractNoteCommitments(notes)),
  ];
  const nextSteps = input.nextSteps ?? [];
  const action = findActionEnding(nextSteps, commitments, utterances.length);
  const ownership = measureOwnership(nextSteps, commitments, leader?.name ?? input.leader ?? null, report);
  const previousSteps = reviewPreviousSteps(
    isReadable ? utterances : [],
    input.previousNextSteps ?? [],
    notes,
  );

  let parts: ScorePart[];
  if (turns !== null && questions !== null && topics !== null && leader !== null) {
    parts = scoreConversation({
      turns,
      leader: leader.name,
      leaderTalkShare: leaderTalk?.talkShare ?? 0,
      monologue,
      questions,
      topics,
    });
  } else {
    const why = hasTranscript ? 'The transcript is not in English.' : 'Needs a transcript.';
    parts = conversationPartIds.map((id) => unmeasuredPart(id, why));
  }
  parts.push(scoreAction(action, ownership), scoreReview(previousSteps));

  if (!hasTranscript) {
    unmeasured.push(
      'talk share, questions, reflections, topics of the conversation, monologues, answers and interruptions: there is no transcript',
      'the coaching score and verdict: they need a transcript',
    );
  } else if (!isReadable) {
    unmeasured.push(
      'acts, topics, commitments and the coaching score: the transcript is not in English, the only language the classifiers read',
    );
  }
  if (hasTranscript && speakers.some((s) => s.seconds === null)) {
    unmeasured.push(
      'talk time in seconds, wait time after questions and interruptions: the transcript has no timings',
    );
  }
  if (previousSteps.reviewed === null) {
    unmeasured.push('review of last meeting’s next steps: there were none, and no review talk was heard');
  }

  const score = isReadable ? totalScore(parts) : null;
  const responses = turns === null ? null : measureResponses(turns);
  const uptake = turns === null ? null : measureUptake(turns);
  const summary =
    leader === null || leaderTalk === undefined
      ? null
      : {
          name: leader.name,
          reason: leader.reason,
          talkShare: leaderTalk.talkShare,
          timeShare: leaderTalk.timeShare,
          acts: acts ?? null,
          actShares: acts === null ? null : shareOfActs(acts),
        };
  return {
    language,
    score,
    verdict: score === null ? null : verdictOf(score),
    leaderInferred: leader?.isInferred ?? false,
    leader: summary,
    report,
    speakers,
    questions,
    responses,
    uptake,
    longestMonologue: monologue,
    interruptions,
    topics,
    topicsSource: topics === null ? null : hasTranscript ? 'transcript' : 'notes',
    agenda: summarizeAgenda(input.agenda ?? []),
    commitments,
    endedWithAction: action.endedWithAction,
    ownership,
    reviewedPreviousSteps: previousSteps.reviewed,
    previousSteps,
    parts,
    evidence: parts.flatMap((p) => p.evidence.map((q) => ({ ...q, part: p.id }))),
    suggestions: buildSuggestions({
      parts,
      report,
      leaderTalkShare: leaderTalk?.talkShare ?? null,
      monologue,
      questions,
      responses,
      uptake,
      topics,
      ownership,
      endedWithAction: action.endedWithAction,
      questionBank: options.questionBank ?? null,
    }),
    timeline: buildTimeline(
      utterances,
      talkTurns.map((t) => t.words),
      labels,
      leader?.name ?? null,
    ),
    unmeasured,
  };
}

// The report is the other voice that spoke most; in a 1:1 there is only one.
function findReport(
  speakers: ReadonlyArray<{ speaker: string; words: number }>,
  leader: string | null,
): string | null {
  const others = speakers.filter((s) => s.speaker !== leader).sort((a, b) => b.words - a.words);
  return others[0]?.speaker ?? null;
}

function summarizeAgenda(agenda: ReadonlyArray<{ title: string; type: string }>): AgendaSummary {
  const byType: Record<string, number> = {};
  for (const item of agenda) byType[item.type] = (byType[item.type] ?? 0) + 1;
  return { items: agenda.length, byType, statusShare: ratio(byType.status ?? 0, agenda.length) };
}

function buildTimeline(
  utterances: readonly Utterance[],
  words: readonly number[],
  labels: readonly UtteranceLabel[] | null,
  leader: string | null,
): TimelineEntry[] {
  return utterances.map((u, i) => {
    const label = labels?.[i];
    return {
      speaker: u.speaker,
      start: u.start,
      end: u.end,
      words: words[i] ?? 0,
      act: label !== undefined && u.speaker === leader ? label.act : null,
      topic: label?.topic ?? null,
    };
  });
}
