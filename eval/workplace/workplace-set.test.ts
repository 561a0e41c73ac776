import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acts, topics } from '../../src/core/coaching/labels.ts';

// The workplace set is what the classifier is measured against, so a malformed or mislabeled
// file must fail CI rather than quietly shift the figures.

interface Turn {
  speaker: string;
  text: string;
  act?: string;
  topic?: string;
}

interface Transcript {
  id: string;
  title: string;
  kind: string;
  mixed?: boolean;
  leader: string;
  report: string;
  setting: string;
  turns: Turn[];
}

const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const transcripts = files.map((file) => ({
  file,
  data: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Transcript,
}));
const leaderTurns = (t: Transcript): Turn[] => t.turns.filter((turn) => turn.speaker === t.leader);
const allLeaderTurns = transcripts.flatMap(({ data }) => leaderTurns(data));
const words = (turns: Turn[]): number =>
  turns.reduce((sum, turn) => sum + turn.text.split(/\s+/).filter(Boolean).length, 0);
const count = (turns: Turn[], act: string): number => turns.filter((turn) => turn.act === act).length;

describe('the workplace evaluation set', () => {
  it('holds at least 25 transcripts', () => {
    expect(transcripts.length).toBeGreaterThanOrEqual(25);
  });

  it('names every file after its id, with a two-digit number first', () => {
    for (const { file, data } of transcripts) {
      expect(file).toBe(`${data.id}.json`);
      expect(data.id).toMatch(/^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(new Set(transcripts.map(({ data }) => data.id)).size).toBe(transcripts.length);
  });

  it('describes every transcript with a title, a kind, two different people and a setting', () => {
    for (const { file, data } of transcripts) {
      const where = `${file}`;
      expect(['coaching', 'check-in'], where).toContain(data.kind);
      expect(data.title.trim().length, where).toBeGreaterThan(10);
      expect(data.setting.trim().length, where).toBeGreaterThan(20);
      expect(data.leader.trim(), where).not.toBe('');
      expect(data.report.trim(), where).not.toBe(data.leader.trim());
      if (data.mixed !== undefined) expect(data.mixed, where).toBe(true);
    }
  });

  it('has between 25 and 70 turns per transcript, spoken only by the leader and the report', () => {
    for (const { file, data } of transcripts) {
      expect(data.turns.length, file).toBeGreaterThanOrEqual(25);
      expect(data.turns.length, file).toBeLessThanOrEqual(70);
      for (const turn of data.turns) {
        expect([data.leader, data.report], `${file}: ${turn.text}`).toContain(turn.speaker);
        expect(turn.text.trim(), file).not.toBe('');
      }
      expect(leaderTurns(data).length, file).toBeGreaterThan(0);
      expect(leaderTurns(data).length, file).toBeLessThan(data.turns.length);
    }
  });

  it('labels every leader turn with a known act and no report turn with one', () => {
    for (const { file, data } of transcripts) {
      for (const turn of data.turns) {
        if (turn.speaker === data.leader) expect(acts, `${file}: ${turn.text}`).toContain(turn.act);
        else expect(turn.act, `${file}: ${turn.text}`).toBeUndefined();
      }
    }
  });

  it('labels every turn with a known topic', () => {
    for (const { file, data } of transcripts) {
      for (const turn of data.turns) expect(topics, `${file}: ${turn.text}`).toContain(turn.topic);
    }
  });

  it('represents both kinds, each at least two fifths of the set', () => {
    const coaching = transcripts.filter(({ data }) => data.kind === 'coaching').length;
    expect(coaching / transcripts.length).toBeGreaterThanOrEqual(0.4);
    expect((transcripts.length - coaching) / transcripts.length).toBeGreaterThanOrEqual(0.4);
  });

  it('has at least 800 leader turns and at least 80 of every act', () => {
    expect(allLeaderTurns.length).toBeGreaterThanOrEqual(800);
    for (const act of acts) expect(count(allLeaderTurns, act), act).toBeGreaterThanOrEqual(80);
  });

  it('uses every topic somewhere in the set', () => {
    for (const topic of topics) {
      const used = transcripts.flatMap(({ data }) => data.turns).filter((turn) => turn.topic === topic);
      expect(used.length, topic).toBeGreaterThan(0);
    }
  });

  // The kind of a clear-cut transcript must agree with its own turn labels; a mismatch means
  // either the kind or the acts were labeled carelessly.
  it('has clear-cut coaching leaders who ask and reflect more than they tell, and talk less than the report', () => {
    for (const { file, data } of transcripts.filter(({ data }) => data.kind === 'coaching' && !data.mixed)) {
      const leader = leaderTurns(data);
      const asking = count(leader, 'open_question') + count(leader, 'reflection');
      expect(asking, file).toBeGreaterThan(2 * count(leader, 'telling'));
      const report = data.turns.filter((turn) => turn.speaker === data.report);
      expect(words(leader), file).toBeLessThan(words(report));
    }
  });

  it('has clear-cut check-in leaders who tell more than they ask openly or reflect, and talk more than the report', () => {
    for (const { file, data } of transcripts.filter(({ data }) => data.kind === 'check-in' && !data.mixed)) {
      const leader = leaderTurns(data);
      const asking = count(leader, 'open_question') + count(leader, 'reflection');
      expect(count(leader, 'telling'), file).toBeGreaterThan(asking);
      const report = data.turns.filter((turn) => turn.speaker === data.report);
      expect(words(leader), file).toBeGreaterThan(words(report));
    }
  });
});
