import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  askingModule,
  listeningModule,
  moduleYaml,
  writeAcademy,
} from '../../../test/integration/academy-fixture.ts';
import { getAcademyModule, loadAcademy, useAcademyFolder } from './load-academy.ts';

const folders: string[] = [];
async function academyWith(...modules: Parameters<typeof writeAcademy>[0]) {
  const folder = await writeAcademy(modules);
  folders.push(folder);
  return folder;
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('loadAcademy', () => {
  it('reads the modules in program order, whatever the folder names, and keeps them for later calls', async () => {
    const folder = await academyWith(listeningModule, askingModule);
    await mkdir(path.join(folder, 'notes-in-progress'));
    const modules = await loadAcademy(folder);
    expect(modules.map((module) => module.id)).toEqual(['asking-drill', 'listening-drill']);
    expect(modules[0]?.lesson).toContain('A question hands the thinking to your report.');
    expect(modules[0]?.workedExample).toMatch(/poor exchange/);
    expect(await loadAcademy(folder)).toBe(modules);
  });

  it('finds a module by id in the folder the server was pointed at, and names a missing one', async () => {
    useAcademyFolder(await academyWith(askingModule));
    expect((await getAcademyModule('asking-drill')).title).toBe('Asking before telling');
    await expect(getAcademyModule('no-such-module')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects an invalid module naming the field, and reads the folder again once it is fixed', async () => {
    const folder = await academyWith(askingModule);
    const file = path.join(folder, '01-asking-drill', 'module.yaml');
    await writeFile(file, moduleYaml(askingModule).replace('minutes: 30', 'minutes: 45'));
    const error = await loadAcademy(folder).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'INTERNAL',
      fields: [{ path: '01-asking-drill/module.yaml:minutes' }],
    });
    await writeFile(file, moduleYaml(askingModule));
    expect((await loadAcademy(folder)).map((module) => module.id)).toEqual(['asking-drill']);
  });

  it('refuses two modules with the same place in the program', async () => {
    const folder = await academyWith(askingModule, { ...listeningModule, order: 1, id: 'second-first' });
    await expect(loadAcademy(folder)).rejects.toThrow(/share the order 1/);
  });

  it('reports a missing folder as an internal error that keeps its cause', async () => {
    const error = await loadAcademy(path.join(tmpdir(), 'tandem-academy-missing')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'INTERNAL' });
    expect((error as Error).cause).toMatchObject({ code: 'ENOENT' });
  });
});
