import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../src/core/error-map.js';
import type { ApiError } from '../../src/core/errors.js';
import { ERROR_CAUSES } from '../../src/resources/domain-errors.js';
import { SANDBOX_MESSAGES } from '../../src/testing/messages.js';

function map(status: number, message?: string): ApiError {
  return errorFromResponse(
    { status, message, errorId: 'err-1', requestId: 'req-1', operation: 'funds.topUp' },
    ERROR_CAUSES,
  );
}

describe('errorFromResponse by documented cause', () => {
  it.each([
    ['Card type not found', 'InvalidCardTypeError', 'cards.types()'],
    ['Card type is inactive', 'InvalidCardTypeError', 'typeId'],
    ['Invalid typeId', 'InvalidCardTypeError', 'typeId'],
    ['customerId is required for this card type', 'MissingCardholderError', 'customerId'],
    ['budgetId is missing', 'MissingCardholderError', 'budgetId'],
    ['This program requires customerId', 'MissingCardholderError', 'customerId'],
    ['Customer is not verified', 'CustomerNotVerifiedError', 'waitUntilVerified'],
    ['Verification is pending', 'CustomerNotVerifiedError', 'requestAccess'],
    ['Access has not been granted to this product', 'CustomerNotVerifiedError', 'requestAccess'],
    ['Cardholder nationality is not allowed', 'ComplianceRestrictionError', 'program'],
    ['Country is restricted for this program', 'ComplianceRestrictionError', 'program'],
    ['Insufficient funds on organization balance', 'InsufficientFundsError', 'balance'],
    ['Not enough balance on the card', 'InsufficientFundsError', 'balance'],
    ['Card is frozen', 'CardStateError', 'unfreeze'],
    ['Card is not active', 'CardStateError', 'retrieve'],
    ['Card status does not allow this operation', 'CardStateError', 'status'],
    ['Dispute is not pending', 'DisputeStateError', 'pending'],
    ['Dispute cannot be cancelled', 'DisputeStateError', 'disputes.status()'],
    // Contractions read like the words they stand for.
    ["Customer isn't verified", 'CustomerNotVerifiedError', 'waitUntilVerified'],
    ["Customer hasn't been verified yet", 'CustomerNotVerifiedError', 'waitUntilVerified'],
    ["Card type isn't active", 'InvalidCardTypeError', 'typeId'],
    ["Dispute isn't pending", 'DisputeStateError', 'pending'],
    ["Card isn't active", 'CardStateError', 'retrieve'],
  ])('"%s" → %s', (message, name, hintWord) => {
    for (const status of [400, 422, 403, 404, 409, 200]) {
      const error = map(status, message);
      expect(error.name).toBe(name);
      expect(error.status).toBe(status);
      expect(error.hint).toContain(hintWord);
    }
  });

  it('matches case-insensitively', () => {
    expect(map(400, 'INSUFFICIENT FUNDS').name).toBe('InsufficientFundsError');
  });

  it('never maps a 401, a 429 or a 5xx to a domain class', () => {
    expect(map(401, 'Customer is not verified').name).toBe('AuthenticationError');
    expect(map(429, 'Insufficient funds').name).toBe('RateLimitError');
    expect(map(500, 'Insufficient funds').name).toBe('ServerError');
    expect(map(503, 'Card is frozen').name).toBe('ServerError');
  });

  it('keeps the per-status class for an unrecognised message', () => {
    expect(map(400, 'Field label is too long').name).toBe('BadRequestError');
    expect(map(422, 'Something unexpected').name).toBe('UnprocessableEntityError');
  });
});

// Wordings the sandbox never uses (checked below against src/testing/messages.ts): the
// recognisers work from the meaning of each documented cause, not from one spelling.
const PARAPHRASES: Record<string, readonly string[]> = {
  InvalidCardTypeError: [
    'The requested card program is unavailable',
    'typeId 65f1c does not exist',
    'Unknown card type',
    'This card type has been deactivated for your organization',
    'BIN is not enabled',
    'Card product archived',
    'Unsupported card type',
    'No such card program',
  ],
  CustomerNotVerifiedError: [
    'Customer has not completed KYC yet',
    'KYC status is still pending',
    "The cardholder's identity verification is in progress",
    'Customer must be verified before cards can be issued',
    'Product access for this customer was not approved yet',
    'Applicant is awaiting verification',
    'Customer is on hold',
    'Customer KYC was rejected',
    'The customer needs to pass KYC first',
  ],
  MissingCardholderError: [
    'A customer must be provided for this program',
    'budgetId must be specified',
    'This program needs a linked customer',
    'Please supply customerId',
    'Name-only issuance is not allowed here: a customer is mandatory',
    'Missing budget id',
  ],
  ComplianceRestrictionError: [
    'Citizens of this country cannot be onboarded',
    "Issuance is not available in the cardholder's jurisdiction",
    'Customer failed the sanctions screening',
    'Country of residence is not supported by the program',
    'Applicants of this nationality are ineligible',
    'Embargoed country',
    'High-risk country of residence',
  ],
  InsufficientFundsError: [
    'The organization does not have enough money for this top-up',
    'Amount exceeds the available card balance',
    'Organisation balance is too low',
    'Withdrawal amount is greater than the card balance',
    'Not sufficient funds',
    'Your account lacks sufficient funds',
    'Budget is underfunded',
    'Card balance is lower than the requested amount',
    "You don't have enough funds",
  ],
  CardStateError: [
    'This card has been blocked by the issuer',
    'Operation not permitted on a frozen card',
    'Only active cards can be frozen',
    'Cannot unfreeze card: it is blocked',
    'The card was terminated',
    'Card status prohibits this operation',
    'Card is not active for this customer',
    'The card is not in active status',
  ],
  DisputeStateError: [
    'This dispute is no longer pending',
    'The chargeback was already resolved',
    'Dispute has already been closed',
    'A dispute under review cannot be withdrawn',
    'Only pending disputes can be cancelled',
    'Dispute status does not allow cancellation',
    'Dispute already in review',
    'Only disputes in pending status can be cancelled',
  ],
};

