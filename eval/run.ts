// `npm run eval` — measures the act and topic classifiers and the transcript-level separation on
// the team's workplace set and on the AnnoMI development half. `--json` prints the figures as JSON.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { classifyTurn, classifyTurns } from '../src/core/coaching/classify.ts';
import {
  type ClassificationReport,
  evaluateClassification,
  rocAuc,
} from '../src/core/coaching/evaluation-metrics.ts';
import { acts, topics } from '../src/core/coaching/labels.ts';
import { its, nlp } from '../src/core/coaching/nlp.ts';
import {
  annomiDir,
  type EvalConversation,
  findAnnomiConversations,
  findAnnomiUtterances,
  readWorkplaceSet,
  repoRoot,
} from './datasets.ts';
import { formatReport } from './report-format.ts';

const isJson = process.argv.includes('--json');
const say = (line: string): void => {
  if (!isJson) console.log(line);
};
const figures: Record<string, unknown> = {};

const fourClasses = ['question', 'reflection', 'telling', 'other'] as const;
const toFour = (act: string): string => (act.endsWith('_question') ? 'question' : act);

function actReports(
  gold: string[],
  predicted: string[],
): { five: ClassificationReport; four: ClassificationReport } {
  return {
    five: evaluateClassification(acts, gold, predicted),
    four: evaluateClassification(fourClasses, gold.map(toFour), predicted.map(toFour)),
  };
}

// Workplace set: every turn is classified in conversation order, so topics carry over as in the app.
const workplace = readWorkplaceSet();
say(`# Workplace set (eval/workplace): ${workplace.conversations.length} transcripts`);
for (const problem of workplace.problems) say(`  skipped ${problem}`);
if (workplace.conversations.length > 0) {
  const goldActs: string[] = [];
  const predictedActs: string[] = [];
  const goldTopics: string[] = [];
  const predictedTopics: string[] = [];
  for (const conversation of workplace.conversations) {
    const labels = classifyTurns(conversation.turns.map((t) => t.text));
    conversation.turns.forEach((turn, i) => {
      const label = labels[i];
      if (label === undefined) return;
      if (turn.isLeader && turn.act !== undefined) {
        goldActs.push(turn.act);
        predictedActs.push(label.act);
      }
      if (turn.topic !== undefined) {
        goldTopics.push(turn.topic);
        predictedTopics.push(label.topic);
      }
    });
  }
  const { five, four } = actReports(goldActs, predictedActs);
  const topic = evaluateClassification(topics, goldTopics, predictedTopics);
  figures.workplace = { transcripts: workplace.conversations.length, act5: five, act4: four, topic };
  say(formatReport('act, 5 classes', five));
  say(formatReport('act, 4 classes (questions merged)', four));
  say(formatReport('topic, all turns', topic));
}

// AnnoMI development half: counsellor utterances, acts only (it is not a workplace topic set).
say('');
const annomi = findAnnomiUtterances();
if (annomi === null) {
  say(`# AnnoMI dev: not found at ${annomiDir} — skipped (it lives outside the repository).`);
  figures.annomi = null;
} else {
  say(`# AnnoMI dev (${annomiDir}): ${annomi.length} counsellor utterances`);
  const predicted = annomi.map((u) => classifyTurn(u.text).act);
  const { five, four } = actReports(
    annomi.map((u) => u.tandem_label),
    predicted,
  );
  figures.annomi = { utterances: annomi.length, act5: five, act4: four };
  say(formatReport('act, 5 classes', five));
  say(formatReport('act, 4 classes (questions merged) — published: TF-IDF ≈ 0.69, RoBERTa ≈ 0.79', four));
}

