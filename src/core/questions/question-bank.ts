import { parseDocument } from 'yaml';
import { AppError, type InvalidField } from '../errors.ts';
import { readQuestion } from './question-fields.ts';
import { pickVaried, rankMatches } from './question-ranking.ts';
import { keywordsOf, stemOf, wordsOf } from './question-words.ts';

/** The four stages of the GROW coaching model, in the order a conversation moves through them. */
export const growStages = ['goal', 'reality', 'options', 'will'] as const;
export type GrowStage = (typeof growStages)[number];

/** The themes of the bank; each shipped file holds one. */
export const questionCategories = [
  'strategy',
  'decisions',
  'mindset',
  'growth',
  'feedback',
  'wellbeing',
  'ownership',
] as const;
export type QuestionCategory = (typeof questionCategories)[number];

/** The types of a 1:1 agenda item a question can be suggested for. */
export const agendaItemTypes = [
  'goal',
  'challenge',
  'decision',
  'mindset',
  'growth',
  'feedback',
  'personal',
  'status',
] as const;
export type AgendaItemType = (typeof agendaItemTypes)[number];

/** One coaching question of the bank. */
export interface Question {
  /** Stable kebab-case id; saved with meetings, so never reuse or rename a shipped one. */
  id: string;
  text: string;
  grow: GrowStage;
  category: QuestionCategory;
  /** Agenda item types it suits; empty means it is only offered through search. */
  agendaTypes: readonly AgendaItemType[];
  tags: readonly string[];
  /** A question to ask once the first one has been answered. */
  followUp?: string;
}

/** A question bank source file: its name (for error messages) and its YAML text. */
export interface QuestionFile {
  name: string;
  text: string;
}

/**
 * Parses and validates question files (YAML, `questions:` list); throws `VALIDATION_FAILED`
 * listing every problem, each naming its file and question.
 */
export function parseQuestionBank(files: readonly QuestionFile[]): Question[] {
  const problems: InvalidField[] = [];
  const questions: Question[] = [];
  const firstSeen = new Map<string, string>();

  for (const file of files) {
    for (const { question, index, line } of readQuestionFile(file, problems)) {
      const earlier = firstSeen.get(question.id);
      if (earlier === undefined) {
        firstSeen.set(question.id, file.name);
        questions.push(question);
      } else {
        problems.push({
          path: `${file.name}:questions.${index}.id`,
          message: `${file.name}: question "${question.id}": id is already used in ${earlier}`,
          line,
        });
      }
    }
  }

  if (problems.length > 0) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    throw new AppError('VALIDATION_FAILED', `The question bank has ${count}: ${problems[0]!.message}`, {
      fields: problems,
    });
  }
  return questions;
}

const vocabulary = { growStages, categories: questionCategories, agendaTypes: agendaItemTypes };

interface ReadQuestion {
  question: Question;
  index: number;
  line: number | undefined;
}

function readQuestionFile(file: QuestionFile, problems: InvalidField[]): ReadQuestion[] {
  const document = parseDocument(file.text, { prettyErrors: false });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? undefined : file.text.slice(0, offset).split('\n').length;
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      problems.push({
        path: file.name,
        message: `${file.name}: not valid YAML: ${error.message.split('\n')[0]}`,
        line: lineOf(error.pos[0]),
      });
    }
    return [];
  }

  const root: unknown = document.toJS();
  const entries = isRecord(root) ? root.questions : undefined;
  if (!isRecord(root) || !Array.isArray(entries) || entries.length === 0) {
    problems.push({ path: file.name, message: `${file.name}: expected a non-empty "questions:" list` });
    return [];
  }
  for (const key of Object.keys(root).filter((key) => key !== 'questions')) {
    problems.push({ path: `${file.name}:${key}`, message: `${file.name}: unknown top-level key "${key}"` });
  }

  const questions: ReadQuestion[] = [];
  entries.forEach((entry: unknown, index) => {
    const startOf = (path: Array<string | number>) =>
      (document.getIn(path, true) as { range?: [number, number, number] } | undefined)?.range?.[0];
    const lineOfField = (field?: string) =>
      lineOf(
        (field === undefined ? undefined : startOf(['questions', index, field])) ??
          startOf(['questions', index]),
      );
    const at = { file: file.name, index, lineOf: lineOfField };
    const question = readQuestion(entry, at, vocabulary, problems);
    if (question !== undefined) questions.push({ question, index, line: lineOfField('id') });
  });
  return questions;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What to look for in the bank; every given criterion must hold. */
