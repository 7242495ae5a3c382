import { path } from '../../core/path.js';
import {
  looseRecord,
  type Questionnaire,
  type QuestionnaireAnswer,
  type QuestionnaireSummary,
  questionnaireListSchema,
  questionnaireSchema,
} from '../questionnaire-schemas.js';
import { type Endpoint, readEndpoint } from './endpoint.js';

// The questionnaire endpoints [SDK-JS], each declared once.

/** `GET /customers/{id}/questionnaires`. */
export function listQuestionnaires(customerId: string): Endpoint<QuestionnaireSummary[]> {
  const at = path`/customers/${customerId}/questionnaires`;
  return readEndpoint('customers.questionnaires.list', at, questionnaireListSchema(), { customerId });
}

/** `GET /customers/{id}/questionnaires/{questionnaireId}`: questions and completion. */
export function retrieveQuestionnaire(customerId: string, questionnaireId: string): Endpoint<Questionnaire> {
  const at = path`/customers/${customerId}/questionnaires/${questionnaireId}`;
  return readEndpoint('customers.questionnaires.retrieve', at, questionnaireSchema(), { customerId });
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
    schema: looseRecord(),
    retry: 'converges',
    subject: { customerId },
  };
}
