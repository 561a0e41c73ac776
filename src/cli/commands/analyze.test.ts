import { describe, expect, it } from 'vitest';
import { runTandem } from './cli-process.ts';

const coaching = 'src/cli/commands/fixtures/coaching-1on1.vtt';
const checkIn = 'src/cli/commands/fixtures/check-in-1on1.txt';
const notATranscript = 'src/cli/commands/fixtures/not-a-transcript.txt';

// Each run starts a Node process and loads the NLP model: seconds, not milliseconds.
const slow = { timeout: 60_000 };

describe('tandem analyze', slow, () => {
  it('prints one JSON object for one file, with the score, verdict, talk share, acts, topics, action, evidence and suggestions', async () => {
    const run = await runTandem(['analyze', coaching, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const analysis = JSON.parse(run.stdout);
    expect(analysis.file).toBe(coaching);
    expect(analysis.verdict).toBe('coaching');
    expect(analysis.score).toBeGreaterThanOrEqual(75);
    expect(analysis.leader.name).toBe('Sam Rivera');
    expect(analysis.leader.talkShare).toBeGreaterThan(0);
    expect(Object.keys(analysis.leader.acts).sort()).toEqual([
      'closed_question',
      'open_question',
      'other',
      'reflection',
      'telling',
    ]);
    expect(Object.values(analysis.topics).reduce((a: number, b) => a + (b as number), 0)).toBeCloseTo(1, 2);
    expect(analysis.endedWithAction).toBe(true);
    expect(analysis.evidence.length).toBeGreaterThan(0);
    expect(analysis.evidence[0]).toEqual({
      speaker: expect.any(String),
      text: expect.any(String),
      start: expect.any(Number),
      part: expect.any(String),
    });
    expect(Array.isArray(analysis.suggestions)).toBe(true);
    expect(run.stderr).toContain('took Sam Rivera as the leader: asked the most questions');
  });

  it('prints an array in the order of the files for several, and tells the check-in from the coaching 1:1', async () => {
    const run = await runTandem(['analyze', checkIn, coaching, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const analyses = JSON.parse(run.stdout);
    expect(analyses.map((a: { file: string }) => a.file)).toEqual([checkIn, coaching]);
    expect(analyses[0].verdict).not.toBe('coaching');
    expect(analyses[0].score).toBeLessThan(analyses[1].score);
    expect(analyses[0].suggestions[0].questions.length).toBeGreaterThan(0);
  });

  it('prints a readable report without colour codes when the output is not a terminal, and no note when the leader is named', async () => {
    const run = await runTandem(['analyze', checkIn, '--leader', 'dana']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${checkIn}  check-in`);
    expect(run.stdout).toContain('Talk       Dana 84% of the words');
    expect(run.stdout).toContain('Next time');
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stderr).toBe('');
  });

  it('exits with 2 and names the file when a file is missing or is not a transcript', async () => {
    const missing = await runTandem(['analyze', 'no-such-file.vtt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read no-such-file.vtt: no such file.');
    expect(missing.stdout).toBe('');
    const wrong = await runTandem(['analyze', notATranscript, '--json']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`tandem: ${notATranscript}: `);
    expect(wrong.stdout).toBe('');
  });

  it('exits with 2 when the named leader is not a speaker', async () => {
    const run = await runTandem(['analyze', coaching, '--leader', 'Jordan']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '"Jordan" is not a speaker in this transcript (speakers: Sam Rivera, Alex Chen).',
    );
  });
});