export interface QuestionSearch {
  /** Words matched case-insensitively against the start of words in the text, tags and follow-up. */
  text?: string;
  category?: QuestionCategory;
  grow?: GrowStage;
  agendaType?: AgendaItemType;
  /** At most this many results; 20 when not given. */
  limit?: number;
}

/**
 * Questions matching every criterion, best first: more and whole-word hits in the text rank
 * higher; ties keep bank order. Example: `searchQuestions(bank, { text: 'decid', grow: 'will' })`.
 */
export function searchQuestions(bank: readonly Question[], search: QuestionSearch): Question[] {
  const filtered = bank.filter(
    (question) =>
      (search.category === undefined || question.category === search.category) &&
      (search.grow === undefined || question.grow === search.grow) &&
      (search.agendaType === undefined || question.agendaTypes.includes(search.agendaType)),
  );
  const limit = Math.max(0, Math.floor(search.limit ?? 20));
  const queryWords = wordsOf(search.text ?? '');
  if (queryWords.length === 0) return filtered.slice(0, limit);
  const keywords = keywordsOf(search.text ?? '');
  // A query made only of common words ("what would you") still searches by those words.
  const terms = keywords.length > 0 ? keywords : [...new Set(queryWords.map(stemOf))];
  return rankMatches(filtered, terms, { requireAll: true })
    .slice(0, limit)
    .map((match) => match.question);
}

/** The agenda item a suggestion is for, and what to leave out. */
export interface SuggestionRequest {
  agendaType: AgendaItemType;
  /** The item's title and description; their words steer the choice. */
  text?: string;
  /** Only questions of this GROW stage. */
  grow?: GrowStage;
  /** Ids of questions not to suggest (already asked, dismissed). */
  exclude?: readonly string[];
  limit?: number;
}

// Where to look when few questions name the agenda type (e.g. an organization's own questions).
const homeCategory: Record<AgendaItemType, QuestionCategory> = {
  goal: 'strategy',
  challenge: 'ownership',
  decision: 'decisions',
  mindset: 'mindset',
  growth: 'growth',
  feedback: 'feedback',
  personal: 'wellbeing',
  status: 'strategy',
};

/**
 * A few questions for an agenda item (3 unless `limit` says otherwise): ones made for its type,
 * preferring those sharing words with its text, spread over GROW stages and returned in GROW
 * order. The same item always gets the same questions; different items get different ones.
 */
export function suggestQuestions(bank: readonly Question[], request: SuggestionRequest): Question[] {
  const limit = Math.max(0, Math.floor(request.limit ?? 3));
  const excluded = new Set(request.exclude ?? []);
  const allowed = bank.filter(
    (question) =>
      !excluded.has(question.id) && (request.grow === undefined || question.grow === request.grow),
  );
  const made = allowed.filter((question) => question.agendaTypes.includes(request.agendaType));
  const pool =
    made.length >= limit
      ? made
      : made.concat(
          allowed.filter(
            (question) =>
              question.agendaTypes.length === 0 && question.category === homeCategory[request.agendaType],
          ),
        );

  const seed = `${request.agendaType}|${wordsOf(request.text ?? '').join(' ')}`;
  // A question that lists this type first was written for it; other fits rank just behind.
  const bonus = (question: Question) => (question.agendaTypes[0] === request.agendaType ? 1 : 0);
  // "Feedback for Sam" says nothing more about a feedback item than its type already does.
  const typeWords = [request.agendaType, homeCategory[request.agendaType]];
  const terms = keywordsOf(request.text ?? '').filter(
    (term) => !typeWords.some((word) => word.startsWith(term) || term.startsWith(stemOf(word))),
  );
  const ranked = rankMatches(pool, terms, { requireAll: false, seed, bonus });
  const chosen = pickVaried(ranked, limit);
  return chosen
    .sort((a, b) => growStages.indexOf(a.question.grow) - growStages.indexOf(b.question.grow))
    .map((match) => match.question);
}
