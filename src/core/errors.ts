// The engine's errors: statuses, connection, response, outcome and input. A domain's own error
// classes (src/resources/domain-errors.ts) extend these; src/errors.ts unites both for the public.
export {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  IdempotencyKeyReusedError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ServerError,
  UnprocessableEntityError,
} from './errors/api.js';
export { CardsError, type CardsErrorInit, isCardsError } from './errors/base.js';
export { ConnectionError, RequestAbortedError, TimeoutError } from './errors/network.js';
export { OutcomeUnknownError, type OutcomeUnknownInit, type ResendOptions } from './errors/outcome.js';
export {
  type ResponseIssue,
  ResponseValidationError,
  type ResponseValidationInit,
} from './errors/response.js';
export { ValidationError } from './errors/validation.js';
