import { RequestAbortedError, TimeoutError } from '../core/errors.js';
import { copyOptions } from '../core/options.js';
import { abortSignal, checkOptionalShape, milliseconds, millisecondsRule } from '../core/params.js';
import { sleep } from '../core/retry.js';
import type { RequestOptions } from '../core/spec.js';
import type { Customer, WaitUntilVerifiedOptions } from './customer-schemas.js';
import { CustomerNotVerifiedError } from './domain-errors.js';

const DEFAULT_INTERVAL_MS = 2_000;
const DEFAULT_TIMEOUT_MS = 600_000;

/**
 * Polls `retrieve` until the customer is verified (`active`); see `customers.waitUntilVerified`.
 *
 * @throws {CustomerNotVerifiedError} when verification ends `rejected` (HTTP status 200).
 * @throws {TimeoutError} when `timeoutMs` passes first.
 * @throws {RequestAbortedError} when a signal fires.
 * @throws {ValidationError} for a bad `timeoutMs`, `intervalMs` or `signal`, or an unknown field.
 */
export async function waitUntilVerified(
  retrieve: (options: RequestOptions) => Promise<Customer>,
  wait: WaitUntilVerifiedOptions | undefined,
  options: RequestOptions | undefined,
): Promise<Customer> {
  const operation = 'customers.waitUntilVerified';
  const checked = checkOptionalShape(wait, '', operation, {
    timeoutMs: millisecondsRule,
    intervalMs: millisecondsRule,
    signal: abortSignal,
  }) as WaitUntilVerifiedOptions;
  const timeoutMs = milliseconds(checked.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS, operation);
  const intervalMs = milliseconds(checked.intervalMs, 'intervalMs', DEFAULT_INTERVAL_MS, operation);
  const given = copyOptions(options);
  const callerSignals = [checked.signal, given?.signal];
  const aborted = (): RequestAbortedError =>
    new RequestAbortedError(`${operation}: the wait was aborted.`, {
      operation,
      hint: 'The AbortSignal fired; call waitUntilVerified again to keep waiting.',
    });
  const callerAborted = (): boolean => callerSignals.some((s) => s?.aborted === true);
  if (callerAborted()) throw aborted();

  // Aborted by the deadline or a caller's signal, and so is the poll in flight: the wait never overruns
  // timeoutMs by a request. stop() tells the two causes apart by asking the caller's signals first.
  const halt = new AbortController();
  const timer = setTimeout(() => halt.abort(), timeoutMs);
  const onAbort = (): void => halt.abort();
  for (const s of callerSignals) s?.addEventListener('abort', onAbort, { once: true });
  let lastStatus: string | undefined;
  const stop = (error: unknown): unknown => {
    if (callerAborted()) return aborted();
    if (halt.signal.aborted) {
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
        customer = await retrieve({ ...given, signal: halt.signal });
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
        await sleep(intervalMs, halt.signal);
      } catch (error) {
        throw stop(error);
      }
    }
  } finally {
    clearTimeout(timer);
    for (const s of callerSignals) s?.removeEventListener('abort', onAbort);
  }
}
