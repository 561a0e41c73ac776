import { and, desc, eq } from 'drizzle-orm';
import type { QuestionView } from '../../../contracts/questions.ts';
import { AppError } from '../../../core/errors.ts';
import { isYesNoQuestion } from '../../../core/questions/open-question.ts';
import {
  type AgendaItemType,
  type GrowStage,
  type Question,
  type QuestionCategory,
  searchQuestions,
  suggestQuestions,
} from '../../../core/questions/question-bank.ts';
import type { Tenant } from '../../auth/policy.ts';
import { loadQuestionBank } from '../../content/load-question-bank.ts';
import type { Db } from '../../db/client.ts';
import { customQuestions } from '../../db/schema-meetings.ts';

type CustomQuestionRow = typeof customQuestions.$inferSelect;

// An organization's own question is suggested for the agenda items its category speaks to, so
// it competes with the shipped ones instead of waiting behind them.
const agendaTypesByCategory: Record<QuestionCategory, AgendaItemType[]> = {
  strategy: ['goal', 'status'],
  decisions: ['decision'],
  mindset: ['mindset'],
  growth: ['growth'],
  feedback: ['feedback'],
  wellbeing: ['personal'],
  ownership: ['challenge'],
};

function toQuestion(row: CustomQuestionRow): Question {
  const category = row.category as QuestionCategory;
  return {
    id: row.id,
    text: row.text,
    grow: row.grow as GrowStage,
    category,
    agendaTypes: agendaTypesByCategory[category] ?? [],
    tags: [],
  };
}

function toView(question: Question, customIds: ReadonlySet<string>): QuestionView {
  return {
    id: question.id,
    text: question.text,
    grow: question.grow,
    category: question.category,
    agendaTypes: [...question.agendaTypes],
    followUp: question.followUp ?? null,
    isCustom: customIds.has(question.id),
  };
}

/** The organization's own questions first (it chose them), then the shipped bank. */
async function bankOf(db: Db, tenant: Tenant) {
  const [shipped, rows] = await Promise.all([
    loadQuestionBank(),
    db
      .select()
      .from(customQuestions)
      .where(eq(customQuestions.organizationId, tenant.organizationId))
      .orderBy(desc(customQuestions.createdAt)),
  ]);
  const custom = rows.map(toQuestion);
  return { bank: [...custom, ...shipped], customIds: new Set(custom.map((question) => question.id)) };
}

export async function searchBank(
  db: Db,
  tenant: Tenant,
  query: {
    q?: string;
    category?: QuestionCategory;
    grow?: GrowStage;
    agendaType?: AgendaItemType;
    limit: number;
  },
): Promise<QuestionView[]> {
  const { bank, customIds } = await bankOf(db, tenant);
  const found = searchQuestions(bank, {
    text: query.q,
    category: query.category,
    grow: query.grow,
    agendaType: query.agendaType,
    limit: query.limit,
  });
  return found.map((question) => toView(question, customIds));
}

/** A few questions to ask about one agenda item, spread over the GROW stages. */
export async function suggestForAgendaItem(
  db: Db,
  tenant: Tenant,
  query: { agendaType: AgendaItemType; text?: string; limit: number },
): Promise<QuestionView[]> {
  const { bank, customIds } = await bankOf(db, tenant);
  return suggestQuestions(bank, query).map((question) => toView(question, customIds));
}

/**
 * Adds a question of the organization's own. The bank's first rule holds for it too: a question
 * a report can answer with "yes" or "no" is refused, with the open way to ask named.
 */
export async function addCustomQuestion(
  db: Db,
  tenant: Tenant,
  userId: string,
  input: { text: string; grow: GrowStage; category: QuestionCategory },
): Promise<QuestionView> {
  const text = input.text.replace(/\s+/g, ' ').trim();
  if (isYesNoQuestion(text)) {
    throw new AppError('VALIDATION_FAILED', 'This reads as a yes/no question; ask it open.', {
      fields: [
        {
          path: 'body.text',
          message: 'reads as a yes/no question; ask it open (what, how, tell me…)',
        },
      ],
    });
  }
  if ((text.match(/\?/g) ?? []).length > 1) {
    throw new AppError('VALIDATION_FAILED', 'Ask one question at a time.', {
      fields: [{ path: 'body.text', message: 'must ask one question at a time' }],
    });
  }
  const { bank } = await bankOf(db, tenant);
  const same = bank.find((question) => question.text.toLowerCase() === text.toLowerCase());
  if (same) {
    throw new AppError('ALREADY_EXISTS', 'The bank already holds this question.', {
      fields: [{ path: 'body.text', message: 'is already in the bank' }],
      details: { questionId: same.id },
    });
  }
  const [row] = await db
    .insert(customQuestions)
    .values({
      organizationId: tenant.organizationId,
      text,
      grow: input.grow,
      category: input.category,
      createdByUserId: userId,
    })
    .returning();
  const question = toQuestion(row!);
  return toView(question, new Set([question.id]));
}

/** Removes one of the organization's own questions; shipped ones stay in every bank. */
export async function deleteCustomQuestion(db: Db, tenant: Tenant, questionId: string): Promise<void> {
  const shipped = await loadQuestionBank();
  if (shipped.some((question) => question.id === questionId)) {
    throw new AppError(
      'CONFLICT',
      'Questions shipped with Tandem stay in the bank; only your organization’s own can be removed.',
    );
  }
  if (!isUuid(questionId)) throw new AppError('NOT_FOUND', 'No such question of your organization.');
  const deleted = await db
    .delete(customQuestions)
    .where(and(eq(customQuestions.organizationId, tenant.organizationId), eq(customQuestions.id, questionId)))
    .returning({ id: customQuestions.id });
  if (deleted.length === 0) throw new AppError('NOT_FOUND', 'No such question of your organization.');
}

// Custom ids are UUIDs; anything else would make PostgreSQL refuse the comparison.
function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
