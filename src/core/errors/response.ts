import { CardsError, type CardsErrorInit } from './base.js';

/** One failing place in a response body: a field path and a zod issue code, never the value. */
export interface ResponseIssue {
  /** Dotted path of the field, e.g. `card.id` (empty for the whole body). */
  path: string;
  /** Why it failed, e.g. `invalid_type`, `invalid_json`, `too_large`. */
  code: string;
}

/** What a {@link ResponseValidationError} carries. */
export interface ResponseValidationInit extends CardsErrorInit {
  /** HTTP status of the response. */
  status: number;
  /** The failing fields, paths and codes only. */
  issues: ResponseIssue[];
  /** A request id from the response headers, when present. */
  requestId?: string | undefined;
  /** The call was confirmed applied; see {@link ResponseValidationError.applied}. */
  applied?: boolean | undefined;
  /** The id of what the applied call created. */
  resourceId?: string | undefined;
}

/** A 2xx response whose body is not what the API contract says (or not JSON at all). */
export class ResponseValidationError extends CardsError {
  /** Always `'ResponseValidationError'`, a literal that survives minification. */
  override readonly name: 'ResponseValidationError' = 'ResponseValidationError';
  /** HTTP status of the response. */
  declare readonly status: number;
  /** The failing fields, paths and codes only. */
  declare readonly issues: readonly ResponseIssue[];
  /** A request id from the response headers, when present. */
  declare readonly requestId: string | undefined;
  /**
   * True when bfinance confirmed the call (`{"status":"success"}`) and only its data failed the
   * schema: a card was issued or money moved, so the call must not be re-sent.
   */
  declare readonly applied: boolean;
  /** The id of what the applied call created, when the body still shows one. */
  declare readonly resourceId: string | undefined;

  /** Builds a response validation error. */
  constructor(message: string, init: ResponseValidationInit) {
    super(message, init);
    this.status = init.status;
    this.issues = init.issues;
    this.requestId = init.requestId;
    this.applied = init.applied ?? false;
    this.resourceId = init.resourceId;
  }
}
