import * as z from 'zod/mini';
import {
  CustomerNotVerifiedError,
  RequestAbortedError,
  TimeoutError,
  ValidationError,
} from '../core/errors.js';
import { path } from '../core/path.js';
import type { OutcomeSpec } from '../core/reconcile.js';
import { sleep } from '../core/retry.js';
import { type ActionResult, actionResult, maybe } from '../core/schema.js';
import type { RequestOptions, Transport } from '../core/transport.js';
import { Resource } from './resource.js';
import { readOptions, settleByRead } from './settle.js';

/** Whether the customer is a person or a company. */
export type CustomerType = 'individual' | 'business';

/** How deeply bfinance verifies the customer. */
export type VerificationLevel = 'minimum' | 'basic' | 'advanced';

/** Verification status of a customer; open to values the API may add. */
export type CustomerStatus =
  | 'pending'
  | 'active'
  | 'rejected'
  | 'needs_information'
  | 'update_requested'
  | 'on_hold'
  | (string & {});

/** A product a customer can be given access to. */
export type AccessType = 'cards' | 'virtual-account';

/** Status of a product-access request; open to values the API may add. */
export type FeatureAccessStatus = 'requested' | 'granted' | 'rejected' | (string & {});

/** A postal address sent when creating a customer. */
export interface CustomerAddressInput {
  /** Street and number. */
  line1?: string;
  /** Apartment, suite, building. */
  line2?: string;
  /** City. */
  city?: string;
  /** State, region or province. */
  state?: string;
  /** Country code. */
  countryCode?: string;
  /** Postal or ZIP code. */
  postalCode?: string;
}

/** An identity document verified by your own provider. */
export interface IdentityDocumentInput {
  /** Kind of document. */
  type: 'passport' | 'driverLicense' | 'idCard' | 'residencePermit';
  /** Country that issued the document. */
  issuingCountry?: string;
  /** Front image, encoded as bfinance expects (base64 in practice). */
  imageFront?: string;
  /** Back image, when the document has one. */
  imageBack?: string;
  /** MIME type of the images, e.g. `image/jpeg`. */
  contentType?: string;
}

/** A supporting document such as a proof of address. */
export interface OtherDocumentInput {
  /** Kind of document. */
  type: 'proofOfAddress';
  /** Country that issued the document. */
  issuingCountry?: string;
  /** The document content, encoded as bfinance expects (base64 in practice). */
  content?: string;
  /** MIME type of `content`, e.g. `application/pdf`. */
  contentType?: string;
}

/**
 * What `customers.create` sends. With only `type` (and `level`) bfinance runs the verification
 * itself and answers with a hosted link in `sumsub.url`; send verified data and documents, or a
 * Sumsub share token, when you verify the customer yourself.
 */
export interface CreateCustomerParams {
  /** A person or a company. */
  type: CustomerType;
  /** Verification level to run. */
  level?: VerificationLevel;
  /** A Sumsub Reusable-KYC share token, when you already verified the customer with Sumsub. */
  sumsubShareToken?: string;
  /** Legal first name, as on the identity document (placeholder names get rejected). */
  firstName?: string;
  /** Legal last name, as on the identity document. */
  lastName?: string;
  /** Date of birth, `YYYY-MM-DD`. */
  birthDate?: string;
  /** Nationality as an ISO 3166-1 alpha-3 code, e.g. `DEU`. */
  nationality?: string;
  /** National id or tax id. */
  nationalId?: string;
  /** Residential address. */
  address?: CustomerAddressInput;
  /** Phone number. */
  phone?: string;
  /** Email address. */
  email?: string;
  /** An identity document you verified yourself (you must also have run liveness). */
  identityDocuments?: IdentityDocumentInput;
  /** A supporting document, e.g. a proof of address. */
  otherDocuments?: OtherDocumentInput;
}

/** An address as the API returns it; older responses use `country` and `zipCode`. */
export interface CustomerAddress {
  /** Street and number. */
  line1?: string | null | undefined;
  /** Apartment, suite, building. */
  line2?: string | null | undefined;
  /** City. */
  city?: string | null | undefined;
  /** State, region or province. */
  state?: string | null | undefined;
  /** Country code (newer responses). */
  countryCode?: string | null | undefined;
  /** Postal code (newer responses). */
  postalCode?: string | null | undefined;
  /** Country code (older responses). */
  country?: string | null | undefined;
  /** Postal code (older responses). */
  zipCode?: string | null | undefined;
}