// Plain status errors: a subject without a cause, a cause word without its subject, or another
// meaning altogether. When in doubt it stays the status error.
const PLAIN: readonly string[] = [
  'Card not found',
  'Customer not found',
  'Budget not found',
  'Dispute not found',
  'Access denied',
  'Forbidden',
  'Invalid token',
  'Minimum top-up amount is 1.01',
  'Top-up amount is too low',
  'amount must be a positive number',
  'cardType must be budget or prepaid',
  'cardType is required when accessType is cards',
  'countryCode must be an ISO-3 code',
  'Invalid country',
  'A dispute already exists for this transaction',
  'textEvidence must be between 10 and 65535 characters',
  'Physical card has already been ordered',
  'Physical card is already activated',
  'Invalid activation code',
  'A request with this Idempotency-Key is in progress',
  'Your session has expired',
  'Request is pending',
  'Field label is too long',
  'Withdraw the card balance before deleting the card',
  'email must be a valid email address',
  'Card transaction declined for this customer at the merchant',
];

describe('errorFromResponse from wording the sandbox never uses', () => {
  const sandboxTexts = Object.values(SANDBOX_MESSAGES).map((m) => m.toLowerCase());

  it.each(Object.entries(PARAPHRASES))('recognises %s from at least five paraphrases', (name, phrasings) => {
    expect(phrasings.length).toBeGreaterThanOrEqual(5);
    for (const message of phrasings) {
      expect(sandboxTexts).not.toContain(message.toLowerCase());
      for (const status of [400, 403, 409, 422]) {
        expect(map(status, message).name, `${status} ${message}`).toBe(name);
      }
    }
  });

  it.each(PLAIN)('keeps "%s" a plain status error', (message) => {
    expect(map(400, message).name).toBe('BadRequestError');
    expect(map(404, message).name).toBe('NotFoundError');
    expect(map(403, message).name).toBe('PermissionDeniedError');
  });

  it('recognises a cause whatever the case and the words around it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.entries(PARAPHRASES)),
        fc.nat(),
        fc.constantFrom('', 'Error: ', 'Request failed. '),
        fc.constantFrom('', ' (ref 8841)', '. Please try again later.'),
        fc.boolean(),
        ([name, phrasings], pick, before, after, upper) => {
          const text = `${before}${phrasings[pick % phrasings.length]}${after}`;
          expect(map(400, upper ? text.toUpperCase() : text).name).toBe(name);
        },
      ),
    );
  });
});

describe('errorFromResponse: a card top-up or withdrawal refused because the card is a budget card', () => {
  const BUDGET_CARD_REFUSALS = [
    SANDBOX_MESSAGES.BUDGET_CARD_FUNDS,
    'Budget cards cannot be topped up',
    'Top-up is not available for budget cards',
    'Cannot top up a budget card; fund its budget instead',
    'Withdrawals are not supported for budget cards',
    'This operation is not allowed for budget cards',
    'Budget card balance cannot be loaded directly',
    'Budget-cards are funded through their budget',
  ];
  const onOperation = (operation: string, status: number, message: string): ApiError =>
    errorFromResponse({ status, message, errorId: undefined, requestId: undefined, operation }, ERROR_CAUSES);

  it('hints at funds.topUpBudget for every paraphrase, keeping the status class', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUDGET_CARD_REFUSALS),
        fc.constantFrom('funds.topUp', 'funds.withdraw'),
        fc.constantFrom([400, 'BadRequestError'], [422, 'UnprocessableEntityError'], [409, 'ConflictError']),
        fc.boolean(),
        (message, operation, [status, name], upper) => {
          const error = onOperation(operation, status as number, upper ? message.toUpperCase() : message);
          expect(error.name).toBe(name);
          expect(error.hint).toContain('client.funds.topUpBudget(budgetId');
        },
      ),
    );
  });

  it('keeps other causes and other operations to their own hints', () => {
    expect(onOperation('funds.topUp', 404, 'Budget card not found').name).toBe('NotFoundError');
    expect(onOperation('funds.topUp', 400, 'Budget card is frozen').name).toBe('CardStateError');
    expect(onOperation('funds.withdraw', 400, 'Budget card has insufficient funds').name).toBe(
      'InsufficientFundsError',
    );
    for (const operation of ['status.freeze', 'cards.issue', 'funds.topUpBudget']) {
      expect(onOperation(operation, 400, SANDBOX_MESSAGES.BUDGET_CARD_FUNDS).hint).not.toContain(
        'topUpBudget',
      );
    }
  });
});
