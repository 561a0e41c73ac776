import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildQuestionBank } from '../../src/core/questions/build-question-bank.ts';
import { parseSkillModel, skillLevels } from '../../src/core/skills/skill-model.ts';

const questionsFolder = new URL('../questions/', import.meta.url);
const bank = buildQuestionBank(
  readdirSync(questionsFolder).map((name) => ({
    name,
    text: readFileSync(new URL(name, questionsFolder), 'utf8'),
  })),
);
const skills = parseSkillModel(readFileSync(new URL('./skills.yaml', import.meta.url), 'utf8'));

describe('the shipped skill model', () => {
  it('holds the twelve skills the Academy modules teach, in program order', () => {
    expect(skills.map((skill) => skill.id)).toEqual([
      'coaching-one-on-ones',
      'powerful-questions',
      'listening-and-reflecting',
      'giving-feedback',
      'inviting-feedback',
      'delegating-for-ownership',
      'goals-and-priorities',
      'accountability',
      'trust-and-safety',
      'strategic-thinking',
      'decision-making',
      'developing-people',
    ]);
  });

  it('points every skill only at questions the shipped bank holds', () => {
    const known = new Set(bank.map((question) => question.id));
    const missing = skills.flatMap((skill) =>
      skill.questions.filter((id) => !known.has(id)).map((id) => `${skill.id} → ${id}`),
    );
    expect(missing).toEqual([]);
  });

  it('describes two to four observable behaviours at every level of every skill', () => {
    for (const skill of skills) {
      for (const level of skillLevels) {
        const count = skill.levels[level].length;
        expect([skill.id, level, count >= 2 && count <= 4]).toEqual([skill.id, level, true]);
      }
    }
  });

  it('never repeats a behaviour between levels, so each level reads differently', () => {
    const all = skills.flatMap((skill) => skillLevels.flatMap((level) => skill.levels[level]));
    expect(new Set(all).size).toBe(all.length);
  });

  it('backs the conversation skills with a figure from real 1:1s', () => {
    const evidence = Object.fromEntries(skills.map((skill) => [skill.id, skill.evidence]));
    expect(evidence).toMatchObject({
      'coaching-one-on-ones': 'leaderTalkShare',
      'powerful-questions': 'openQuestionShare',
      'listening-and-reflecting': 'reflectionToQuestion',
      'delegating-for-ownership': 'reportOwnedSteps',
      accountability: 'followThroughRate',
      'decision-making': 'askShare',
    });
  });

  it('contains no placeholder text', () => {
    const text = readFileSync(new URL('./skills.yaml', import.meta.url), 'utf8');
    expect(text).not.toMatch(/lorem ipsum|\bTODO\b|\bTBD\b|placeholder/i);
  });
});
