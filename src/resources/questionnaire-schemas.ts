import * as z from '../core/reader.js';
import { builtOnFirstUse, freeText, maybe, optionalField, text } from '../core/schema.js';

/**
 * A questionnaire as `questionnaires.list` shows it [SDK-JS]: id, name and completion.
 *
 * @experimental
 */
export interface QuestionnaireSummary {
  /** The questionnaire id. Wire `id`. */
  id: string;
  /** Its name, e.g. `Source of funds`. Wire `name`. */
  name?: string | null | undefined;
  /** Whether it has been answered. Wire `completed`. */
  completed?: boolean | null | undefined;
  /** When it was answered, ISO 8601. Wire `completedAt`. */
  completedAt?: string | null | undefined;
}

/**
 * One question of a questionnaire [SDK-JS].
 *
 * @experimental
 */
export interface QuestionnaireQuestion {
  /** The question id; answers name it. Wire `id`. */
  id: string;
  /** The question text (redacted text). Wire `question`. */
  question?: string | null | undefined;
  /** Kind of answer expected, as the API names it (open string). Wire `type`. */
  type?: string | null | undefined;
  /** Whether an answer is required. Wire `required`. */
  required?: boolean | null | undefined;
  /** Example answer to show (redacted text). Wire `placeholder`. */
  placeholder?: string | null | undefined;
  /** The allowed answers for a choice question, as the API sends them. Wire `options`. */
  options?: unknown[] | null | undefined;
}

/**
 * A questionnaire with its questions (`GET …/questionnaires/{id}` → `data.questionnaire`) [SDK-JS].
 *
 * @experimental
 */
export interface Questionnaire extends QuestionnaireSummary {
  /** The questions (empty when the API sends none). Wire `questionnaire.questionnaire`. */
  questionnaire: QuestionnaireQuestion[];
}

/**
 * One answer as `questionnaires.submit` sends it [SDK-JS]: `{ id, answer }`.
 *
 * @experimental
 */
export interface QuestionnaireAnswer {
  /** The question id. */
  id: string;
  /** The answer: text, a number, a flag or several chosen options. */
  answer: string | number | boolean | readonly string[];
}

// completedAt stays null until the questionnaire is answered; placeholder and options fit only some questions.
const summaryShape = builtOnFirstUse(() => ({
  id: z.string(),
  name: freeText(),
  completed: maybe(z.boolean()),
  completedAt: optionalField(text()),
}));

const summarySchema = builtOnFirstUse(() => z.object(summaryShape()));

// The list's shape is unpublished: accept `{ questionnaires: [...] }` or a bare array. Issue
// paths are relative to the list either way (`0.id`).
export const questionnaireListSchema: () => z.Schema<QuestionnaireSummary[], unknown> = builtOnFirstUse(() =>
  z.pipe(
    z.transform((value: unknown) =>
      typeof value === 'object' && value !== null && 'questionnaires' in value ? value.questionnaires : value,
    ),
    z.array(summarySchema()),
  ),
);

const questionSchema = builtOnFirstUse(() =>
  z.object({
    id: z.string(),
    question: freeText(),
    type: text(),
    required: maybe(z.boolean()),
    placeholder: optionalField(freeText()),
    options: optionalField(maybe(z.array(z.unknown()))),
  }),
);

/** `data.questionnaire` of the questionnaire details [SDK-JS]. */
export const questionnaireSchema: () => z.Schema<Questionnaire, unknown> = builtOnFirstUse(() =>
  z.pipe(
    z.object({
      questionnaire: z.object({ ...summaryShape(), questionnaire: maybe(z.array(questionSchema())) }),
    }),
    z.transform(
      ({ questionnaire: { questionnaire: questions, ...form } }): Questionnaire => ({
        ...form,
        questionnaire: questions ?? [],
      }),
    ),
  ),
);

export const looseRecord: () => z.Schema<Record<string, unknown>, unknown> = builtOnFirstUse(() =>
  z.looseObject({}),
);