/** The personal data bfinance holds for an individual customer. */
export interface IndividualData {
  /** Verification level asked for. */
  level?: VerificationLevel | (string & {}) | null | undefined;
  /** Legal first name. */
  firstName?: string | null | undefined;
  /** Legal last name. */
  lastName?: string | null | undefined;
  /** Date of birth. */
  birthDate?: string | null | undefined;
  /** Nationality code. */
  nationality?: string | null | undefined;
  /** National id or tax id. */
  nationalId?: string | null | undefined;
  /** Residential address. */
  address?: CustomerAddress | null | undefined;
  /** Email address. */
  email?: string | null | undefined;
  /** Phone number. */
  phone?: string | null | undefined;
}

/** A customer's access to one product. */
export interface FeatureAccess {
  /** Id of the access entry. */
  id: string;
  /** The product. */
  type: AccessType | (string & {});
  /** Card-type id (a `typeId`), for `cards` access. */
  cardType?: string | null | undefined;
  /** `requested` until bfinance decides, then `granted` or `rejected`. */
  status: FeatureAccessStatus;
  /** Why the access was rejected. */
  rejectionReasons?: string[] | undefined;
}

/** A customer, as `customers.create` and `customers.retrieve` return it. */
export interface Customer {
  /** The customer id; pass it as `customerId` when issuing cards. */
  id: string;
  /** A person or a company. */
  type: CustomerType | (string & {});
  /** Verification status; cards need `active` for programs that require verification. */
  status: CustomerStatus;
  /** Personal data of an individual customer. */
  individualData?: IndividualData | null | undefined;
  /** Product access requested or granted (`customers.retrieve`). */
  featuresAccess?: FeatureAccess[] | undefined;
  /** The hosted verification link to send to the customer. */
  sumsub?:
    | {
        /** The link; send it to the customer. */
        url: string;
      }
    | null
    | undefined;
  /** Why verification was rejected, when the API says. */
  rejectionReasons?: string[] | undefined;
  /** Whether a rejected customer may submit again, when the API says. */
  canResubmit?: boolean | undefined;
}

/** What `customers.requestAccess` sends: `cards` access names the card type. */
export type AccessRequestParams =
  | {
      /** Access to a card program. */
      accessType: 'cards';
      /** The card-type id (a `typeId` from `client.cards.types()`). */
      cardType: string;
    }
  | {
      /** Access to virtual accounts. */
      accessType: 'virtual-account';
    };

/** The access request bfinance recorded; it is decided asynchronously. */
export interface AccessRequest {
  /** The product asked for. */
  accessType: AccessType | (string & {});
  /** The customer it was asked for. */
  customerId: string;
  /** The card-type id asked for, when the API echoes it. */
  cardType?: string | null | undefined;
  /** `requested` at first; poll `customers.retrieve` for `granted` or `rejected`. */
  status: FeatureAccessStatus;
}

/** How `customers.waitUntilVerified` polls. */
export interface WaitUntilVerifiedOptions {
  /** Give up after this many milliseconds. Default 600000 (10 minutes). */
  timeoutMs?: number;
  /** Wait between polls, in milliseconds. Default 2000. */
  intervalMs?: number;
  /** Stops waiting (and the poll in flight). */
  signal?: AbortSignal;
}

/**
 * A questionnaire, loosely typed: bfinance has not published its shape, so every field the API
 * sends is kept as is.
 *
 * @experimental
 */
export interface Questionnaire {
  /** The questionnaire id. */
  id: string;
  /** Anything else the API sends (name, completion flag, questions...). */
  [key: string]: unknown;
}

const DEFAULT_INTERVAL_MS = 2_000;
const DEFAULT_TIMEOUT_MS = 600_000;
const MAX_TIMER_MS = 2_147_483_647;

const text = maybe(z.string());

const addressSchema: z.ZodMiniType<CustomerAddress, unknown> = z.object({
  line1: text,
  line2: text,
  city: text,
  state: text,
  countryCode: text,
  postalCode: text,
  country: text,
  zipCode: text,
});

const individualDataSchema: z.ZodMiniType<IndividualData, unknown> = z.object({
  level: text,
  firstName: text,
  lastName: text,
  birthDate: text,
  nationality: text,
  nationalId: text,
  address: maybe(addressSchema),
  email: text,
  phone: text,
});

const featureAccessSchema: z.ZodMiniType<FeatureAccess, unknown> = z.object({
  id: z.string(),
  type: z.string(),
  cardType: text,
  status: z.string(),
  rejectionReasons: z.optional(z.array(z.string())),
});

