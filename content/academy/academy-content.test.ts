import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type AcademyModule,
  countBranches,
  parseAcademyModule,
} from '../../src/core/academy/academy-module.ts';
import { parseSkillModel } from '../../src/core/skills/skill-model.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const skillsFile = path.join(here, '../skills/skills.yaml');
const folders = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function load(folder: string): AcademyModule {
  const read = (name: string) => readFileSync(path.join(here, folder, name), 'utf8');
  return parseAcademyModule({
    folder,
    moduleYaml: read('module.yaml'),
    lessonMarkdown: read('lesson.md'),
    workedExampleMarkdown: read('worked-example.md'),
  });
}

const words = (markdown: string) => markdown.split(/\s+/).filter((word) => /[a-z]/i.test(word)).length;

describe('the Leader Academy content', () => {
  it('has twelve modules of 30 minutes, one per skill of the model', () => {
    expect(existsSync(skillsFile)).toBe(true);
    const skills = parseSkillModel(readFileSync(skillsFile, 'utf8'));
    const modules = folders.map(load);
    expect(modules).toHaveLength(12);
    expect(modules.map((module) => module.skill).sort()).toEqual(skills.map((skill) => skill.id).sort());
    expect(modules.map((module) => module.order).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    expect(modules.reduce((sum, module) => sum + module.minutes, 0)).toBe(360);
  });

  describe.each(folders)('module %s', (folder) => {
    it('has a lesson of at least 800 words, a worked example of a good and a poor exchange, at least 5 quiz questions with explanations, a practice with at least 6 branches and a measurable assignment', () => {
      const module = load(folder);
      expect(words(module.lesson)).toBeGreaterThanOrEqual(800);
      expect(module.workedExample).toMatch(/poor/i);
      expect(module.workedExample).toMatch(/good|better|strong/i);
      expect(module.quiz.length).toBeGreaterThanOrEqual(5);
      expect(countBranches(module)).toBeGreaterThanOrEqual(6);
      expect(module.assignment.checks.length).toBeGreaterThanOrEqual(1);
    });

    it('lets every role-play reach an end from its start', () => {
      const module = load(folder);
      const seen = new Set<string>();
      const queue = [module.practice.start];
      let reachesEnd = false;
      while (queue.length > 0) {
        const id = queue.shift()!;
        if (seen.has(id)) continue;
        seen.add(id);
        const node = module.practice.nodes[id]!;
        if (node.isEnd) reachesEnd = true;
        for (const branch of node.branches) queue.push(branch.next);
      }
      expect(reachesEnd).toBe(true);
    });

    it('contains no placeholder text', () => {
      const all = ['module.yaml', 'lesson.md', 'worked-example.md']
        .map((name) => readFileSync(path.join(here, folder, name), 'utf8'))
        .join('\n');
      expect(all).not.toMatch(/lorem ipsum|\bTODO\b|\bTBD\b|placeholder/i);
    });
  });
});
