import type { CorpusEntry } from '../src/core/coaching/classify-trainer.ts';
import { acts, topics } from '../src/core/coaching/labels.ts';

/** The per-label counts table of the training corpus, as it appears in its README. */
export function formatCorpusCounts(entries: readonly CorpusEntry[]): string {
  const leader = entries.filter((e) => e.act !== undefined);
  const lines = [
    `| label | turns |`,
    `| --- | --- |`,
    `| all turns | ${entries.length} |`,
    `| leader turns (with an act) | ${leader.length} |`,
    `| report turns (topic only) | ${entries.length - leader.length} |`,
  ];
  for (const act of acts) lines.push(`| act: ${act} | ${leader.filter((e) => e.act === act).length} |`);
  for (const topic of topics)
    lines.push(`| topic: ${topic} | ${entries.filter((e) => e.topic === topic).length} |`);
  return lines.join('\n');
}

/** Runs of `n` consecutive words of a text, lower-cased, for spotting copied text. */
export function wordRuns(text: string, n: number): string[] {
  const words = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  const runs: string[] = [];
  for (let i = 0; i + n <= words.length; i += 1) runs.push(words.slice(i, i + n).join(' '));
  return runs;
}

/** Corpus texts that share a run of `n` words with any of the given texts. */
export function findSharedRuns(
  corpusTexts: readonly string[],
  otherTexts: readonly string[],
  n = 8,
): string[] {
  const other = new Set(otherTexts.flatMap((t) => wordRuns(t, n)));
  return corpusTexts.filter((t) => wordRuns(t, n).some((run) => other.has(run)));
}
