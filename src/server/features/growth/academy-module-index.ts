import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** content/academy at the repository root: one `NN-<skill>/module.yaml` per module. */
export const academyFolder = fileURLToPath(new URL('../../../../content/academy/', import.meta.url));

export interface ModuleRef {
  id: string;
  skill: string;
  title: string;
}

const cache = new Map<string, Promise<ReadonlyMap<string, ModuleRef>>>();

/**
 * skill id → the Academy module that teaches it, read once from `folder`. Growth needs only a
 * module's id, skill and title, so a module still being written (or invalid in other ways) is
 * still found, and a skill without a module simply has none; the Academy's own loader holds the
 * full schema to account.
 */
export function loadModulesBySkill(folder: string = academyFolder): Promise<ReadonlyMap<string, ModuleRef>> {
  const key = path.resolve(folder);
  let loading = cache.get(key);
  if (loading === undefined) {
    loading = readModules(key);
    cache.set(key, loading);
  }
  return loading;
}

async function readModules(folder: string): Promise<ReadonlyMap<string, ModuleRef>> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const bySkill = new Map<string, ModuleRef>();
  for (const name of names.filter((entry) => /^\d{2}-/.test(entry)).sort()) {
    const ref = await readModuleRef(path.join(folder, name, 'module.yaml'));
    if (ref && !bySkill.has(ref.skill)) bySkill.set(ref.skill, ref);
  }
  return bySkill;
}

async function readModuleRef(file: string): Promise<ModuleRef | null> {
  let fields: unknown;
  try {
    fields = parse(await readFile(file, 'utf8'));
  } catch {
    // A folder without a readable module.yaml is a module not written yet: its skill has no module.
    return null;
  }
  const { id, skill, title } = (fields ?? {}) as Record<string, unknown>;
  if (typeof id !== 'string' || typeof skill !== 'string') return null;
  return { id, skill, title: typeof title === 'string' ? title : id };
}
