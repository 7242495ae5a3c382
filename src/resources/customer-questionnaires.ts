import * as z from 'zod/mini';
import { ValidationError } from '../core/errors.js';
import { path } from '../core/path.js';
import type { RequestOptions } from '../core/spec.js';
import { Resource } from './resource.js';

/**
 * A questionnaire, loosely typed: bfinance has not published its shape, so every field the API
 * sends is kept as is.
 *
 * @experimental
 */
export interface Questionnaire {
  /** The questionnaire id. */
  id: string;
  /** Anything else the API sends (name, completion flag, questions...). */
  [key: string]: unknown;
}

const questionnaireSchema: z.ZodMiniType<Questionnaire, unknown> = z.looseObject({ id: z.string() });

// The list's shape is unpublished: accept `{ questionnaires: [...] }` or a bare array. Issue
// paths are relative to the list either way (`0.id`).
const questionnaireListSchema: z.ZodMiniType<Questionnaire[], unknown> = z.pipe(
  z.transform((value: unknown) =>
    typeof value === 'object' && value !== null && 'questionnaires' in value ? value.questionnaires : value,
  ),
  z.array(questionnaireSchema),
);

const looseRecord: z.ZodMiniType<Record<string, unknown>, unknown> = z.looseObject({});

/**
 * Questionnaires bfinance may ask a customer to complete. Their shapes are not published, so
 * they are typed loosely and may change.
 *
 * @experimental
 *
 * @example
 * ```ts
 * const open = await client.customers.questionnaires.list(customer.id);
 * const form = await client.customers.questionnaires.retrieve(customer.id, open[0].id);
 * await client.customers.questionnaires.submit(customer.id, form.id, { occupation: 'Engineer' });
 * ```
 */
export class CustomerQuestionnairesResource extends Resource {
  /**
   * Lists a customer's questionnaires and whether each is completed.
   *
   * @experimental
   * @throws {NotFoundError} when the customer does not exist.
   */
  async list(customerId: string, options?: RequestOptions): Promise<Questionnaire[]> {
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
   * Submits answers to a questionnaire, sent as `{ answers }`. Re-submitting the same answers
   * converges, so the call is retried like a state change.
   *
   * @experimental
   * @throws {ValidationError} when `answers` is not an object.
   * @throws {BadRequestError} when bfinance refuses the answers.
   */
  async submit(
    customerId: string,
    questionnaireId: string,
    answers: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<Record<string, unknown>> {
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
      throw new ValidationError('answers must be an object.', {
        field: 'answers',
        rule: 'type',
        operation: 'customers.questionnaires.submit',
        hint: 'Pass the answers as an object keyed by question id.',
      });
    }
    return this.transport.request(
      {
        operation: 'customers.questionnaires.submit',
        method: 'POST',
        path: path`/customers/${customerId}/questionnaires/${questionnaireId}/submit`,
        body: { answers },
        schema: looseRecord,
        kind: 'state',
      },
      options,
    );
  }
}
