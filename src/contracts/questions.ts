import { z } from 'zod';
import { growStages, questionCategories } from '../core/questions/question-bank.ts';
import { Slug } from './common.ts';
import { AgendaItemType, type MeetingTemplateView, TemplateKey } from './meetings.ts';

export const GrowStage = z.enum(growStages);
export const QuestionCategory = z.enum(questionCategories);

export const QuestionParams = z.strictObject({
  org: Slug,
  questionId: z.string().min(1).max(100).describe('A custom question’s id (shipped questions stay)'),
});
export const TemplateParams = z.strictObject({ org: Slug, key: TemplateKey });

export const QuestionView = z
  .object({
    id: z.string(),
    text: z.string(),
    grow: GrowStage,
    category: QuestionCategory,
    /** Agenda item types it is suggested for. */
    agendaTypes: z.array(AgendaItemType),
    followUp: z.string().nullable(),
    /** Added by the organization, rather than shipped with Tandem. */
    isCustom: z.boolean(),
  })
  .meta({ id: 'Question' });
export type QuestionView = z.infer<typeof QuestionView>;

export const QuestionsQuery = z.strictObject({
  q: z.string().max(200).optional().describe('Words to find in the question, its tags or follow-up'),
  category: QuestionCategory.optional(),
  grow: GrowStage.optional(),
  agendaType: AgendaItemType.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(30),
});
export const SuggestionsQuery = z.strictObject({
  agendaType: AgendaItemType,
  text: z.string().max(300).optional().describe('The agenda item’s title and details'),
  limit: z.coerce.number().int().min(1).max(10).default(3),
});
export const CustomQuestionInput = z.strictObject({
  text: z
    .string()
    .trim()
    .min(8, 'must be at least 8 characters')
    .max(160, 'must be at most 160 characters: one breath')
    .regex(/[?.]$/, 'must end with "?" (or "." for "Tell me…" prompts)'),
  grow: GrowStage,
  category: QuestionCategory,
});

export type TemplateView = z.infer<typeof MeetingTemplateView>;
export const MeetingTemplateInput = z.strictObject({
  key: TemplateKey,
  name: z.string().trim().min(2).max(80),
  description: z.string().max(500).default(''),
  steps: z
    .array(
      z.strictObject({
        key: z
          .string()
          .min(1)
          .max(40)
          .regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes'),
        title: z.string().trim().min(1).max(120),
        prompt: z.string().max(500).default(''),
      }),
    )
    .min(1)
    .max(12),
});