const customerSchema: z.ZodMiniType<Customer, unknown> = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  individualData: maybe(individualDataSchema),
  featuresAccess: z.optional(z.array(featureAccessSchema)),
  sumsub: maybe(z.object({ url: z.string() })),
  rejectionReasons: z.optional(z.array(z.string())),
  canResubmit: z.optional(z.boolean()),
});

const accessRequestSchema: z.ZodMiniType<AccessRequest, unknown> = z.object({
  accessType: z.string(),
  customerId: z.string(),
  cardType: text,
  status: z.string(),
});

const questionnaireSchema: z.ZodMiniType<Questionnaire, unknown> = z.looseObject({ id: z.string() });

// The list's shape is unpublished: accept `{ questionnaires: [...] }` or a bare array. Issue
// paths are relative to the list either way (`0.id`).
const questionnaireListSchema: z.ZodMiniType<Questionnaire[], unknown> = z.pipe(
  z.transform((value: unknown) =>
    typeof value === 'object' && value !== null && 'questionnaires' in value ? value.questionnaires : value,
  ),
  z.array(questionnaireSchema),
);

const looseRecord: z.ZodMiniType<Record<string, unknown>, unknown> = z.looseObject({});

function checkMs(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
    throw new ValidationError(`${field} must be a number of milliseconds from 0 to ${MAX_TIMER_MS}.`, {
      field,
      rule: 'range',
      operation: 'customers.waitUntilVerified',
      hint: `Set ${field} to a whole number of milliseconds, or leave it out for the default.`,
    });
  }
  return value;
}

/** One signal that fires when any of `signals` fires; `dispose` detaches the listeners. */
function linkSignals(signals: Array<AbortSignal | undefined>): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const live = signals.filter((s): s is AbortSignal => s !== undefined);
  const onAbort = (): void => controller.abort();
  for (const s of live) {
    if (s.aborted) controller.abort();
    else s.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of live) s.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Questionnaires bfinance may ask a customer to complete. Their shapes are not published, so
 * they are typed loosely and may change.
 *
 * @experimental
 *
 * @example
 * ```ts
 * const open = await client.customers.questionnaires.list(customer.id);
 * const form = await client.customers.questionnaires.retrieve(customer.id, open[0].id);
 * await client.customers.questionnaires.submit(customer.id, form.id, { occupation: 'Engineer' });
 * ```
 */
export class CustomerQuestionnairesResource extends Resource {
  /**
   * Lists a customer's questionnaires and whether each is completed.
   *
   * @experimental
   * @throws {NotFoundError} when the customer does not exist.
   */
  async list(customerId: string, options?: RequestOptions): Promise<Questionnaire[]> {
    return this.transport.request(
      {
        operation: 'customers.questionnaires.list',
        method: 'GET',
        path: path`/customers/${customerId}/questionnaires`,
        schema: questionnaireListSchema,
        kind: 'read',
      },
      options,
    );
  }

  /**
   * Reads one questionnaire: its questions and completion status.
   *
   * @experimental
   * @throws {NotFoundError} when the customer or questionnaire does not exist.
   */
  async retrieve(
    customerId: string,
    questionnaireId: string,
    options?: RequestOptions,
  ): Promise<Questionnaire> {
    return this.transport.request(
      {
        operation: 'customers.questionnaires.retrieve',
        method: 'GET',
        path: path`/customers/${customerId}/questionnaires/${questionnaireId}`,
        schema: questionnaireSchema,
        kind: 'read',
      },
      options,
    );
  }

  /**
   * Submits answers to a questionnaire, sent as `{ answers }`. Re-submitting the same answers
   * converges, so the call is retried like a state change.
   *
   * @experimental
   * @throws {ValidationError} when `answers` is not an object.
   * @throws {BadRequestError} when bfinance refuses the answers.
   */
  async submit(
    customerId: string,
    questionnaireId: string,
    answers: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<Record<string, unknown>> {
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
      throw new ValidationError('answers must be an object.', {
        field: 'answers',
        rule: 'type',
        operation: 'customers.questionnaires.submit',
        hint: 'Pass the answers as an object keyed by question id.',
      });
    }
    return this.transport.request(
      {
        operation: 'customers.questionnaires.submit',
        method: 'POST',
        path: path`/customers/${customerId}/questionnaires/${questionnaireId}/submit`,
        body: { answers },
        schema: looseRecord,
        kind: 'state',
      },
      options,
    );
  }
}

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
export class CustomersResource extends Resource {
  /**
   * Questionnaires of a customer.
   *
   * @experimental
   */
  readonly questionnaires: CustomerQuestionnairesResource;

