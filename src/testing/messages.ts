/**
 * Every error and success text the sandbox answers with, in one place.
 *
 * The SDK's error classifier matches the error texts case-insensitively (the API has no error codes),
 * so these strings are a contract: change one only together with the classifier and its tests.
 */
export const SANDBOX_MESSAGES = Object.freeze({
  // Authentication and transport
  /** 401: no bearer token, or not the sandbox token. */
  UNAUTHORIZED: 'Unauthorized',
  /** 404: no endpoint at this method and path. */
  ROUTE_NOT_FOUND: 'Route not found',
  /** 400: the request body is not valid JSON. */
  INVALID_JSON: 'Request body must be valid JSON',
  /** 400: the request body is JSON but not an object. */
  BODY_NOT_OBJECT: 'Request body must be a JSON object',
  /** 413: the request body is over the size limit. */
  BODY_TOO_LARGE: 'Request body is too large',
  /** 409: an `Idempotency-Key` came back with a different request. */
  IDEMPOTENCY_MISMATCH: 'Idempotency-Key was reused with a different request',
  /** 400: `page` or `limit` is not a positive integer. */
  INVALID_PAGINATION: 'page and limit must be positive integers',

  // Injected faults
  /** 500: the `status-500` fault, or an unexpected sandbox failure. */
  INTERNAL_ERROR: 'Internal server error',
  /** 502: the `status-502` fault. */
  BAD_GATEWAY: 'Bad gateway',
  /** 503: the `status-503` fault. */
  SERVICE_UNAVAILABLE: 'Service unavailable',
  /** 429: the `status-429` fault (with `Retry-After`). */
  TOO_MANY_REQUESTS: 'Too many requests',
  /** 400: the `status-400` fault. */
  BAD_REQUEST: 'Bad request',
  /** 408: the `status-408` fault. */
  REQUEST_TIMEOUT: 'Request timeout',
  /** 409: the `status-409` fault. */
  REQUEST_IN_PROGRESS: 'A request with this Idempotency-Key is in progress',
  /** 504: the `status-504` fault. */
  GATEWAY_TIMEOUT: 'Gateway timeout',
  /** HTTP 200 with `status: "error"`: the `error-envelope` fault. */
  REQUEST_FAILED: 'The request could not be processed',

  // Not found
  /** 404: no card with this id, `externalCardId` or `externalId`. */
  CARD_NOT_FOUND: 'Card not found',
  /** 404: no customer with this id. */
  CUSTOMER_NOT_FOUND: 'Customer not found',
  /** 404: no dispute with this id. */
  DISPUTE_NOT_FOUND: 'Dispute not found',
  /** 404: no budget with this id. */
  BUDGET_NOT_FOUND: 'Budget not found',
  /** 404: no questionnaire with this id. */
  QUESTIONNAIRE_NOT_FOUND: 'Questionnaire not found',
  /** 404: the disputed transaction is not on the card. */
  TRANSACTION_NOT_FOUND: 'Transaction not found for this card',

  // Customers and product access
  /** 400: a customer `type` other than `individual` or `business`. */
  CUSTOMER_TYPE_INVALID: 'type must be individual or business',
  /** 403: the customer is not verified yet. */
  CUSTOMER_NOT_VERIFIED: 'Customer is not verified',
  /** 403: the customer has no granted access to the product or program. */
  ACCESS_NOT_GRANTED: 'Customer has no granted access to this product',
  /** 400: an unknown `accessType`. */
  ACCESS_TYPE_INVALID: 'accessType must be cards or virtual-account',
  /** 400: a cards access request without `cardType`. */
  CARD_TYPE_REQUIRED: 'cardType is required when accessType is cards',
  /** 400: questionnaire answers missing. */
  ANSWERS_REQUIRED: 'answers are required',

  // Issuance
  /** 400: unknown or inactive `typeId` (or one of the other card model). */
  CARD_TYPE_INVALID: 'Card type not found or inactive',
  /** 400: the budget card program does not match the budget. */
  CARD_TYPE_BUDGET_MISMATCH: 'Card type is invalid for this budget',
  /** 400: the program needs a `customerId`, not just a name. */
  CUSTOMER_ID_REQUIRED: 'customerId is required for this card type',
  /** 400: `firstName` or `lastName` shorter than 2 characters. */
  NAMES_TOO_SHORT: 'firstName and lastName must be at least 2 characters',
  /** 400 (`strictIssuance`): a standalone card issued without `externalId`. */
  EXTERNAL_ID_REQUIRED: 'externalId is required',
  /** 400 (`strictIssuance`): a standalone card issued without `firstName` and `lastName`. */
  NAMES_REQUIRED: 'firstName and lastName are required',
  /** 400 (`strictIssuance`): an `initialBalance` with decimals. */
  INITIAL_BALANCE_INTEGER: 'initialBalance must be an integer',
  /** 400: a standalone card issued without `initialBalance`. */
  INITIAL_BALANCE_REQUIRED: 'initialBalance is required',
  /** 400: `initialBalance` negative, not a number, or with more than 2 decimals. */
  INITIAL_BALANCE_INVALID: 'initialBalance must be a non-negative number with at most 2 decimals',
  /** 400: a budget card issued without `budgetId`. */
  BUDGET_ID_REQUIRED: 'budgetId is required',
  /** 400: a request without the `cardId` it needs (a reissue). */
  CARD_ID_REQUIRED: 'cardId is required',

  // Money
  /** 400: an amount that is not a positive number. */
  AMOUNT_INVALID: 'amount must be a positive number',
  /** 400: an amount with more than 2 decimals. */
  AMOUNT_DECIMALS: 'amount must have at most 2 decimals',
  /** 400: a card top-up under 1.01. */
  MIN_TOP_UP: 'Minimum top-up amount is 1.01',
  /** 400: the organization balance cannot cover the issuance or funding. */
  ORG_INSUFFICIENT: 'Insufficient funds on organization balance',
  /** 400: a withdrawal larger than the card balance. */
  CARD_INSUFFICIENT: 'Insufficient funds on card balance',
  /** 400: a top-up or withdrawal on a budget card. */
  BUDGET_CARD_FUNDS: 'Budget cards cannot be topped up directly',

  // Card state
  /** 400: the operation needs an active card, and this one is blocked, expired or frozen. */
  CARD_NOT_ACTIVE: 'Card is not active',
  /** 400: unfreezing a card that is not frozen. */
  CARD_NOT_FROZEN: 'Card is not frozen',
  /** 400: the card is deleted. */
  CARD_DELETED: 'Card is deleted',
  /** 400: deleting a standalone card that still has a balance. */
  DELETE_WITH_BALANCE: 'Withdraw the card balance before deleting the card',

  // PIN
  /** 400: the PIN is not 4 to 12 digits. */
  PIN_FORMAT: 'PIN must be 4 to 12 digits',
  /** 400: the PIN is an ascending or descending run. */
  PIN_SEQUENCE: 'PIN must not be a simple sequence',
  /** 400: the PIN repeats one digit. */
  PIN_REPEATED: 'PIN must not consist of repeated digits',
  /** 400: the PIN breaks another of the API's PIN rules. */
  PIN_REJECTED: 'PIN is too easy to guess',

  // Card settings
  /** 400: not an email address. */
  EMAIL_INVALID: 'email must be a valid email address',
  /** 400: not a phone number. */
  PHONE_INVALID: 'phone must be a phone number',
  /** 400: an unknown spending-limit `type`. */
  LIMIT_TYPE_INVALID:
    'type must be one of ecommerce-daily, ecommerce-monthly, ecommerce-transaction, pos-daily, pos-monthly, pos-transaction',
  /** 400: a spending limit that is not a non-negative number. */
  LIMIT_INVALID: 'limit must be a non-negative number',
  /** 400: an unknown velocity-limit `type`. */
  VELOCITY_TYPE_INVALID: 'type must be one of DAY, WEEK, MONTH, LIFETIME',

  // Physical cards
  /** 400: a physical-card `cardType` other than `budget` or `prepaid`. */
  PHYSICAL_CARD_TYPE_INVALID: 'cardType must be budget or prepaid',
  /** 400: `shippingData` is missing a required field. */
  SHIPPING_DATA_INVALID: 'shippingData is missing required fields',
  /** 400: a physical card was already ordered for this card. */
  PHYSICAL_ALREADY_ORDERED: 'Physical card has already been ordered',
  /** 400: activating a physical card that was never ordered. */
  PHYSICAL_NOT_ORDERED: 'Physical card has not been ordered',
  /** 400: the physical card is already activated. */
  PHYSICAL_ALREADY_ACTIVE: 'Physical card is already activated',
  /** 400: the activation code does not match. */
  ACTIVATION_CODE_INVALID: 'Invalid activation code',

  // Disputes
  /** 400: `textEvidence` shorter than 10 or longer than 65,535 characters. */
  TEXT_EVIDENCE_LENGTH: 'textEvidence must be between 10 and 65535 characters',
  /** 400: `files` is not an array of URLs. */
  FILES_INVALID: 'files must be an array of URLs',
  /** 409: the transaction already has a pending or accepted dispute. */
  DISPUTE_EXISTS: 'A dispute already exists for this transaction',
  /** 400: cancelling a dispute that is no longer pending. */
  DISPUTE_NOT_PENDING: 'Dispute is not pending',

  // Success texts of `{ status: "success", message }` answers
  /** Success text of a customer deletion. */
  OK_CUSTOMER_DELETED: 'Customer has been deleted',
  /** Success text of a card top-up. */
  OK_TOPPED_UP: 'Card has been topped up',
  /** Success text of a withdrawal. */
  OK_WITHDRAWN: 'Funds have been withdrawn',
  /** Success text of a freeze. */
  OK_FROZEN: 'Card has been frozen',
  /** Success text of an unfreeze. */
  OK_UNFROZEN: 'Card has been unfrozen',
  /** Success text of a card deletion. */
  OK_DELETED: 'Card has been deleted',
  /** Success text of a PIN change. */
  OK_PIN_SET: 'PIN has been set',
  /** Success text of an email update. */
  OK_EMAIL: 'Email has been updated',
  /** Success text of a phone update. */
  OK_PHONE: 'Phone has been updated',
  /** Success text of a velocity-limit change. */
  OK_VELOCITY: 'Velocity limit has been set',
  /** Success text of a physical-card order. */
  OK_PHYSICAL_ORDERED: 'Physical card has been ordered',
  /** Success text of a physical-card activation. */
  OK_PHYSICAL_ACTIVATED: 'Physical card has been activated',
} as const);

/** Key of {@link SANDBOX_MESSAGES}. */
export type SandboxMessageKey = keyof typeof SANDBOX_MESSAGES;

/** 400: a body field of another JSON type than the route declares, e.g. `amount must be a number`. */
export function fieldTypeMessage(field: string, type: string): string {
  return `${field} must be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/** 404 with the routes closest to the one asked for, e.g. `Route not found; did you mean POST /cards/:id/topup?` */
export function routeNotFoundMessage(
  closest: readonly string[],
  notFound: string = SANDBOX_MESSAGES.ROUTE_NOT_FOUND,
): string {
  const list = closest.length > 1 ? `${closest.slice(0, -1).join(', ')} or ${closest.at(-1)}` : closest[0];
  return list === undefined ? notFound : `${notFound}; did you mean ${list}?`;
}
