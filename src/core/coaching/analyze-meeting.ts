import type { Question } from '../questions/question-bank.ts';
import { detectEnglish } from '../transcripts/language.ts';
import type { MeetingAnalysis, MeetingInput } from './analysis-types.ts';
import { classifyTurn, classifyTurns, type TurnLabel } from './classify.ts';
import type { Topic } from './labels.ts';
import { shareOfWordsByTopic } from './metrics-acts.ts';
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
  const labels = classifyTurns(texts);
  return measureMeeting(
    { ...input, utterances },
    {
      labels,
      language: languageOf(english, true),
      noteTopics: null,
      reflectiveOpenings: findReflectiveOpenings(texts, labels),
      questionBank,
    },
  );
}

// The classifier gives a turn one act, decided by its last sentence; "So the budget is what's
// stuck. What options do you see?" is a question to it. MITI codes the reflection as well, so
// the sentences before a closing question are read once more on their own.
function findReflectiveOpenings(texts: readonly string[], labels: readonly TurnLabel[]): Set<number> {
  const found = new Set<number>();
  labels.forEach((label, i) => {
    if (label.act !== 'open_question' && label.act !== 'closed_question') return;
    const parts = sentences(texts[i] ?? '');
    const question = parts.findLastIndex((s) => s.endsWith('?'));
    const opening = parts.slice(0, Math.max(0, question)).join(' ');
    if (countWords(opening) >= 4 && classifyTurn(opening).act === 'reflection') found.add(i);
  });
  return found;
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
