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

// A turn's own words decide its topic only when they say enough; below this, a short reply
// ("Yeah, I think so.") is about whatever the previous turn was about.
const topicCarryOverBelow = 0.45;

/**
 * Labels every turn of a conversation, in order. Turns are read one by one, except that a turn
 * with no topic of its own (a backchannel, a short reply) takes the topic of the turn before it.
 * Example: `classifyTurns(['How is the migration going?', 'Mm-hmm.'])` → status for both.
 */
export function classifyTurns(texts: readonly string[]): TurnLabel[] {
  const labels: TurnLabel[] = [];
  let previousTopic: Topic | undefined;
  for (const text of texts) {
    const label = labelTurn(text, previousTopic);
    labels.push(label);
    previousTopic = label.topic;
  }
  return labels;
}

/** Labels one turn on its own, without the conversation around it. */
export function classifyTurn(text: string): TurnLabel {
  return labelTurn(text, undefined);
}

function labelTurn(text: string, previousTopic: Topic | undefined): TurnLabel {
  const features = extractFeatures(text);
  const actProbabilities = predictProbabilities(actModel, features.act);
  const actIndex = argMax(actProbabilities);
  const act = actModel.labels[actIndex] as Act;
  const hasOwnTopic = !features.topic.includes('only_backchannel');
  let topic = previousTopic;
  if (hasOwnTopic || topic === undefined) {
    const topicProbabilities = predictProbabilities(topicModel, features.topic);
    const topicIndex = argMax(topicProbabilities);
    const isSure = (topicProbabilities[topicIndex] ?? 0) >= topicCarryOverBelow;
    if (topic === undefined || (hasOwnTopic && isSure)) topic = topicModel.labels[topicIndex] as Topic;
  }
  return { act, topic, confidence: actProbabilities[actIndex] ?? 0 };
}
