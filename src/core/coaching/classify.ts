import {
  argMax,
  compileModel,
  type LinearModelJson,
  type ModelPrefixes,
  ScoreSink,
} from './classify-linear.ts';
import stored from './classify-model.json' with { type: 'json' };
import { actFeatures, topicFeatures } from './features.ts';
import { ConversationReader, parsePrefix, parseTurn, type TurnParse } from './features-read.ts';
import { type Act, sureReflection, type Topic } from './labels.ts';
import { countWords, sentences } from './metrics-text.ts';

/** What the classifier says about one turn. */
export interface TurnLabel {
  act: Act;
  topic: Topic;
  /** Probability the model gives its act (0–1); read it as how sure the act label is. */
  confidence: number;
}

// The name parts `features.ts` gives its sink (`addPart`, `addPair`).
const prefixes: ModelPrefixes = {
  parts: ['w=', 'bc=', 'a_', 'k_', 'n_words=', 'n_content=', 'commas=', 'time_words=', 't=', 'fw='],
  pairs: ['w2=', 't2='],
};
const actModel = compileModel(stored.act as LinearModelJson, prefixes);
const topicModel = compileModel(stored.topic as LinearModelJson, prefixes);
const topicCount = topicModel.labels.length;

// Conversations stay on a subject for several turns, so the topic of a turn is decided with its
// neighbours: a Viterbi path where the previous turn's topic has this prior and the six others
// share the rest. 0.5 was the best of 0.14–0.9 on the workplace set; stronger smoothing spreads
// one wrong topic over a whole stretch of the meeting.
const stayProbability = 0.5;
const logStay = Math.log(stayProbability);
const logSwitch = Math.log((1 - stayProbability) / (topicCount - 1));

interface TurnReading {
  act: Act;
  confidence: number;
  /** Log-probabilities of each topic, or null when the turn says nothing about its topic. */
  topicLog: number[] | null;
}

/** Which turns need an act: a report's turns need only a topic, which saves most of the work. */
export interface ClassifyOptions {
  isActNeeded?: (index: number) => boolean;
}

/** The labels of a conversation, and the question turns that open by reflecting. */
export interface ConversationReading {
  labels: TurnLabel[];
  /**
   * Indexes of question turns whose sentences before the question read as a reflection on their
   * own ("So the budget is what's stuck. What options do you see?"); MITI codes both. Only
   * openings the classifier is sure are reflections (`sureReflection`): information before a
   * question ("…puts you at more risk. Did you know that?") is often read as one, with less.
   */
  reflectiveOpenings: Set<number>;
}

/**
 * Labels every turn of a conversation, in order. Acts are read turn by turn; topics are smoothed
 * along the conversation, and a turn with no topic of its own ("Mm-hmm.") takes its neighbours'.
 * Example: `classifyTurns(['Where are we with the migration?', 'Mm-hmm.'])` → status for both.
 */
export function classifyTurns(texts: readonly string[], options: ClassifyOptions = {}): TurnLabel[] {
  const isActNeeded = options.isActNeeded ?? (() => true);
  const parses = texts.map((text) => parseTurn(text));
  return labelReadings(parses.map((parse, i) => readTurn(parse, isActNeeded(i))));
}

/**
 * Labels a conversation as `classifyTurns` does and finds its reflective openings from the same
 * reading of each turn. A turn without an act (see `isActNeeded`) is labelled `other`, confidence 0.
 */
