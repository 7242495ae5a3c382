import type { CallWindow, Reconciliation } from '../core/outcome/contract.js';
import { recordEvidence, settleByRead } from '../core/outcome/settle-by-read.js';
import type { Customer } from './customer-schemas.js';
import { customerLive } from './reconcile-words.js';

// How customer calls are settled when their outcome is unknown, from one read of the customer.
// Loaded by customer-outcomes.ts on the first error.reconcile(); it takes the read from there.

/** Settles a customer delete: the customer is gone once `customers.retrieve` answers 404. */
export function reconcileCustomerDelete(
  read: () => Promise<Customer>,
  call: CallWindow,
): Promise<Reconciliation> {
  return settleByRead(call, 'customers.retrieve', read, (found) => {
    const evidence = recordEvidence('customers.retrieve', 'customer', found);
    const answer = (status: Reconciliation['status'], summary: string) => ({ status, summary, evidence });
    if (!found) return answer('applied', 'customers.retrieve no longer finds the customer.');
    if (customerLive(found.status))
      return answer('not-applied', 'customers.retrieve still finds the customer.');
    return answer(
      'still-unknown',
      'customers.retrieve finds the customer with a status the SDK does not know, so it cannot tell whether it was deleted.',
    );
  });
}

/** An access request to look for: the access type and the card type it asked for. */
export interface AccessRequest {
  accessType: string;
  cardType: string | undefined;
}

/** Settles an access request: the customer's product access lists it once it was recorded. */
export function reconcileAccess(
  read: () => Promise<Customer>,
  request: AccessRequest,
  call: CallWindow,
): Promise<Reconciliation> {
  const { accessType, cardType } = request;
  return settleByRead(call, 'customers.retrieve', read, (found) => {
    const access = (found?.featuresAccess ?? []).filter(
      (a) => a.type === accessType && (cardType === undefined || a.cardType === cardType),
    );
    const evidence = {
      reads: ['customers.retrieve'],
      examined: found?.featuresAccess?.length ?? 0,
      complete: found !== undefined,
      matches: access.map(({ id, type, status }) => ({ kind: 'access' as const, id, type, status })),
    };
    const answer = (status: Reconciliation['status'], summary: string) => ({ status, summary, evidence });
    if (found === undefined) return answer('still-unknown', 'The customer was not found.');
    // A reply without the list says nothing about the request: absence is not proof.
    if (!Array.isArray(found.featuresAccess)) {
      return {
        status: 'still-unknown',
        summary:
          'customers.retrieve did not list the customer’s product access, so it cannot show the request.',
        evidence: { ...evidence, complete: false },
      };
    }
    return access.length > 0
      ? answer('applied', 'The customer has this access request.')
      : answer('not-applied', 'The customer has no such access request.');
  });
}
