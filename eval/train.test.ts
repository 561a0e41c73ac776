import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeModel, trainCoachingModel } from '../src/core/coaching/classify-trainer.ts';
import { modelPath, readCorpus } from './corpus.ts';

describe('the committed classifier model', () => {
  it('is exactly what training on the committed corpus produces (run `npm run train` after editing the corpus)', () => {
    const fresh = serializeModel(trainCoachingModel(readCorpus()));
    const committed = readFileSync(modelPath, 'utf8');
    expect(committed === fresh).toBe(true);
  }, 120_000);
});
