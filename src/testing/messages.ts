/**
 * Every error and success text the sandbox answers with, in one place.
 *
 * The SDK's error classifier matches the error texts case-insensitively (the API has no error codes),
 * so these strings are a contract: change one only together with the classifier and its tests.
 */
export const SANDBOX_MESSAGES = Object.freeze({
  // Authentication and transport
  UNAUTHORIZED: 'Unauthorized',
  ROUTE_NOT_FOUND: 'Route not found',
  INVALID_JSON: 'Request body must be valid JSON',
  BODY_NOT_OBJECT: 'Request body must be a JSON object',
  BODY_TOO_LARGE: 'Request body is too large',
  IDEMPOTENCY_MISMATCH: 'Idempotency-Key was reused with a different request',
  INVALID_PAGINATION: 'page and limit must be positive integers',

  // Injected faults
  INTERNAL_ERROR: 'Internal server error',
  BAD_GATEWAY: 'Bad gateway',
  SERVICE_UNAVAILABLE: 'Service unavailable',
  TOO_MANY_REQUESTS: 'Too many requests',

  // Not found
  CARD_NOT_FOUND: 'Card not found',
  CUSTOMER_NOT_FOUND: 'Customer not found',
  DISPUTE_NOT_FOUND: 'Dispute not found',
  BUDGET_NOT_FOUND: 'Budget not found',
  QUESTIONNAIRE_NOT_FOUND: 'Questionnaire not found',
  TRANSACTION_NOT_FOUND: 'Transaction not found for this card',

  // Customers and product access
  CUSTOMER_TYPE_INVALID: 'type must be individual or business',
  CUSTOMER_NOT_VERIFIED: 'Customer is not verified',
  ACCESS_NOT_GRANTED: 'Customer has no granted access to this product',
  ACCESS_TYPE_INVALID: 'accessType must be cards or virtual-account',
  CARD_TYPE_REQUIRED: 'cardType is required when accessType is cards',
  ANSWERS_REQUIRED: 'answers are required',

  // Issuance
  CARD_TYPE_INVALID: 'Card type not found or inactive',
  CARD_TYPE_BUDGET_MISMATCH: 'Card type is invalid for this budget',
  CUSTOMER_ID_REQUIRED: 'customerId is required for this card type',
  NAMES_TOO_SHORT: 'firstName and lastName must be at least 2 characters',
  INITIAL_BALANCE_REQUIRED: 'initialBalance is required',
  INITIAL_BALANCE_INVALID: 'initialBalance must be a non-negative number with at most 2 decimals',
  BUDGET_ID_REQUIRED: 'budgetId is required',
  CARD_ID_REQUIRED: 'cardId is required',

  // Money
  AMOUNT_INVALID: 'amount must be a positive number',
  AMOUNT_DECIMALS: 'amount must have at most 2 decimals',
  MIN_TOP_UP: 'Minimum top-up amount is 1.01',
  ORG_INSUFFICIENT: 'Insufficient funds on organization balance',
  CARD_INSUFFICIENT: 'Insufficient funds on card balance',
  BUDGET_CARD_FUNDS: 'Budget cards cannot be topped up directly',

  // Card state
  CARD_NOT_ACTIVE: 'Card is not active',
  CARD_NOT_FROZEN: 'Card is not frozen',
  CARD_DELETED: 'Card is deleted',
  DELETE_WITH_BALANCE: 'Withdraw the card balance before deleting the card',

  // PIN
  PIN_FORMAT: 'PIN must be 4 to 12 digits',
  PIN_SEQUENCE: 'PIN must not be a simple sequence',
  PIN_REPEATED: 'PIN must not consist of repeated digits',
  PIN_REJECTED: 'PIN is too easy to guess',

  // Card settings
  EMAIL_INVALID: 'email must be a valid email address',
  PHONE_INVALID: 'phone must be a phone number',
  LIMIT_TYPE_INVALID:
    'type must be one of ecommerce-daily, ecommerce-monthly, ecommerce-transaction, pos-daily, pos-monthly, pos-transaction',
  LIMIT_INVALID: 'limit must be a non-negative number',
  VELOCITY_TYPE_INVALID: 'type must be one of DAY, WEEK, MONTH, LIFETIME',

  // Physical cards
  PHYSICAL_CARD_TYPE_INVALID: 'cardType must be budget or prepaid',
  SHIPPING_DATA_INVALID: 'shippingData is missing required fields',
  PHYSICAL_ALREADY_ORDERED: 'Physical card has already been ordered',
  PHYSICAL_NOT_ORDERED: 'Physical card has not been ordered',
  PHYSICAL_ALREADY_ACTIVE: 'Physical card is already activated',
  ACTIVATION_CODE_INVALID: 'Invalid activation code',

  // Disputes
  TEXT_EVIDENCE_LENGTH: 'textEvidence must be between 10 and 65535 characters',
  FILES_INVALID: 'files must be an array of URLs',
  DISPUTE_EXISTS: 'A dispute already exists for this transaction',
  DISPUTE_NOT_PENDING: 'Dispute is not pending',

  // Success texts of `{ status: "success", message }` answers
  OK_CUSTOMER_DELETED: 'Customer has been deleted',
  OK_TOPPED_UP: 'Card has been topped up',
  OK_WITHDRAWN: 'Funds have been withdrawn',
  OK_FROZEN: 'Card has been frozen',
  OK_UNFROZEN: 'Card has been unfrozen',
  OK_DELETED: 'Card has been deleted',
  OK_PIN_SET: 'PIN has been set',
  OK_EMAIL: 'Email has been updated',
  OK_PHONE: 'Phone has been updated',
  OK_VELOCITY: 'Velocity limit has been set',
  OK_PHYSICAL_ORDERED: 'Physical card has been ordered',
  OK_PHYSICAL_ACTIVATED: 'Physical card has been activated',
} as const);

/** Key of {@link SANDBOX_MESSAGES}. */
export type SandboxMessageKey = keyof typeof SANDBOX_MESSAGES;