  /** Binds the resource, and its questionnaires, to a client's transport. */
  constructor(transport: Transport) {
    super(transport);
    this.questionnaires = new CustomerQuestionnairesResource(transport);
  }

  /**
   * Creates a customer. Sent with an `Idempotency-Key` and never blindly re-sent, since creation
   * may be billable.
   *
   * @throws {ValidationError} when `type` is not `individual` or `business`.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async create(params: CreateCustomerParams, options?: RequestOptions): Promise<Customer> {
    const type: unknown = params?.type;
    if (type !== 'individual' && type !== 'business') {
      throw new ValidationError("type must be 'individual' or 'business'.", {
        field: 'type',
        rule: 'enum',
        operation: 'customers.create',
        hint: "Pass type: 'individual' for a person or 'business' for a company.",
      });
    }
    return this.transport.request(
      {
        operation: 'customers.create',
        method: 'POST',
        path: path`/customers`,
        body: { ...params },
        schema: customerSchema,
        kind: 'create',
        outcome: {
          subject: {},
          // bfinance offers no customer list, so a customer created without an answer cannot be found.
          hint: 'Re-send with the same idempotencyKey (the safe retry). No API read lists customers, so error.reconcile() answers still-unknown.',
        },
      },
      options,
    );
  }

  /**
   * Reads a customer, including verification status and product access.
   *
   * @throws {NotFoundError} when the customer does not exist.
   */
  async retrieve(customerId: string, options?: RequestOptions): Promise<Customer> {
    return this.transport.request(
      {
        operation: 'customers.retrieve',
        method: 'GET',
        path: path`/customers/${customerId}`,
        schema: customerSchema,
        kind: 'read',
      },
      options,
    );
  }

