import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acts, topics } from '../src/core/coaching/labels.ts';
import { corpusDir, readCorpus } from './corpus.ts';
import { findSharedRuns, formatCorpusCounts } from './corpus-stats.ts';
import { workplaceDir } from './datasets.ts';

const entries = readCorpus();

describe('the training corpus', () => {
  it('has at least 1,500 turns, every act and every topic well represented', () => {
    expect(entries.length).toBeGreaterThanOrEqual(1500);
    for (const act of acts) expect(entries.filter((e) => e.act === act).length).toBeGreaterThanOrEqual(150);
    for (const topic of topics)
      expect(entries.filter((e) => e.topic === topic).length).toBeGreaterThanOrEqual(80);
  });

  it('holds no turn twice for the same speaker', () => {
    const keys = entries.map((e) => `${e.act === undefined ? 'report' : 'leader'}: ${e.text.toLowerCase()}`);
    const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(repeated).toEqual([]);
  });

  it('shares no run of eight words with the workplace evaluation set', () => {
    const evalTexts: string[] = [];
    for (const file of readdirSync(workplaceDir).filter((f) => f.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(join(workplaceDir, file), 'utf8')) as {
        turns: { text: string }[];
      };
      for (const turn of data.turns) evalTexts.push(turn.text);
    }
    expect(evalTexts.length).toBeGreaterThan(0);
    const shared = findSharedRuns(
      entries.map((e) => e.text),
      evalTexts,
    );
    expect(shared).toEqual([]);
  });

  it('is described by a README whose counts match the files', () => {
    const readme = readFileSync(join(corpusDir, 'README.md'), 'utf8');
    expect(readme).toContain(formatCorpusCounts(entries));
  });
});
