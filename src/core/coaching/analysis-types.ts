import type { Utterance } from '../transcripts/types.ts';
import type { Act, Topic } from './labels.ts';

// Everything here is plain data (no Map, no Infinity, no undefined-only fields) so an analysis
// can be stored as JSON, sent over HTTP and printed by the CLI without conversion.

export type Verdict = 'coaching' | 'mixed' | 'check-in';

/** A next step as the 1:1 workspace holds it. */
export interface NextStepInput {
  title: string;
  ownerIsReport?: boolean;
  owner?: string | null;
  dueDate?: string | null;
  proposedBy?: 'leader' | 'report' | null;
}

export interface MeetingInput {
  utterances: Utterance[];
  /** The leader's speaker name; when absent, the speaker who asks the most questions. */
  leader?: string;
  nextSteps?: NextStepInput[];
  /** The next steps agreed in the previous 1:1 of the series. */
  previousNextSteps?: Array<{ title: string }>;
  agenda?: Array<{ title: string; type: string }>;
  notes?: string;
}

/** A line from the meeting shown as evidence; `start` is seconds from the start, or null. */
export interface Quote {
  speaker: string;
  text: string;
  start: number | null;
}

export const partIds = [
  'talkBalance',
  'askTell',
  'openQuestions',
  'reflections',
  'topicDepth',
  'mindsetGrowth',
  'endedWithAction',
  'reviewedPreviousSteps',
] as const;
export type PartId = (typeof partIds)[number];

export interface ScorePart {
  id: PartId;
  label: string;
  /** Null when the input could not measure this part; it then counts toward neither points nor max. */
  points: number | null;
  max: number;
  explanation: string;
  evidence: Quote[];
}

export interface SpeakerTalk {
  speaker: string;
  turns: number;
  words: number;
  /** Share of all words spoken, 0–1. */
  talkShare: number;
  /** Seconds spoken, when the transcript is timed. */
  seconds: number | null;
  /** Share of all timed speech, 0–1, when the transcript is timed. */
  timeShare: number | null;
}

export interface LeaderSummary {
  name: string;
  /** Why this speaker was taken as the leader. */
  reason: string;
  talkShare: number;
  timeShare: number | null;
  /** Leader turns per act; null when the language is not supported. */
  acts: Record<Act, number> | null;
  /** Leader turns per act, as shares of all leader turns. */
  actShares: Record<Act, number> | null;
}

export interface QuestionMetrics {
  asked: number;
  open: number;
  closed: number;
  /** open / all questions; null without questions. */
  openShare: number | null;
  tell: number;
  /** questions / telling; null when the leader never told. */
  askTellRatio: number | null;
  /** questions / (questions + telling); null when neither happened. */
  askShare: number | null;
  reflections: number;
  /** reflections / questions (MITI's R:Q); null without questions. */
  reflectionToQuestion: number | null;
}

export interface ResponseMetrics {
  /** Leader questions the report answered in the next turn. */
  answered: number;
  /** Leader questions followed by more leader talk in the same turn, or by no report turn. */
  selfAnswered: number;
  /** Median words of the report's answer to a leader question; null without answers. */
  medianAnswerWords: number | null;
  /** Answers of 8 words or more: the report thought aloud rather than said yes or no. */
  substantiveAnswers: number;
  /** Median seconds between a leader question and the answer, when timed. */
  medianWaitSeconds: number | null;
  examples: Quote[];
}

export interface UptakeMetrics {
  /** Leader turns that follow a report turn of some substance. */
  eligibleTurns: number;
  /** Of those, turns that reflect or reuse the report's own words. */
  buildingTurns: number;
  share: number | null;
}

export interface Monologue {
  words: number;
  seconds: number | null;
  quote: Quote;
}

export interface Interruptions {
  /** Null when the transcript has no timings. */
  total: number | null;
  bySpeaker: Record<string, number>;
  examples: Quote[];
}

export interface Commitment {
  /** The sentence that carries the commitment. */
  text: string;
  /** Who takes it on: one person, or both for "we'll…". */
  owners: string[];
  /** Who said it; null for a line of notes, whose writer is unknown. */
  proposedBy: string | null;
  /** The due phrase as spoken ("by Friday"), or null. */
  due: string | null;
  kind: 'offer' | 'request';
  turn: number;
  start: number | null;
  source: 'transcript' | 'notes';
}

export interface Ownership {
  /** Where the figures come from: the app's next steps, or commitments heard in the meeting. */
  source: 'next-steps' | 'transcript' | 'notes' | null;
  steps: number;
  /** Share of next steps the report owns; null without steps. */
  ownedByReport: number | null;
  /** Share of next steps the report proposed; null when no step says who proposed it. */
  proposedByReport: number | null;
}

export interface PreviousStepsReview {
  reviewed: boolean | null;
  mentionedTitles: string[];
  /** Review talk heard early in the meeting ("last time you said you'd…"). */
  reviewTalk: Quote | null;
}

export interface AgendaSummary {
  items: number;
  byType: Record<string, number>;
  /** Share of items typed `status`; null without items. */
  statusShare: number | null;
}

export interface TimelineEntry {
  speaker: string;
  start: number | null;
  end: number | null;
  words: number;
  /** The act of a leader turn; null for the report's turns and for unsupported languages. */
  act: Act | null;
  /** Null when the transcript's language is not supported. */
  topic: Topic | null;
}

export interface Suggestion {
  /** The score part it would raise, or a habit the score does not weigh directly. */
  about: PartId | 'selfAnswered' | 'uptake';
  message: string;
  questions: string[];
}

export interface MeetingAnalysis {
  language: { supported: boolean; confidence: number | null; reason: string | null };
  score: number | null;
  verdict: Verdict | null;
  leaderInferred: boolean;
  leader: LeaderSummary | null;
  report: string | null;
  speakers: SpeakerTalk[];
  questions: QuestionMetrics | null;
  responses: ResponseMetrics | null;
  uptake: UptakeMetrics | null;
  longestMonologue: Monologue | null;
  interruptions: Interruptions | null;
  /** Share of words per topic over all turns, or over the notes when there is no transcript. */
  topics: Record<Topic, number> | null;
  topicsSource: 'transcript' | 'notes' | null;
  agenda: AgendaSummary;
  commitments: Commitment[];
  endedWithAction: boolean;
  ownership: Ownership;
  reviewedPreviousSteps: boolean | null;
  previousSteps: PreviousStepsReview;
  parts: ScorePart[];
  /** Every part's quotes in one list, each naming its part. */
  evidence: Array<Quote & { part: PartId }>;
  suggestions: Suggestion[];
  timeline: TimelineEntry[];
  /** What this input could not measure, in words a leader understands. */
  unmeasured: string[];
}
