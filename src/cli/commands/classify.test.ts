import { describe, expect, it } from 'vitest';
import { runTandem } from './cli-process.ts';

const slow = { timeout: 60_000 };

describe('tandem classify', slow, () => {
  it('labels each JSON line with an act and a topic, keeping ids and order', async () => {
    const input = [
      { id: 'a', text: 'What options do you see?' },
      { id: 7, text: 'Send me the status update by Friday.' },
      { id: 'c', text: 'Did you close the ticket?' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const run = await runTandem(['classify'], `${input}\n\n`);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id)).toEqual(['a', 7, 'c']);
    expect(lines.map((l) => l.act)).toEqual(['open_question', 'telling', 'closed_question']);
    for (const line of lines) expect(Object.keys(line)).toEqual(['id', 'act', 'topic']);
  });

  it('stops at a bad line with exit code 2, naming the line, after writing the lines before it', async () => {
    const run = await runTandem(['classify'], '{"id":"a","text":"How did it go?"}\n{"id":"b","text":\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('line 2: not valid JSON');
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const missingText = await runTandem(['classify'], '{"id":"a"}\n');
    expect(missingText.code).toBe(2);
    expect(missingText.stderr).toContain('line 1: "text" must be a string');
  });
});
