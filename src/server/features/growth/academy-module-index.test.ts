import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadModulesBySkill } from './academy-module-index.ts';

const folders: string[] = [];
async function academyWith(modules: Record<string, string | null>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'tandem-academy-'));
  folders.push(folder);
  for (const [name, yaml] of Object.entries(modules)) {
    await mkdir(path.join(folder, name));
    if (yaml !== null) await writeFile(path.join(folder, name, 'module.yaml'), yaml);
  }
  return folder;
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('loadModulesBySkill', () => {
  it('finds each skill’s module by the skill its module.yaml names', async () => {
    const folder = await academyWith({
      '02-powerful-questions': 'id: powerful-questions\nskill: powerful-questions\ntitle: Asking questions\n',
      '08-follow-through': 'id: follow-through\nskill: accountability\norder: 8\n',
    });
    const modules = await loadModulesBySkill(folder);
    expect(modules.get('powerful-questions')).toEqual({
      id: 'powerful-questions',
      skill: 'powerful-questions',
      title: 'Asking questions',
    });
    expect(modules.get('accountability')?.id).toBe('follow-through');
  });

  it('tolerates folders still being written and other files beside the modules', async () => {
    const folder = await academyWith({
      '03-listening-and-reflecting': null,
      '04-giving-feedback': 'id: [unclosed',
      '05-inviting-feedback': 'title: No id yet\n',
      drafts: 'id: stray\nskill: stray\n',
    });
    expect((await loadModulesBySkill(folder)).size).toBe(0);
  });

  it('answers an empty index when the Academy folder does not exist', async () => {
    const missing = path.join(tmpdir(), 'tandem-academy-missing-folder');
    expect((await loadModulesBySkill(missing)).size).toBe(0);
  });
});
