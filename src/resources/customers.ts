import type { CardsClientOptions } from '../connection.js';
import { ValidationError } from '../core/errors.js';
import {
  anyText,
  checkOptionalShape,
  checkShape,
  nested,
  oneOf,
  type ParamShape,
  refId,
} from '../core/params.js';
import type { ActionResult } from '../core/schema.js';
import type { RequestOptions } from '../core/spec.js';
import { accessOutcome, deleteCustomerOutcome } from './customer-outcomes.js';
import { CustomerQuestionnairesResource } from './customer-questionnaires.js';
import type {
  AccessRequest,
  AccessRequestParams,
  CreateCustomerParams,
  Customer,
  WaitUntilVerifiedOptions,
} from './customer-schemas.js';
import { waitUntilVerified } from './customer-wait.js';
import {
  CUSTOMER_FIELDS,
  createCustomer,
  deleteCustomer,
  requestAccess,
  retrieveCustomer,
} from './endpoints/customers.js';
import { ClientResource } from './resource.js';

/** A customer: its id, or an object with an `id` (a customer the SDK returned, or your own row). */
export type CustomerRef =
  | string
  | {
      /** The id bfinance issued. */
      readonly id: string;
    };

const DOCUMENT = { issuingCountry: anyText, contentType: anyText } as const;

const CREATE_SHAPE: ParamShape = {
  ...Object.fromEntries(CUSTOMER_FIELDS.map((key) => [key, anyText])),
  level: oneOf(['minimum', 'basic', 'advanced']),
  address: nested(
    Object.fromEntries(
      ['line1', 'line2', 'city', 'state', 'countryCode', 'postalCode'].map((k) => [k, anyText]),
    ),
  ),
  identityDocuments: nested({
    ...DOCUMENT,
    type: oneOf(['passport', 'driverLicense', 'idCard', 'residencePermit']),
    imageFront: anyText,
    imageBack: anyText,
  }),
  otherDocuments: nested({ ...DOCUMENT, type: oneOf(['proofOfAddress']), content: anyText }),
};

/**
 * Customers: creation, verification (KYC) status and product access.
 *
 * @example
 * ```ts
 * const customer = await client.customers.create({ type: 'individual', level: 'basic' });
 * // send customer.sumsub?.url to the customer, then:
 * await client.customers.waitUntilVerified(customer.id, { timeoutMs: 30 * 60_000 });
 * await client.customers.requestAccess(customer.id, { accessType: 'cards', cardType: typeId });
 * ```
 */
export class Customers extends ClientResource {
  /**
   * Questionnaires of a customer.
   *
   * @experimental
   */
  readonly questionnaires: CustomerQuestionnairesResource;

  /**
   * Takes the same options as `CardsClient` (a program that only needs customers builds this alone).
   *
   * @throws {ValidationError} for bad options, as `new CardsClient()` does.
   */
  constructor(options?: CardsClientOptions) {
    super(options);
    this.questionnaires = new CustomerQuestionnairesResource(this.transport);
  }

  /**
   * Creates a customer. Sent with an `Idempotency-Key` and never blindly re-sent, since creation
   * may be billable.
   *
   * @throws {ValidationError} when `type` is not `individual` or `business`, or a field is unknown
   * or of the wrong type.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async create(params: CreateCustomerParams, options?: RequestOptions): Promise<Customer> {
    // No parameters at all lack their type first: that is what the error names.
    const given = checkOptionalShape(params ?? undefined, '', 'customers.create', CREATE_SHAPE);
    if (given.type !== 'individual' && given.type !== 'business') {
      throw new ValidationError("type must be 'individual' or 'business'.", {
        field: 'type',
        rule: 'enum',
        operation: 'customers.create',
        hint: "Pass type: 'individual' for a person or 'business' for a company.",
      });
    }
    return this.send(createCustomer(given), options);
  }

  /**
   * Reads a customer, including verification status and product access.
   *
   * @throws {NotFoundError} when the customer does not exist.
   */
  async retrieve(customer: CustomerRef, options?: RequestOptions): Promise<Customer> {
    return this.send(retrieveCustomer(refId(customer) as string), options);
  }

  /**
   * Deletes a customer. Sent with an `Idempotency-Key` and never blindly re-sent.
   *
   * @throws {NotFoundError} when the customer does not exist.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async delete(customer: CustomerRef, options?: RequestOptions): Promise<ActionResult> {
    const id = refId(customer) as string;
    return this.send(deleteCustomer(id, deleteCustomerOutcome(this.transport, id)), options);
  }

  /**
   * Asks bfinance to give a verified customer access to a product; the answer is `requested`
   * and the decision comes later (poll `customers.retrieve`).
   *
   * @throws {ValidationError} when `accessType` is unknown, `cards` comes without `cardType`, or a
   * field is unknown.
   * @throws {CustomerNotVerifiedError} when the customer is not verified yet.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async requestAccess(
    customer: CustomerRef,
    params: AccessRequestParams,
    options?: RequestOptions,
  ): Promise<AccessRequest> {
    const operation = 'customers.requestAccess';
    const { accessType, cardType } = checkShape(params, '', operation, {
      accessType: anyText,
      cardType: anyText,
    });
    if (accessType !== 'cards' && accessType !== 'virtual-account') {
      throw new ValidationError("accessType must be 'cards' or 'virtual-account'.", {
        field: 'accessType',
        rule: 'enum',
        operation,
        hint: "Pass accessType: 'cards' with a cardType, or accessType: 'virtual-account'.",
      });
    }
    if (accessType === 'cards' && (typeof cardType !== 'string' || cardType.trim() === '')) {
      throw new ValidationError("cardType is required when accessType is 'cards'.", {
        field: 'cardType',
        rule: 'required',
        operation,
        hint: 'Pass the id of a card type from client.cards.types() as cardType.',
      });
    }
    // With virtual-account a cardType is known but meaningless: checked for its type, then left out.
    const body = accessType === 'cards' ? { accessType, cardType: cardType as string } : { accessType };
    const id = refId(customer) as string;
    const outcome = accessOutcome(this.transport, id, body.accessType, body.cardType);
    return this.send(requestAccess(id, body, outcome), options);
  }

  /**
   * Polls `customers.retrieve` until the customer is verified (`active`). Other statuses
   * (`pending`, `needs_information`, `on_hold`...) keep it polling until the timeout.
   *
   * @throws {CustomerNotVerifiedError} when verification ends `rejected` (HTTP status 200).
   * @throws {TimeoutError} when `timeoutMs` passes first.
   * @throws {RequestAbortedError} when the signal fires.
   * @throws {ValidationError} for a bad `timeoutMs`, `intervalMs` or `signal`, or an unknown field.
   */
  async waitUntilVerified(
    customer: CustomerRef,
    wait: WaitUntilVerifiedOptions = {},
    options?: RequestOptions,
  ): Promise<Customer> {
    return waitUntilVerified((callOptions) => this.retrieve(customer, callOptions), wait, options);
  }
}
