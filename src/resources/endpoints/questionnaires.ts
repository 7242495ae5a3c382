import { path } from '../../core/path.js';
import {
  looseRecord,
  type Questionnaire,
  type QuestionnaireAnswer,
  type QuestionnaireSummary,
  questionnaireListSchema,
  questionnaireSchema,
} from '../questionnaire-schemas.js';
import type { Endpoint } from './endpoint.js';

// The questionnaire endpoints [SDK-JS], each declared once.

/** `GET /customers/{id}/questionnaires`. */
export function listQuestionnaires(customerId: string): Endpoint<QuestionnaireSummary[]> {
  return {
    operation: 'customers.questionnaires.list',
    method: 'GET',
    path: path`/customers/${customerId}/questionnaires`,
    schema: questionnaireListSchema(),
    kind: 'safe-to-repeat',
    subject: { customerId },
  };
}

/** `GET /customers/{id}/questionnaires/{questionnaireId}`: questions and completion. */
export function retrieveQuestionnaire(customerId: string, questionnaireId: string): Endpoint<Questionnaire> {
  return {
    operation: 'customers.questionnaires.retrieve',
    method: 'GET',
    path: path`/customers/${customerId}/questionnaires/${questionnaireId}`,
    schema: questionnaireSchema(),
    kind: 'safe-to-repeat',
    subject: { customerId },
  };
}

/**
 * `POST /customers/{id}/questionnaires/{questionnaireId}/submit` `{ answers: [{ id, answer }] }`.
 * Re-submitting the same answers converges, so it is retried like a state change.
 */
export function submitQuestionnaire(
  customerId: string,
  questionnaireId: string,
  answers: QuestionnaireAnswer[],
): Endpoint<Record<string, unknown>> {
  return {
    operation: 'customers.questionnaires.submit',
    method: 'POST',
    path: path`/customers/${customerId}/questionnaires/${questionnaireId}/submit`,
    body: { answers },
    bodyFields: ['answers'],
    schema: looseRecord(),
    kind: 'converges',
    subject: { customerId },
  };
}
