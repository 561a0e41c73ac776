import { AppError } from '../errors.ts';
import { parseQuestionBank, type Question, type QuestionFile } from './question-bank.ts';

const yamlName = /\.ya?ml$/i;

/**
 * Builds the bank from the files of a content folder: keeps the YAML ones (the README and tests
 * sit beside them), reads them in name order so ranking ties are stable, and freezes the result.
 */
export function buildQuestionBank(files: readonly QuestionFile[]): readonly Question[] {
  const questionFiles = files
    .filter((file) => yamlName.test(file.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (questionFiles.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'The question bank folder holds no .yaml files', {
      fields: [{ path: 'content/questions', message: 'expected at least one .yaml file of questions' }],
    });
  }
  const bank = parseQuestionBank(questionFiles);
  for (const question of bank) {
    Object.freeze(question.agendaTypes);
    Object.freeze(question.tags);
    Object.freeze(question);
  }
  return Object.freeze(bank);
}
