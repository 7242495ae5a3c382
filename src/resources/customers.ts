import {
  CustomerNotVerifiedError,
  RequestAbortedError,
  TimeoutError,
  ValidationError,
} from '../core/errors.js';
import { path } from '../core/path.js';
import { sleep } from '../core/retry.js';
import { type ActionResult, actionResult } from '../core/schema.js';
import type { Requester, RequestOptions } from '../core/spec.js';
import { settleByRead } from '../outcomes/settle.js';
import type { OutcomeSpec } from '../outcomes/types.js';
import { readOptions } from './card-read.js';
import { CustomerQuestionnairesResource } from './customer-questionnaires.js';
import {
  type AccessRequest,
  type AccessRequestParams,
  accessRequestSchema,
  type CreateCustomerParams,
  type Customer,
  customerSchema,
  type WaitUntilVerifiedOptions,
} from './customer-schemas.js';
import { Resource } from './resource.js';

const DEFAULT_INTERVAL_MS = 2_000;
const DEFAULT_TIMEOUT_MS = 600_000;
const MAX_TIMER_MS = 2_147_483_647;

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
  constructor(transport: Requester) {
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
