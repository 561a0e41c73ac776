import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAnnomiConversations, findAnnomiUtterances, readWorkplaceSet } from './datasets.ts';

describe('evaluation data sets', () => {
  it('find nothing, without failing, when the AnnoMI folder is absent', () => {
    const missing = join(tmpdir(), 'no-such-annomi-folder');
    expect(findAnnomiUtterances(missing)).toBeNull();
    expect(findAnnomiConversations(missing)).toBeNull();
  });

  it('read the workplace transcripts that parse and report the ones that do not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'workplace-'));
    const turns = [
      { speaker: 'Ana', text: 'What would you try first?', act: 'open_question', topic: 'strategy' },
      { speaker: 'Ben', text: 'Probably the rota.', topic: 'strategy' },
    ];
    writeFileSync(
      join(dir, '01-good.json'),
      JSON.stringify({ id: '01-good', kind: 'coaching', leader: 'Ana', turns }),
    );
    writeFileSync(join(dir, '02-broken.json'), '{ "id": ');
    const { conversations, problems } = readWorkplaceSet(dir);
    expect(conversations).toHaveLength(1);
    expect(conversations[0]?.isCoaching).toBe(true);
    expect(conversations[0]?.turns.map((t) => t.isLeader)).toEqual([true, false]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('02-broken.json');
  });

  it('map AnnoMI counsellor behaviour onto our acts, the therapist as leader', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annomi-'));
    const utterances = [
      {
        speaker: 'therapist',
        text: 'What brings you here?',
        behaviour: 'question',
        question_subtype: 'open',
      },
      { speaker: 'client', text: 'My doctor sent me.' },
      { speaker: 'therapist', text: 'So it was not your idea.', behaviour: 'reflection' },
      { speaker: 'therapist', text: 'Here is what we know.', behaviour: 'therapist_input' },
    ];
    writeFileSync(
      join(dir, 'conversations.jsonl'),
      `${JSON.stringify({ transcript_id: 7, mi_quality: 'low', utterances })}\n`,
    );
    const [conversation] = findAnnomiConversations(dir) ?? [];
    expect(conversation?.isCoaching).toBe(false);
    expect(conversation?.turns.map((t) => t.act)).toEqual([
      'open_question',
      undefined,
      'reflection',
      'telling',
    ]);
  });
});
