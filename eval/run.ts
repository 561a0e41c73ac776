// `npm run eval` — measures the act and topic classifiers and the transcript-level separation on
// the team's workplace set and on the AnnoMI development half. `--json` prints the figures as JSON.
import { classifyTurn, classifyTurns } from '../src/core/coaching/classify.ts';
import {
  type ClassificationReport,
  evaluateClassification,
} from '../src/core/coaching/evaluation-metrics.ts';
import { acts, topics } from '../src/core/coaching/labels.ts';
import { its, nlp } from '../src/core/coaching/nlp.ts';
import { readCorpus } from './corpus.ts';
import { findSharedRuns } from './corpus-stats.ts';
import {
  annomiDir,
  type EvalConversation,
  findAnnomiConversations,
  findAnnomiUtterances,
  readWorkplaceSet,
} from './datasets.ts';
import { formatReport } from './report-format.ts';
import {
  classifierTellingScore,
  findMeetingScore,
  goldTellingScore,
  measureSeparation,
  type Separation,
  type TranscriptScore,
} from './separation.ts';

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
  const copied = findSharedRuns(
    readCorpus().map((e) => e.text),
    annomi.map((u) => u.text),
  );
  figures.annomi = {
    utterances: annomi.length,
    act5: five,
    act4: four,
    corpusLinesSharingEightWords: copied.length,
  };
  say(`Training corpus lines sharing a run of eight words with AnnoMI: ${copied.length}`);
  say(formatReport('act, 5 classes', five));
  say(formatReport('act, 4 classes (questions merged) — published: TF-IDF ≈ 0.69, RoBERTa ≈ 0.79', four));
}

// Transcript level: does the coaching score put coaching transcripts above check-ins?
say('');
const scores: Array<[string, TranscriptScore]> = [];
const meetingScore = await findMeetingScore();
if (meetingScore === null)
  say('# analyze-meeting.ts not found: transcript level measured by the classifier alone');
else scores.push(['coaching score of analyzeMeeting', meetingScore]);
scores.push(['1 − telling share of the leader (classifier)', classifierTellingScore]);
scores.push(['1 − telling share of the leader (gold acts)', goldTellingScore]);
const conversationSets: Array<[string, EvalConversation[] | null, string]> = [
  ['workplace', workplace.conversations, 'coaching vs check-in'],
  ['annomi', findAnnomiConversations(), 'high vs low MI quality'],
];
const separation: Record<string, Separation[]> = {};
say('# Transcript-level separation (AUC)');
for (const [name, conversations, what] of conversationSets) {
  if (conversations === null || conversations.length === 0) {
    say(`  ${name}: no transcripts — skipped`);
    continue;
  }
  const positives = conversations.filter((c) => c.isCoaching).length;
  say(`  ${name} (${what}; ${positives} vs ${conversations.length - positives} transcripts)`);
  separation[name] = scores.map(([scoreName, score]) => {
    const result = measureSeparation(scoreName, conversations, score);
    const unscored = result.unscored > 0 ? ` (${result.unscored} unscored)` : '';
    say(`    ${scoreName.padEnd(46)} AUC ${fmt(result.auc)}${unscored}`);
    return result;
  });
}
figures.separation = separation;

// Speed: classifyTurns against wink's bare pass (readDoc + tokens + POS) on the same text.
const speedTexts = (annomi ?? workplace.conversations.flatMap((c) => c.turns)).map((t) => t.text);
if (speedTexts.length > 0) {
  const [bare, ours] = timeBoth(
    () => {
      for (const text of speedTexts) nlp.readDoc(text).tokens().out(its.pos);
    },
    () => classifyTurns(speedTexts),
  );
  figures.speed = { turns: speedTexts.length, bareWinkMs: bare, classifyMs: ours, ratio: bare / ours };
  say(
    `\n# Speed on ${speedTexts.length} turns: wink readDoc+tokens+POS ${bare.toFixed(0)} ms CPU, classifyTurns ${ours.toFixed(0)} ms CPU (throughput ratio ${(bare / ours).toFixed(2)})`,
  );
}

if (isJson) console.log(JSON.stringify(figures, null, 2));

// CPU time of the process (all threads, so garbage collection counts), best of seven with the
// two runs interleaved after a warm-up: the machine is shared, and wall-clock time there
// measures the neighbours as much as the code.
function timeBoth(first: () => void, second: () => void): [number, number] {
  first();
  second();
  let bestFirst = Number.POSITIVE_INFINITY;
  let bestSecond = Number.POSITIVE_INFINITY;
  const cpuMs = (run: () => void): number => {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  for (let i = 0; i < 7; i += 1) {
    bestFirst = Math.min(bestFirst, cpuMs(first));
    bestSecond = Math.min(bestSecond, cpuMs(second));
  }
  return [bestFirst, bestSecond];
}

function fmt(x: number | null): string {
  return x === null ? 'n/a' : x.toFixed(3);
}