  /**
   * Deletes a customer. Sent with an `Idempotency-Key` and never blindly re-sent.
   *
   * @throws {NotFoundError} when the customer does not exist.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async delete(customerId: string, options?: RequestOptions): Promise<ActionResult> {
    return this.transport.request(
      {
        operation: 'customers.delete',
        method: 'DELETE',
        path: path`/customers/${customerId}`,
        schema: actionResult,
        kind: 'create',
        outcome: this.#deleteOutcome(customerId),
      },
      options,
    );
  }

  /**
   * Asks bfinance to give a verified customer access to a product; the answer is `requested`
   * and the decision comes later (poll `customers.retrieve`).
   *
   * @throws {ValidationError} when `accessType` is unknown, or `cards` comes without `cardType`.
   * @throws {CustomerNotVerifiedError} when the customer is not verified yet.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async requestAccess(
    customerId: string,
    params: AccessRequestParams,
    options?: RequestOptions,
  ): Promise<AccessRequest> {
    const operation = 'customers.requestAccess';
    const accessType: unknown = params?.accessType;
    let body: Record<string, string>;
    if (accessType === 'cards') {
      const cardType: unknown = (params as { cardType?: unknown }).cardType;
      if (typeof cardType !== 'string' || cardType.trim() === '') {
        throw new ValidationError("cardType is required when accessType is 'cards'.", {
          field: 'cardType',
          rule: 'required',
          operation,
          hint: 'Pass the id of a card type from client.cards.types() as cardType.',
        });
      }
      body = { accessType, cardType };
    } else if (accessType === 'virtual-account') {
      body = { accessType };
    } else {
      throw new ValidationError("accessType must be 'cards' or 'virtual-account'.", {
        field: 'accessType',
        rule: 'enum',
        operation,
        hint: "Pass accessType: 'cards' with a cardType, or accessType: 'virtual-account'.",
      });
    }
    return this.transport.request(
      {
        operation,
        method: 'POST',
        path: path`/customers/${customerId}/request`,
        body,
        schema: accessRequestSchema,
        kind: 'create',
        outcome: this.#accessOutcome(customerId, body.accessType ?? '', body.cardType),
      },
      options,
    );
  }

  /** Settles a customer delete: the customer is gone once `customers.retrieve` answers 404. */
  #deleteOutcome(customerId: string): OutcomeSpec {
    return {
      subject: { customerId },
      hint: 'Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which reads the customer, to see whether it was deleted.',
      reconcile: (call, options) =>
        settleByRead(
          call,
          'customers.retrieve',
          () => this.retrieve(customerId, readOptions(options)),
          (found) => {
            const evidence = {
              reads: ['customers.retrieve'],
              examined: found ? 1 : 0,
              complete: true,
              matches: found ? [{ kind: 'customer' as const, id: found.id, status: found.status }] : [],
            };
            return found
              ? { status: 'not-applied', summary: 'customers.retrieve still finds the customer.', evidence }
              : { status: 'applied', summary: 'customers.retrieve no longer finds the customer.', evidence };
          },
        ),
    };
  }

  /** Settles an access request: the customer's product access lists it once it was recorded. */
  #accessOutcome(customerId: string, accessType: string, cardType: string | undefined): OutcomeSpec {
    return {
      subject: { customerId },
      hint: "Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which reads the customer's product access, to see whether the request was recorded.",
      reconcile: (call, options) =>
        settleByRead(
          call,
          'customers.retrieve',
          () => this.retrieve(customerId, readOptions(options)),
          (found) => {
            const access = (found?.featuresAccess ?? []).filter(
              (a) => a.type === accessType && (cardType === undefined || a.cardType === cardType),
            );
            const evidence = {
              reads: ['customers.retrieve'],
              examined: found?.featuresAccess?.length ?? 0,
              complete: found !== undefined,
              matches: access.map((a) => ({
                kind: 'access' as const,
                id: a.id,
                type: a.type,
                status: a.status,
              })),
            };
            if (found === undefined)
              return { status: 'still-unknown', summary: 'The customer was not found.', evidence };
            return access.length > 0
              ? { status: 'applied', summary: 'The customer has this access request.', evidence }
              : { status: 'not-applied', summary: 'The customer has no such access request.', evidence };
          },
        ),
    };
  }

  /**
   * Polls `customers.retrieve` until the customer is verified (`active`). Other statuses
   * (`pending`, `needs_information`, `on_hold`...) keep it polling until the timeout.
   *
   * @throws {CustomerNotVerifiedError} when verification ends `rejected` (HTTP status 200).
   * @throws {TimeoutError} when `timeoutMs` passes first.
   * @throws {RequestAbortedError} when the signal fires.
   * @throws {ValidationError} for a bad `timeoutMs` or `intervalMs`.
   */
  async waitUntilVerified(
    customerId: string,
    wait: WaitUntilVerifiedOptions = {},
    options?: RequestOptions,
  ): Promise<Customer> {
    const operation = 'customers.waitUntilVerified';
    const timeoutMs = checkMs(wait.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS);
    const intervalMs = checkMs(wait.intervalMs, 'intervalMs', DEFAULT_INTERVAL_MS);
    const callerSignals = [wait.signal, options?.signal];
    const aborted = (): RequestAbortedError =>
      new RequestAbortedError(`${operation}: the wait was aborted.`, {
        operation,
        hint: 'The AbortSignal fired; call waitUntilVerified again to keep waiting.',
      });
    const callerAborted = (): boolean => callerSignals.some((s) => s?.aborted === true);
    if (callerAborted()) throw aborted();

    // The deadline aborts the poll in flight too, so the wait never overruns timeoutMs by a request.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const linked = linkSignals([deadline.signal, ...callerSignals]);
    let lastStatus: string | undefined;
    const stop = (error: unknown): unknown => {
      if (callerAborted()) return aborted();
      if (deadline.signal.aborted) {
        return new TimeoutError(
          `${operation}: the customer was not verified within ${timeoutMs} ms (last status: ${lastStatus ?? 'unknown'}).`,
          {
            operation,
            hint: 'Verification can take hours; wait again later with a longer timeoutMs, or react to the customer-status webhook.',
          },
        );
      }
      return error;
    };
    try {
      for (;;) {
        let customer: Customer;
        try {
          customer = await this.retrieve(customerId, { ...options, signal: linked.signal });
        } catch (error) {
          throw stop(error);
        }
        lastStatus = customer.status;
        if (customer.status === 'active') return customer;
        if (customer.status === 'rejected') {
          throw new CustomerNotVerifiedError(`${operation}: verification ended with status "rejected".`, {
            status: 200,
            operation,
            hint: 'Read rejectionReasons with client.customers.retrieve(), fix the data or documents (real legal names, sharp unexpired documents) and have the customer resubmit, or contact bfinance.',
          });
        }
        try {
          await sleep(intervalMs, linked.signal);
        } catch (error) {
          throw stop(error);
        }
      }
    } finally {
      clearTimeout(timer);
      linked.dispose();
    }
  }
}
