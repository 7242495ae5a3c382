import * as z from 'zod/mini';
import { ValidationError } from '../core/errors.js';
import { path } from '../core/path.js';
import { freeText, maybe, rare, text } from '../core/schema.js';
import type { RequestOptions } from '../core/spec.js';
import { Resource } from './resource.js';

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
const summaryShape = {
  id: z.string(),
  name: freeText,
  completed: maybe(z.boolean()),
  completedAt: rare(text),
};

const summarySchema = z.object(summaryShape);

// The list's shape is unpublished: accept `{ questionnaires: [...] }` or a bare array. Issue
// paths are relative to the list either way (`0.id`).
const questionnaireListSchema: z.ZodMiniType<QuestionnaireSummary[], unknown> = z.pipe(
  z.transform((value: unknown) =>
    typeof value === 'object' && value !== null && 'questionnaires' in value ? value.questionnaires : value,
  ),
  z.array(summarySchema),
);

const questionSchema = z.object({
  id: z.string(),
  question: freeText,
  type: text,
  required: maybe(z.boolean()),
  placeholder: rare(freeText),
  options: rare(maybe(z.array(z.unknown()))),
});

/** `data.questionnaire` of the questionnaire details [SDK-JS]. */
export const questionnaireSchema: z.ZodMiniType<Questionnaire, unknown> = z.pipe(
  z.object({
    questionnaire: z.object({ ...summaryShape, questionnaire: maybe(z.array(questionSchema)) }),
  }),
  z.transform(
    ({ questionnaire: { questionnaire: questions, ...form } }): Questionnaire => ({
      ...form,
      questionnaire: questions ?? [],
    }),
  ),
);

const looseRecord: z.ZodMiniType<Record<string, unknown>, unknown> = z.looseObject({});

const OPERATION = 'customers.questionnaires.submit';

function refuse(field: string, rule: string, message: string): never {
  throw new ValidationError(message, {
    field,
    rule,
    operation: OPERATION,
    hint: 'Pass [{ id: questionId, answer }, …], or an object keyed by question id.',
  });
}

function isAnswerValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * The wire form of the answers, `[{ id, answer }]`, from that form or an object keyed by
 * question id.
 *
 * @throws {ValidationError} naming the bad answer's field and rule.
 */
export function answersBody(
  answers: readonly QuestionnaireAnswer[] | Readonly<Record<string, QuestionnaireAnswer['answer']>>,
): QuestionnaireAnswer[] {
  if (typeof answers !== 'object' || answers === null) {
    refuse('answers', 'type', 'answers must be a list of { id, answer } or an object keyed by question id.');
  }
  const list: unknown[] = Array.isArray(answers)
    ? answers
    : Object.entries(answers).map(([id, answer]) => ({ id, answer }));
  if (list.length === 0) refuse('answers', 'required', 'answers must hold at least one answer.');
  return list.map((item, index) => {
    const where = `answers[${index}]`;
    if (typeof item !== 'object' || item === null) refuse(where, 'type', `${where} must be { id, answer }.`);
    const { id, answer, ...extra } = item as Record<string, unknown>;
    const unknown = Object.keys(extra)[0];
    if (unknown !== undefined)
      refuse(`${where}.${unknown}`, 'unknown_field', `${where} has an unknown field.`);
    if (typeof id !== 'string' || id.trim() === '')
      refuse(`${where}.id`, 'required', `${where}.id is required.`);
    if (!isAnswerValue(answer)) {
      refuse(
        `${where}.answer`,
        'type',
        `${where}.answer must be a string, number, boolean or list of strings.`,
      );
    }
    return { id, answer: answer as QuestionnaireAnswer['answer'] };
  });
}

/**
 * Questionnaires bfinance may ask a customer to complete (the compliance questionnaire some
 * product access needs). Shapes come from the official JS client only, so they may change.
 *
 * @experimental
 *
 * @example
 * ```ts
 * const open = await client.customers.questionnaires.list(customer.id);
 * const form = await client.customers.questionnaires.retrieve(customer.id, open[0].id);
 * await client.customers.questionnaires.submit(customer.id, form.id, [{ id: 'occupation', answer: 'Engineer' }]);
 * ```
 */
export class CustomerQuestionnairesResource extends Resource {
  /**
   * Lists a customer's questionnaires and whether each is completed.
   *
   * @experimental
   * @throws {NotFoundError} when the customer does not exist.
   */
  async list(customerId: string, options?: RequestOptions): Promise<QuestionnaireSummary[]> {
    return this.transport.request(
      {
        operation: 'customers.questionnaires.list',
        method: 'GET',
        path: path`/customers/${customerId}/questionnaires`,
        schema: questionnaireListSchema,
        kind: 'read',
      },
      options,
    );
  }

  /**
   * Reads one questionnaire: its questions and completion status.
   *
   * @experimental
   * @throws {NotFoundError} when the customer or questionnaire does not exist.
   */
  async retrieve(
    customerId: string,
    questionnaireId: string,
    options?: RequestOptions,
  ): Promise<Questionnaire> {
    return this.transport.request(
      {
        operation: 'customers.questionnaires.retrieve',
        method: 'GET',
        path: path`/customers/${customerId}/questionnaires/${questionnaireId}`,
        schema: questionnaireSchema,
        kind: 'read',
      },
      options,
    );
  }

  /**
   * Submits answers to a questionnaire, sent as `{ answers: [{ id, answer }] }`; an object keyed
   * by question id is converted to that list. Re-submitting the same answers converges, so the
   * call is retried like a state change.
   *
   * @experimental
   * @throws {ValidationError} when `answers` is empty or an answer lacks its id or value.
   * @throws {BadRequestError} when bfinance refuses the answers.
   */
  async submit(
    customerId: string,
    questionnaireId: string,
    answers: readonly QuestionnaireAnswer[] | Readonly<Record<string, QuestionnaireAnswer['answer']>>,
    options?: RequestOptions,
  ): Promise<Record<string, unknown>> {
    const body = { answers: answersBody(answers) };
    return this.transport.request(
      {
        operation: OPERATION,
        method: 'POST',
        path: path`/customers/${customerId}/questionnaires/${questionnaireId}/submit`,
        body,
        schema: looseRecord,
        kind: 'state',
      },
      options,
    );
  }
}
