import { fail, text } from './errors.js';
import type { CustomerRecord, QuestionnaireRecord } from './records.js';
import type { SandboxStore } from './state.js';
import type { SandboxAccessType, SandboxFeatureAccess } from './types.js';

const INDIVIDUAL_FIELDS = [
  'level',
  'firstName',
  'lastName',
  'birthDate',
  'nationality',
  'nationalId',
  'address',
  'email',
  'phone',
] as const;

/** The questions every sandbox questionnaire asks, in the shape of bfinance's JS client [SDK-JS]. */
export const QUESTIONNAIRE_QUESTIONS = Object.freeze([
  {
    id: 'occupation',
    question: 'What is your occupation?',
    type: 'text',
    required: true,
    placeholder: 'e.g. Engineer',
    options: [],
  },
  {
    id: 'sourceOfFunds',
    question: 'What is the main source of funds?',
    type: 'select',
    required: true,
    placeholder: null,
    options: ['salary', 'business', 'savings', 'other'],
  },
  {
    id: 'monthlyVolume',
    question: 'Expected monthly card spend (USD)',
    type: 'number',
    required: false,
    placeholder: '1000',
    options: [],
  },
]);

/** `POST /customers`: a new customer starts `pending`, with two open questionnaires. */
export function createCustomer(store: SandboxStore, body: Record<string, unknown>): CustomerRecord {
  if (body.type !== 'individual' && body.type !== 'business') fail(400, 'CUSTOMER_TYPE_INVALID');
  const individualData: Record<string, unknown> = {};
  for (const field of INDIVIDUAL_FIELDS) if (body[field] !== undefined) individualData[field] = body[field];
  const questionnaires: QuestionnaireRecord[] = ['Source of funds', 'Expected card usage'].map((name) => ({
    id: store.random.id(),
    name,
    completed: false,
  }));
  const customer: CustomerRecord = {
    id: store.random.id(),
    type: body.type,
    status: 'pending',
    individualData,
    rejectionReasons: [],
    featuresAccess: [],
    questionnaires,
  };
  store.customers.set(customer.id, customer);
  return customer;
}

/** `GET /customers/{id}`; with `autoVerify`, a pending customer is verified on this read. */
export function readCustomer(store: SandboxStore, id: string): CustomerRecord {
  const customer = store.customer(id);
  if (store.rules.autoVerify && customer.status === 'pending') customer.status = 'active';
  return customer;
}

/** `DELETE /customers/{id}`. */
export function deleteCustomer(store: SandboxStore, id: string): void {
  store.customer(id);
  store.customers.delete(id);
}

/** `POST /customers/{id}/request`: only verified customers may ask for a product. */
export function requestAccess(
  store: SandboxStore,
  id: string,
  body: Record<string, unknown>,
): SandboxFeatureAccess {
  const customer = store.customer(id);
  const type = body.accessType;
  if (type !== 'cards' && type !== 'virtual-account') fail(400, 'ACCESS_TYPE_INVALID');
  const cardType = type === 'cards' ? text(body.cardType) : undefined;
  if (type === 'cards') {
    if (cardType === undefined) fail(400, 'CARD_TYPE_REQUIRED');
    if (store.cardTypes.get(cardType)?.active !== true) fail(400, 'CARD_TYPE_INVALID');
  }
  if (customer.status !== 'active') fail(403, 'CUSTOMER_NOT_VERIFIED');
  const opened = store.rules.autoVerify ? 'granted' : 'requested';
  const existing = customer.featuresAccess.find((a) => a.type === type && a.cardType === cardType);
  if (existing !== undefined) {
    if (existing.status === 'rejected') {
      existing.status = opened;
      existing.rejectionReasons = [];
    }
    return existing;
  }
  const access: SandboxFeatureAccess = {
    id: store.random.id(),
    type,
    ...(cardType !== undefined ? { cardType } : {}),
    status: opened,
    rejectionReasons: [],
  };
  customer.featuresAccess.push(access);
  return access;
}

/** Finds a customer's questionnaire; 404 otherwise. */
export function questionnaire(store: SandboxStore, customerId: string, id: string): QuestionnaireRecord {
  const found = store.customer(customerId).questionnaires.find((q) => q.id === id);
  return found ?? fail(404, 'QUESTIONNAIRE_NOT_FOUND');
}

/**
 * `POST /customers/{id}/questionnaires/{qid}/submit` with `{ answers: [{ id, answer }] }` (the
 * official JS client's form): a non-empty list of answers with string ids completes it.
 */
export function submitQuestionnaire(
  store: SandboxStore,
  customerId: string,
  id: string,
  body: Record<string, unknown>,
): QuestionnaireRecord {
  const found = questionnaire(store, customerId, id);
  const answers = body.answers;
  const valid =
    Array.isArray(answers) &&
    answers.length > 0 &&
    answers.every(
      (a) => typeof a === 'object' && a !== null && typeof (a as { id?: unknown }).id === 'string',
    );
  if (!valid) fail(400, 'ANSWERS_REQUIRED');
  found.answers = answers;
  found.completed = true;
  found.completedAt = new Date().toISOString();
  return found;
}

/** Control: moves a customer's verification to a new state. */
export function setCustomerStatus(
  store: SandboxStore,
  id: string,
  status: CustomerRecord['status'],
  reasons: readonly string[] = [],
): void {
  const customer = store.customer(id);
  customer.status = status;
  customer.rejectionReasons = [...reasons];
}

/**
 * Control: decides a customer's access requests of `type` (optionally only for one card program).
 * With no open request, one is created already decided, so tests can skip the request step.
 */
export function decideAccess(
  store: SandboxStore,
  customerId: string,
  type: SandboxAccessType,
  status: 'granted' | 'rejected',
  options: { cardType?: string; reasons?: readonly string[] } = {},
): void {
  const customer = store.customer(customerId);
  const targets = customer.featuresAccess.filter(
    (a) => a.type === type && (options.cardType === undefined || a.cardType === options.cardType),
  );
  if (targets.length === 0) {
    const access: SandboxFeatureAccess = {
      id: store.random.id(),
      type,
      ...(options.cardType !== undefined ? { cardType: options.cardType } : {}),
      status,
      rejectionReasons: [],
    };
    customer.featuresAccess.push(access);
    targets.push(access);
  }
  for (const access of targets) {
    access.status = status;
    access.rejectionReasons = status === 'rejected' ? [...(options.reasons ?? [])] : [];
  }
}
