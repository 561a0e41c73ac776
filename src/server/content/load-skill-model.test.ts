import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSkillModel, skillModelFile } from './load-skill-model.ts';

const folders: string[] = [];
async function fileWith(text: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'tandem-skills-'));
  folders.push(folder);
  const file = path.join(folder, 'skills.yaml');
  await writeFile(file, text);
  return file;
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('loadSkillModel', () => {
  it('reads the twelve shipped skills and keeps them for later calls', async () => {
    const skills = await loadSkillModel();
    expect(skills).toHaveLength(12);
    expect(skills[0]?.levels.beginning.length).toBeGreaterThanOrEqual(2);
    expect(await loadSkillModel()).toBe(skills);
  });

  it('rejects a model without twelve skills, and reads the file again once it is fixed', async () => {
    const shipped = await readFile(skillModelFile, 'utf8');
    const lastSkill = shipped.lastIndexOf('\n  - id:');
    const file = await fileWith(shipped.slice(0, lastSkill));
    const error = await loadSkillModel(file).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(error)).toContain('twelve');
    await writeFile(file, shipped);
    expect(await loadSkillModel(file)).toHaveLength(12);
  });

  it('reports a missing file as an internal error that keeps its cause', async () => {
    const missing = path.join(tmpdir(), 'tandem-skills-missing', 'skills.yaml');
    const error = await loadSkillModel(missing).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INTERNAL' });
    expect((error as Error).cause).toMatchObject({ code: 'ENOENT' });
  });
});
