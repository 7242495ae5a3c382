import type { CallWindow, ReconcileOptions, Reconciliation } from '../core/outcome/contract.js';
import { recordEvidence, settleByRead } from '../core/outcome/settle-by-read.js';
import type { Requester } from '../core/spec.js';
import { readOptions } from './card-read.js';
import { retrieveCustomer } from './endpoints/customers.js';
import { customerLive } from './reconcile-words.js';

// How customer calls are settled when their outcome is unknown: by reading the customer. Loaded
// by customer-outcomes.ts on the first error.reconcile().

/** Settles a customer delete: the customer is gone once `customers.retrieve` answers 404. */
export function reconcileCustomerDelete(
  transport: Requester,
  customerId: string,
  call: CallWindow,
  options: ReconcileOptions,
): Promise<Reconciliation> {
  return settleByRead(
    call,
    'customers.retrieve',
    () => transport.request(retrieveCustomer(customerId), readOptions(options)),
    (found) => {
      const evidence = recordEvidence('customers.retrieve', 'customer', found);
      if (!found)
        return {
          status: 'applied',
          summary: 'customers.retrieve no longer finds the customer.',
          evidence,
        };
      return customerLive(found.status)
        ? { status: 'not-applied', summary: 'customers.retrieve still finds the customer.', evidence }
        : {
            status: 'still-unknown',
            summary:
              'customers.retrieve finds the customer with a status the SDK does not know, so it cannot tell whether it was deleted.',
            evidence,
          };
    },
  );
}

/** An access request to look for: the customer, the access type and the card type it asked for. */
export interface AccessRequestCall {
  transport: Requester;
  customerId: string;
  accessType: string;
  cardType: string | undefined;
}

/** Settles an access request: the customer's product access lists it once it was recorded. */
export function reconcileAccess(
  request: AccessRequestCall,
  call: CallWindow,
  options: ReconcileOptions,
): Promise<Reconciliation> {
  const { transport, customerId, accessType, cardType } = request;
  return settleByRead(
    call,
    'customers.retrieve',
    () => transport.request(retrieveCustomer(customerId), readOptions(options)),
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
        ? { status: 'applied', summary: 'The customer has this access request.', evidence }
        : { status: 'not-applied', summary: 'The customer has no such access request.', evidence };
    },
  );
}