// Transcript level: does the coaching score put coaching transcripts above check-ins?
say('');
const analyzerPath = join(repoRoot, 'src', 'core', 'coaching', 'analyze-meeting.ts');
type Scorer = (c: EvalConversation) => number | null;
let scorer: Scorer = tellingShareScore;
let scoreName = '1 − telling share of the leader (classifier)';
if (existsSync(analyzerPath)) {
  const { analyzeMeeting } = (await import(analyzerPath)) as {
    analyzeMeeting: (input: unknown) => { score: number | null };
  };
  scoreName = 'coaching score of analyzeMeeting';
  scorer = (c) =>
    analyzeMeeting({
      utterances: c.turns.map((t) => ({ speaker: t.speaker, start: null, end: null, text: t.text })),
      leader: c.leader,
    }).score;
}
const separation: Record<string, unknown> = {};
const conversationSets: Array<[string, EvalConversation[] | null, string]> = [
  ['workplace', workplace.conversations, 'coaching vs check-in'],
  ['annomi', findAnnomiConversations(), 'high vs low MI quality'],
];
say(`# Transcript-level separation (${scoreName})`);
for (const [name, conversations, what] of conversationSets) {
  if (conversations === null || conversations.length === 0) {
    say(`  ${name}: no transcripts — skipped`);
    continue;
  }
  const scored = conversations.map((c) => ({ c, score: scorer(c) }));
  const valid = scored.filter((s): s is { c: EvalConversation; score: number } => s.score !== null);
  const auc = rocAuc(
    valid.map((s) => s.score),
    valid.map((s) => s.c.isCoaching),
  );
  const goldAuc = rocAuc(
    conversations.map(goldTellingShareScore),
    conversations.map((c) => c.isCoaching),
  );
  const positives = conversations.filter((c) => c.isCoaching).length;
  separation[name] = {
    score: scoreName,
    auc,
    goldLabelAuc: goldAuc,
    transcripts: conversations.length,
    positives,
    unscored: scored.length - valid.length,
  };
  say(
    `  ${name} (${what}; ${positives} vs ${conversations.length - positives}): AUC ${fmt(auc)}` +
      `${valid.length < scored.length ? ` (${scored.length - valid.length} unscored)` : ''}; with the gold acts, 1 − telling share: AUC ${fmt(goldAuc)}`,
  );
}
figures.separation = separation;

// Speed: classifyTurns against wink's bare pass (readDoc + tokens + POS) on the same text.
const speedTexts = (annomi ?? workplace.conversations.flatMap((c) => c.turns)).map((t) => t.text);
if (speedTexts.length > 0) {
  const bare = timeIt(() => {
    for (const text of speedTexts) nlp.readDoc(text).tokens().out(its.pos);
  });
  const ours = timeIt(() => classifyTurns(speedTexts));
  figures.speed = { turns: speedTexts.length, bareWinkMs: bare, classifyMs: ours, ratio: bare / ours };
  say(
    `\n# Speed on ${speedTexts.length} turns: wink readDoc+tokens+POS ${bare.toFixed(0)} ms, classifyTurns ${ours.toFixed(0)} ms (throughput ratio ${(bare / ours).toFixed(2)})`,
  );
}

if (isJson) console.log(JSON.stringify(figures, null, 2));

function leaderActs(c: EvalConversation, useGold: boolean): string[] {
  const leaderTurns = c.turns.filter((t) => t.isLeader);
  if (useGold) return leaderTurns.flatMap((t) => (t.act === undefined ? [] : [t.act]));
  return classifyTurns(leaderTurns.map((t) => t.text)).map((l) => l.act);
}

function tellingShareScore(c: EvalConversation): number | null {
  return oneMinusTelling(leaderActs(c, false));
}

function goldTellingShareScore(c: EvalConversation): number {
  return oneMinusTelling(leaderActs(c, true)) ?? 0;
}

function oneMinusTelling(leaderTurnActs: string[]): number | null {
  if (leaderTurnActs.length === 0) return null;
  return 1 - leaderTurnActs.filter((a) => a === 'telling').length / leaderTurnActs.length;
}

// Best of five after a warm-up: the machine is shared, and the minimum is the least disturbed run.
function timeIt(run: () => void): number {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function fmt(x: number | null): string {
  return x === null ? 'n/a' : x.toFixed(3);
}
