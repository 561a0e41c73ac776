import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors.ts';
import { buildQuestionBank } from '../../core/questions/build-question-bank.ts';
import type { Question } from '../../core/questions/question-bank.ts';

/** content/questions at the repository root, where the shipped and an organization's files live. */
export const questionBankFolder = fileURLToPath(new URL('../../../content/questions/', import.meta.url));

const cache = new Map<string, Promise<readonly Question[]>>();

/**
 * The question bank read from `folder` (content/questions by default) on first use and kept for
 * the life of the process; an invalid bank rejects with the parser's `VALIDATION_FAILED`.
 */
export function loadQuestionBank(folder: string = questionBankFolder): Promise<readonly Question[]> {
  const key = path.resolve(folder);
  let loading = cache.get(key);
  if (loading === undefined) {
    loading = readQuestionFiles(key).then(buildQuestionBank);
    // A failed read is not cached, so fixing the files and retrying works without a restart.
    loading.catch(() => cache.delete(key));
    cache.set(key, loading);
  }
  return loading;
}

async function readQuestionFiles(folder: string) {
  try {
    const names = (await readdir(folder)).filter((name) => /\.ya?ml$/i.test(name));
    return await Promise.all(
      names.map(async (name) => ({ name, text: await readFile(path.join(folder, name), 'utf8') })),
    );
  } catch (error) {
    throw new AppError('INTERNAL', `Could not read the question bank in ${folder}`, { cause: error });
  }
}
