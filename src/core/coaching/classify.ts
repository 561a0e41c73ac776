import { argMax, compileModel, type LinearModelJson, predictProbabilities } from './classify-linear.ts';
import stored from './classify-model.json' with { type: 'json' };
import { extractFeatures } from './features.ts';
import type { Act, Topic } from './labels.ts';

/** What the classifier says about one turn. */
export interface TurnLabel {
  act: Act;
  topic: Topic;
  /** Probability the model gives its act (0–1); read it as how sure the act label is. */
  confidence: number;
}

const actModel = compileModel(stored.act as LinearModelJson);
const topicModel = compileModel(stored.topic as LinearModelJson);
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

/**
 * Labels every turn of a conversation, in order. Acts are read turn by turn; topics are smoothed
 * along the conversation, and a turn with no topic of its own ("Mm-hmm.") takes its neighbours'.
 * Example: `classifyTurns(['Where are we with the migration?', 'Mm-hmm.'])` → status for both.
 */
export function classifyTurns(texts: readonly string[]): TurnLabel[] {
  const readings = texts.map(readTurn);
  const topics = smoothTopics(readings);
  return readings.map((r, i) => ({ act: r.act, topic: topics[i] as Topic, confidence: r.confidence }));
}

/** Labels one turn on its own, without the conversation around it. */
export function classifyTurn(text: string): TurnLabel {
  const reading = readTurn(text);
  const topic =
    reading.topicLog === null ? 'strategy' : (topicModel.labels[argMax(reading.topicLog)] as Topic);
  return { act: reading.act, topic, confidence: reading.confidence };
}

function readTurn(text: string): TurnReading {
  const features = extractFeatures(text);
  const actProbabilities = predictProbabilities(actModel, features.act);
  const actIndex = argMax(actProbabilities);
  return {
    act: actModel.labels[actIndex] as Act,
    confidence: actProbabilities[actIndex] ?? 0,
    topicLog: features.hasTopic ? predictProbabilities(topicModel, features.topic).map(Math.log) : null,
  };
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
