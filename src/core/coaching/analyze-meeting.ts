import type { Question } from '../questions/question-bank.ts';
import { detectEnglish } from '../transcripts/language.ts';
import type { MeetingAnalysis, MeetingInput } from './analysis-types.ts';
import { classifyTurns, readConversation } from './classify.ts';
import type { Topic } from './labels.ts';
import { shareOfWordsByTopic } from './metrics-acts.ts';
import { resolveLeader } from './metrics-leader.ts';
import { measureMeeting } from './metrics-meeting.ts';
import { countWords, sentences } from './metrics-text.ts';

export interface AnalyzeOptions {
  /** The question bank (loaded by the caller) to draw suggested questions from. */
  questionBank?: readonly Question[];
}

/**
 * Analyses one 1:1: talk share, asking and telling, topics, next steps, a 0–100 coaching score
 * with a verdict, evidence quotes and suggestions. Pure: no I/O, the same input gives the same result.
 * Example: `analyzeMeeting({ utterances, leader: 'Sam' }).verdict` → `'mixed'`.
 */
export function analyzeMeeting(input: MeetingInput, options: AnalyzeOptions = {}): MeetingAnalysis {
  const questionBank = options.questionBank;
  const utterances = input.utterances.filter((u) => u.text.trim() !== '');
  const notes = input.notes ?? '';
  const texts = utterances.map((u) => u.text);
  if (texts.length === 0) {
    const noteSentences = sentences(notes.replace(/\r?\n+/g, '. '));
    const english = detectEnglish(noteSentences);
    return measureMeeting(
      { ...input, utterances },
      {
        labels: [],
        language: languageOf(english, noteSentences.length > 0),
        noteTopics: english.isEnglish && noteSentences.length > 0 ? topicsOf(noteSentences) : null,
        questionBank,
      },
    );
  }
  const english = detectEnglish(texts);
  if (!english.isEnglish) {
    return measureMeeting(
      { ...input, utterances },
      { labels: null, language: languageOf(english, true), noteTopics: null, questionBank },
    );
  }
  // With the leader named, only the leader's turns need an act; without, every turn's questions
  // count toward finding the leader.
  const named = input.leader?.trim() ? resolveLeader(utterances, () => false, input.leader).name : null;
  const { labels, reflectiveOpenings } = readConversation(texts, {
    isActNeeded: named === null ? undefined : (i) => utterances[i]?.speaker === named,
  });
  return measureMeeting(
    { ...input, utterances },
    { labels, language: languageOf(english, true), noteTopics: null, reflectiveOpenings, questionBank },
  );
}

function languageOf(
  result: { isEnglish: boolean; confidence: number },
  hasText: boolean,
): MeetingAnalysis['language'] {
  if (!hasText) return { supported: true, confidence: null, reason: null };
  return {
    supported: result.isEnglish,
    confidence: result.confidence,
    reason: result.isEnglish ? null : 'The text does not read as English; the classifiers only read English.',
  };
}

// Notes are written, not spoken, but their sentences still say what the meeting was about.
function topicsOf(lines: readonly string[]): Record<Topic, number> {
  return shareOfWordsByTopic(
    classifyTurns(lines).map((label, i) => [label.topic, countWords(lines[i] ?? '')]),
  );
}
