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
