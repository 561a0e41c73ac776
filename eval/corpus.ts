import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusEntry } from '../src/core/coaching/classify-trainer.ts';
import { acts, topics } from '../src/core/coaching/labels.ts';
import { AppError } from '../src/core/errors.ts';

export const corpusDir = join(import.meta.dirname, '..', 'content', 'coaching', 'training');
export const modelPath = join(import.meta.dirname, '..', 'src', 'core', 'coaching', 'classify-model.json');

/** Reads every `*.jsonl` file of the training corpus, in file-name order, and checks each line. */
export function readCorpus(dir: string = corpusDir): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      entries.push(parseLine(line, file, index + 1));
    });
  }
  return entries;
}

function parseLine(line: string, file: string, lineNumber: number): CorpusEntry {
  const fail = (message: string, cause?: unknown): AppError =>
    new AppError('VALIDATION_FAILED', `${file}:${lineNumber}: ${message}`, {
      fields: [{ path: file, message, line: lineNumber }],
      cause,
    });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw fail('not valid JSON', error);
  }
  const { text, act, topic } = value as Record<string, unknown>;
  if (typeof text !== 'string' || text.trim() === '') throw fail('text must be a non-empty string');
  if (!topics.includes(topic as never)) throw fail(`unknown topic ${String(topic)}`);
  if (act !== undefined && !acts.includes(act as never)) throw fail(`unknown act ${String(act)}`);
  return act === undefined
    ? { text, topic: topic as CorpusEntry['topic'] }
    : { text, act: act as CorpusEntry['act'] & string, topic: topic as CorpusEntry['topic'] };
}
