import type { SkillView } from '../../../contracts/growth.ts';
import { type Skill, skillLevels } from '../../../core/skills/skill-model.ts';
import { loadQuestionBank } from '../../content/load-question-bank.ts';
import { loadSkillModel } from '../../content/load-skill-model.ts';
import { loadModulesBySkill } from './academy-module-index.ts';

const levelLabels: Record<(typeof skillLevels)[number], string> = {
  beginning: 'Beginning',
  developing: 'Developing',
  proficient: 'Proficient',
  'role-model': 'Role model',
};

/** The twelve skills with their levels, the bank's questions that practise them and their Academy module. */
export async function listSkills(): Promise<SkillView[]> {
  const [skills, bank, modules] = await Promise.all([
    loadSkillModel(),
    loadQuestionBank(),
    loadModulesBySkill(),
  ]);
  const textOf = new Map(bank.map((question) => [question.id, question.text]));
  return skills.map((skill) => ({
    id: skill.id,
    name: skill.name,
    definition: skill.definition,
    levels: skillLevels.map((key, index) => ({
      rating: index + 1,
      key,
      label: levelLabels[key],
      behaviours: skill.levels[key],
    })),
    questions: skill.questions.flatMap((id) => {
      const text = textOf.get(id);
      return text === undefined ? [] : [{ id, text }];
    }),
    evidence: skill.evidence,
    moduleId: modules.get(skill.id)?.id ?? null,
  }));
}

/** The skill model keyed by id, in the model's order. */
export async function loadSkillsById(): Promise<ReadonlyMap<string, Skill>> {
  return new Map((await loadSkillModel()).map((skill) => [skill.id, skill]));
}
