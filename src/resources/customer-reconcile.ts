import type { CallWindow, Reconciliation } from '../core/outcome/contract.js';
import { type RecordRead, recordItem, settleByRead } from '../core/outcome/settle-by-read.js';
import type { Customer } from './customer-schemas.js';
import { CUSTOMER_STATUSES, kindOf } from './reconcile-words.js';

// How customer calls are settled when their outcome is unknown, from one read of the customer.
// Loaded by customer-outcomes.ts on the first error.reconcile(); it takes the read and the redactor from there.

/** Settles a customer delete: the customer is gone once `customers.retrieve` answers 404. */
export function reconcileCustomerDelete(
  customer: RecordRead<Customer>,
  call: CallWindow,
): Promise<Reconciliation> {
  return settleByRead(call, 'customers.retrieve', 'customer', customer, (found) => {
    if (!found) return ['applied', 'no longer finds the customer'];
    if (kindOf(CUSTOMER_STATUSES, found.status)) return ['not-applied', 'still finds the customer'];
    return ['still-unknown', 'finds the customer with a status the SDK does not know'];
  });
}

/** An access request to look for: the access type and the card type it asked for. */
export interface AccessRequest {
  accessType: string;
  cardType: string | undefined;
}

/** Settles an access request: the customer's product access lists it once it was recorded. */
export function reconcileAccess(
  customer: RecordRead<Customer>,
  request: AccessRequest,
  call: CallWindow,
): Promise<Reconciliation> {
  const { accessType, cardType } = request;
  return settleByRead(call, 'customers.retrieve', 'access', customer, (found) => {
    const listed = found?.featuresAccess;
    const access = (listed ?? []).filter(
      (a) => a.type === accessType && (cardType === undefined || a.cardType === cardType),
    );
    // A reply without the list says nothing about the request: absence is not proof.
    const complete = Array.isArray(listed);
    const evidence = {
      reads: ['customers.retrieve'],
      examined: listed?.length ?? 0,
      complete,
      matches: access.map((a) => ({ ...recordItem('access', a, customer.redact), type: a.type })),
    };
    if (!found) return ['still-unknown', 'finds no customer', evidence];
    if (!complete) return ['still-unknown', 'does not list the customer’s product access', evidence];
    return access.length > 0
      ? ['applied', 'lists this access request', evidence]
      : ['not-applied', 'lists no such access request', evidence];
  });
}
