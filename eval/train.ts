// Trains the act and topic classifiers from content/coaching/training/*.jsonl and writes
// src/core/coaching/classify-model.json. Deterministic: the same corpus gives the same file.
import { writeFileSync } from 'node:fs';
import { serializeModel, trainCoachingModel } from '../src/core/coaching/classify-trainer.ts';
import { corpusDir, modelPath, readCorpus } from './corpus.ts';
import { formatCorpusCounts } from './corpus-stats.ts';

const started = performance.now();
const entries = readCorpus();
const model = trainCoachingModel(entries);
writeFileSync(modelPath, serializeModel(model));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Trained on ${entries.length} turns from ${corpusDir} in ${seconds} s: ` +
    `${Object.keys(model.act.weights).length} act and ${Object.keys(model.topic.weights).length} topic features → ${modelPath}`,
);
console.log(`\nCounts for content/coaching/training/README.md:\n${formatCorpusCounts(entries)}`);
