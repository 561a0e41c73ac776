import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AcademyModule, parseAcademyModule } from '../../core/academy/academy-module.ts';
import { AppError, isAppError } from '../../core/errors.ts';

/** content/academy at the repository root: one `NN-<skill>` folder per module. */
export const shippedAcademyFolder = fileURLToPath(new URL('../../../content/academy/', import.meta.url));

let currentFolder = shippedAcademyFolder;

/**
 * Points the server at another Academy folder for the rest of the process: an organization's own
 * program, or a test's small one.
 */
export function useAcademyFolder(folder: string): void {
  currentFolder = folder;
}

const cache = new Map<string, Promise<readonly AcademyModule[]>>();

/**
 * The Academy's modules in program order, read from `folder` on first use and kept for the life
 * of the process. A folder without `module.yaml` is not a module (yet) and is skipped; a module
 * that does not parse rejects with INTERNAL, the parser's problems as fields and its error as cause.
 */
export function loadAcademy(folder: string = currentFolder): Promise<readonly AcademyModule[]> {
  const key = path.resolve(folder);
  let loading = cache.get(key);
  if (loading === undefined) {
    loading = readModules(key);
    // A failed read is not cached, so fixing a module and retrying works without a restart.
    loading.catch(() => cache.delete(key));
    cache.set(key, loading);
  }
  return loading;
}

/** One module by id; NOT_FOUND when the program has no such module. */
export async function getAcademyModule(moduleId: string): Promise<AcademyModule> {
  const module = (await loadAcademy()).find((candidate) => candidate.id === moduleId);
  if (!module) throw new AppError('NOT_FOUND', `The Academy has no module "${moduleId}".`);
  return module;
}

async function readModules(folder: string): Promise<readonly AcademyModule[]> {
  let entries: string[];
  try {
    entries = (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch (error) {
    throw new AppError('INTERNAL', `Could not read the Academy in ${folder}`, { cause: error });
  }
  const modules: AcademyModule[] = [];
  for (const name of entries.sort()) {
    const files = await readModuleFiles(path.join(folder, name));
    if (!files) continue;
    try {
      modules.push(parseAcademyModule({ folder: name, ...files }));
    } catch (error) {
      throw new AppError('INTERNAL', `The Academy module ${name} cannot be read.`, {
        cause: error,
        fields: isAppError(error) ? error.fields : [],
      });
    }
  }
  const seen = new Map<string, string>();
  for (const module of modules) {
    for (const key of [`id ${module.id}`, `order ${module.order}`]) {
      const other = seen.get(key);
      if (other)
        throw new AppError('INTERNAL', `Two Academy modules share the ${key}: ${other} and ${module.title}.`);
      seen.set(key, module.title);
    }
  }
  return modules.sort((a, b) => a.order - b.order);
}

async function readModuleFiles(folder: string) {
  const read = (name: string) => readFile(path.join(folder, name), 'utf8');
  let moduleYaml: string;
  try {
    moduleYaml = await read('module.yaml');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('INTERNAL', `Could not read ${folder}/module.yaml`, { cause: error });
  }
  try {
    return {
      moduleYaml,
      lessonMarkdown: await read('lesson.md'),
      workedExampleMarkdown: await read('worked-example.md'),
    };
  } catch (error) {
    throw new AppError('INTERNAL', `The Academy module in ${folder} lacks its lesson or worked example.`, {
      cause: error,
    });
  }
}
