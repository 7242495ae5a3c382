import { refuse } from '../core/refuse.js';
import { snapshot } from '../core/snapshot.js';
import type { RequestOptions } from '../core/spec.js';
import {
  listQuestionnaires,
  retrieveQuestionnaire,
  submitQuestionnaire,
} from './endpoints/questionnaires.js';
import type { Questionnaire, QuestionnaireAnswer, QuestionnaireSummary } from './questionnaire-schemas.js';
import { Resource } from './resource.js';

const OPERATION = 'customers.questionnaires.submit';

function refuseAnswers(field: string, rule: string, message: string): never {
  refuse(
    field,
    rule,
    message,
    'Pass [{ id: questionId, answer }, …], or an object keyed by question id.',
    OPERATION,
  );
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
function answersBody(
  input: readonly QuestionnaireAnswer[] | Readonly<Record<string, QuestionnaireAnswer['answer']>>,
): QuestionnaireAnswer[] {
  const answers = snapshot(input, 'answers') as typeof input;
  if (typeof answers !== 'object' || answers === null) {
    refuseAnswers(
      'answers',
      'type',
      'answers must be a list of { id, answer } or an object keyed by question id.',
    );
  }
  const list: unknown[] = Array.isArray(answers)
    ? answers
    : Object.entries(answers).map(([id, answer]) => ({ id, answer }));
  if (list.length === 0) refuseAnswers('answers', 'required', 'answers must hold at least one answer.');
  return list.map((item, index) => {
    const where = `answers[${index}]`;
    if (typeof item !== 'object' || item === null)
      refuseAnswers(where, 'type', `${where} must be { id, answer }.`);
    const { id, answer, ...extra } = item as Record<string, unknown>;
    const unknown = Object.keys(extra)[0];
    if (unknown !== undefined)
      refuseAnswers(`${where}.${unknown}`, 'unknown_field', `${where} has an unknown field.`);
    if (typeof id !== 'string' || id.trim() === '')
      refuseAnswers(`${where}.id`, 'required', `${where}.id is required.`);
    if (!isAnswerValue(answer)) {
      refuseAnswers(
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
    return this.send(listQuestionnaires(customerId), options);
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
    return this.send(retrieveQuestionnaire(customerId, questionnaireId), options);
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
    return this.send(submitQuestionnaire(customerId, questionnaireId, answersBody(answers)), options);
  }
}
