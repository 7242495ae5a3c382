import { type Amount, toAmount } from '../core/money.js';
import { amountLike, anyText, checkShape, nested, type ParamShape } from '../core/params.js';
import { refuse } from '../core/refuse.js';
import type { CardModel } from './card-ref.js';
import { ISSUE_FIELDS } from './endpoints/cards.js';

/** Card configuration at issuance. */
export interface CardConfiguration {
  /** Name printed or shown on the card. */
  displayName?: string;
  /** Billing address; `countryCode` is ISO-3 (e.g. `USA`). */
  address?: {
    /** First address line. */
    line1?: string;
    /** Second address line. */
    line2?: string;
    /** City. */
    city?: string;
    /** State, province or region. */
    region?: string;
    /** Postal or ZIP code. */
    postalCode?: string;
    /** ISO 3166-1 alpha-3 country code, e.g. `USA`. */
    countryCode?: string;
  };
}

/** Who holds the card: a customer, or a name (2+ characters each) for programs that allow it. */
export type Cardholder =
  | {
      /** A customer of yours (verified, with card access where the program requires it). */
      customerId: string;
      /** Overrides the customer's first name on the card. */
      firstName?: string;
      /** Overrides the customer's last name on the card. */
      lastName?: string;
    }
  | {
      /** No customer: the card is issued to the name below. */
      customerId?: undefined;
      /** Cardholder's first name, 2 characters or more. */
      firstName: string;
      /** Cardholder's last name, 2 characters or more. */
      lastName: string;
    };

/** Fields shared by both card models. */
export interface IssueCommonParams {
  /** Card program id from `cards.types()`. */
  typeId: string;
  /** Your label for the card, e.g. `Travel`. */
  label?: string;
  /** Your own id for the card; card endpoints also accept it in place of the card id. */
  externalId?: string;
  /** Display name and billing address of the card. */
  configuration?: CardConfiguration;
}

/** Issue a standalone (stored-balance) card funded from the organization balance. */
export type IssueStandaloneCardParams = IssueCommonParams &
  Cardholder & {
    /** A standalone card. */
    model: 'card';
    /** Starting balance in major units, moved from the organization balance. */
    initialBalance: Amount;
    /** Not for standalone cards. */
    budgetId?: never;
  };

/** Issue a budget card that spends from a budget. */
export type IssueBudgetCardParams = IssueCommonParams &
  Cardholder & {
    /** A budget card. */
    model: 'budget';
    /** The budget the card spends from; it also pays the issuance fee. */
    budgetId: string;
    /** Not for budget cards: they spend from the budget. */
    initialBalance?: never;
  };

/** Parameters of `cards.issue`: a standalone card or a budget card. */
export type IssueCardParams = IssueStandaloneCardParams | IssueBudgetCardParams;

const ISSUE_SHAPE: ParamShape = {
  ...Object.fromEntries(ISSUE_FIELDS.map((key) => [key, anyText])),
  // `model` is checked below, with its own message.
  model: () => undefined,
  initialBalance: amountLike,
  configuration: nested({
    displayName: anyText,
    address: nested(
      Object.fromEntries(
        ['line1', 'line2', 'city', 'region', 'postalCode', 'countryCode'].map((k) => [k, anyText]),
      ),
    ),
  }),
};

function refuseIssue(field: string, rule: string, message: string, hint: string): never {
  refuse(field, rule, message, hint, 'cards.issue');
}

function text(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Checks `cards.issue` parameters as the types do, for JavaScript callers (no unknown field,
 * every type), and builds the wire body (everything but `model`) from the checked copy.
 *
 * @throws {ValidationError} naming the field and rule.
 */
export function issueBody(params: IssueCardParams): { model: CardModel; body: Record<string, unknown> } {
  // The copy has no prototype; the body stays without one, so an absent field never reads as
  // a value inherited from a polluted Object.prototype.
  const body = checkShape(params, '', 'cards.issue', ISSUE_SHAPE);
  const model = body.model;
  delete body.model;
  if (model !== 'card' && model !== 'budget') {
    refuseIssue(
      'model',
      'enum',
      "model must be 'card' or 'budget'.",
      "Pass model: 'card' (standalone) or 'budget'.",
    );
  }
  if (!text(body.typeId)) {
    refuseIssue('typeId', 'required', 'typeId is required.', 'Pass an id from client.cards.types().');
  }
  if (body.customerId !== undefined && !text(body.customerId)) {
    refuseIssue(
      'customerId',
      'format',
      'customerId must be a non-empty string.',
      'Pass a customer id, or leave it out.',
    );
  }
  if (body.customerId === undefined) {
    for (const field of ['firstName', 'lastName'] as const) {
      const name = body[field];
      if (typeof name !== 'string' || name.trim().length < 2) {
        refuseIssue(
          field,
          'min_length',
          `${field} (2 characters or more) is required without customerId.`,
          'Pass customerId, or firstName and lastName.',
        );
      }
    }
  }
  if (model === 'card') {
    if (body.budgetId !== undefined) {
      refuseIssue(
        'budgetId',
        'not_allowed',
        'budgetId applies only to budget cards.',
        "Use model: 'budget' for a budget card.",
      );
    }
    if (body.initialBalance === undefined) {
      refuseIssue(
        'initialBalance',
        'required',
        'initialBalance is required for a standalone card.',
        'Pass initialBalance, e.g. 50.',
      );
    }
    body.initialBalance = toAmount(body.initialBalance, 'initialBalance');
  } else {
    if (body.initialBalance !== undefined) {
      refuseIssue(
        'initialBalance',
        'not_allowed',
        'initialBalance applies only to standalone cards.',
        'Leave it out: fund the budget instead.',
      );
    }
    if (!text(body.budgetId)) {
      refuseIssue(
        'budgetId',
        'required',
        'budgetId is required for a budget card.',
        'Pass the budget the card spends from.',
      );
    }
  }
  return { model, body };
}