export function readConversation(
  texts: readonly string[],
  options: ClassifyOptions = {},
): ConversationReading {
  const isActNeeded = options.isActNeeded ?? (() => true);
  // Only a turn with an act can open with a reflection, and only one with a question mark.
  const openings = texts.map((text, i) => (isActNeeded(i) && text.includes('?') ? findOpening(text) : null));
  // A turn's reading is dropped once its features are scored, unless its opening is still to be
  // read. Reading every turn first and scoring after runs faster between collections, but keeps
  // all readings alive, which the garbage collector then copies: on a long meeting that costs
  // more than it saves (about 18 against 20 ms of CPU per analysis, collections included).
  const kept = new Map<number, TurnParse>();
  const reader = new ConversationReader(texts, {
    hasTags: isActNeeded,
    hasOpening: (i) => openings[i] !== null,
  });
  const readings = texts.map((_, i) => {
    if (!isActNeeded(i)) return readTurn(reader.parse(i), false);
    const parse = reader.parse(i);
    if (openings[i] !== null) kept.set(i, parse);
    return readTurn(parse, true);
  });
  const labels = labelReadings(readings);
  const reflectiveOpenings = new Set<number>();
  for (const [i, parse] of kept) {
    const label = labels[i];
    const opening = openings[i];
    if (label === undefined || opening === null || opening === undefined) continue;
    if (label.act !== 'open_question' && label.act !== 'closed_question') continue;
    const read = predictAct(parsePrefix(parse, opening));
    if (read.act === 'reflection' && read.confidence >= sureReflection) reflectiveOpenings.add(i);
  }
  return { labels, reflectiveOpenings };
}

/** Labels one turn on its own, without the conversation around it. */
export function classifyTurn(text: string): TurnLabel {
  const reading = readTurn(parseTurn(text), true);
  const topic =
    reading.topicLog === null ? 'strategy' : (topicModel.labels[argMax(reading.topicLog)] as Topic);
  return { act: reading.act, topic, confidence: reading.confidence };
}

function labelReadings(readings: readonly TurnReading[]): TurnLabel[] {
  const topics = smoothTopics(readings);
  return readings.map((r, i) => ({ act: r.act, topic: topics[i] as Topic, confidence: r.confidence }));
}

function readTurn(parse: TurnParse, isActNeeded: boolean): TurnReading {
  const { act, confidence } = isActNeeded ? predictAct(parse) : { act: 'other' as Act, confidence: 0 };
  const topic = new ScoreSink(topicModel);
  const hasTopic = topicFeatures(parse, topic);
  return { act, confidence, topicLog: hasTopic ? topic.probabilities().map(Math.log) : null };
}

function predictAct(parse: TurnParse): { act: Act; confidence: number } {
  const sink = new ScoreSink(actModel);
  actFeatures(parse, sink);
  const probabilities = sink.probabilities();
  const index = argMax(probabilities);
  return { act: actModel.labels[index] as Act, confidence: probabilities[index] ?? 0 };
}

// The sentences before a turn's last question, split as the metrics split them, when there are
// at least four words of them to read.
function findOpening(text: string): string | null {
  const parts = sentences(text);
  const question = parts.findLastIndex((s) => s.endsWith('?'));
  const opening = parts.slice(0, Math.max(0, question)).join(' ');
  return countWords(opening) >= 4 ? opening : null;
}

function smoothTopics(readings: readonly TurnReading[]): string[] {
  if (readings.length === 0) return [];
  const n = readings.length;
  const back: Int8Array[] = [];
  let scores = new Array<number>(topicCount).fill(0);
  for (let t = 0; t < n; t += 1) {
    const emission = readings[t]?.topicLog ?? null;
    const next = new Array<number>(topicCount).fill(0);
    const pointers = new Int8Array(topicCount);
    for (let c = 0; c < topicCount; c += 1) {
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      if (t === 0) bestScore = 0;
      else {
        for (let p = 0; p < topicCount; p += 1) {
          const s = (scores[p] ?? 0) + (p === c ? logStay : logSwitch);
          if (s > bestScore) {
            bestScore = s;
            best = p;
          }
        }
      }
      pointers[c] = best;
      next[c] = bestScore + (emission === null ? 0 : (emission[c] ?? 0));
    }
    back.push(pointers);
    scores = next;
  }
  const path = new Array<number>(n);
  let current = argMax(scores);
  for (let t = n - 1; t >= 0; t -= 1) {
    path[t] = current;
    current = back[t]?.[current] ?? 0;
  }
  return path.map((c) => topicModel.labels[c] ?? 'strategy');
}
