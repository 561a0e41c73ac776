import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors.ts';
import { parseSkillModel, type Skill } from '../../core/skills/skill-model.ts';

/** content/skills/skills.yaml at the repository root. */
export const skillModelFile = fileURLToPath(new URL('../../../content/skills/skills.yaml', import.meta.url));

const cache = new Map<string, Promise<readonly Skill[]>>();

/**
 * The twelve skills read from `file` (content/skills/skills.yaml by default) on first use and kept
 * for the life of the process; an invalid model rejects with the parser's `VALIDATION_FAILED`.
 */
export function loadSkillModel(file: string = skillModelFile): Promise<readonly Skill[]> {
  const key = path.resolve(file);
  let loading = cache.get(key);
  if (loading === undefined) {
    loading = readModel(key).then(parseSkillModel);
    // A failed read is not cached, so fixing the file and retrying works without a restart.
    loading.catch(() => cache.delete(key));
    cache.set(key, loading);
  }
  return loading;
}

async function readModel(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new AppError('INTERNAL', `Could not read the skill model in ${file}`, { cause: error });
  }
}
