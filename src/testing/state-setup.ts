import type { SandboxBudgetInit, SandboxCardTypeInit, SandboxOptions } from './options.js';
import type { SandboxStore } from './state.js';

/** Ids of the programs a test usually needs; empty when custom `cardTypes` lack one of the roles. */
export interface SandboxCardTypeIds {
  /** Active standalone program that allows name-only issuance. */
  standalone: string;
  /** Active program that requires a verified customer with granted cards access. */
  verified: string;
  /** Inactive program: not listed, issuing with it fails. */
  inactive: string;
  /** Active budget program. */
  budget: string;
}

const DEFAULT_CARD_TYPES: readonly SandboxCardTypeInit[] = [
  { name: 'Virtual USD', cardCurrency: 'USD', price: '5.00', model: 'card' },
  {
    name: 'Virtual EUR (verified customers)',
    cardCurrency: 'EUR',
    price: '7.50',
    model: 'card',
    requiresCustomer: true,
  },
  { name: 'Legacy USD (retired)', cardCurrency: 'USD', price: '5.00', model: 'card', active: false },
  { name: 'Budget USD', cardCurrency: 'USD', price: '3.00', model: 'budget' },
];

/** Creates the card programs and budgets; returns the ids tests reach for. */
export function seedStore(
  store: SandboxStore,
  options: Pick<SandboxOptions, 'cardTypes' | 'budgets'>,
): { cardTypeIds: SandboxCardTypeIds; budgetIds: string[] } {
  for (const init of options.cardTypes ?? DEFAULT_CARD_TYPES) {
    const id = init.id ?? store.random.id();
    store.random.reserve(id);
    store.cardTypes.set(id, {
      id,
      name: init.name,
      cardCurrency: init.cardCurrency.toUpperCase(),
      price: init.price ?? '0.00',
      brand: init.brand ?? 'visa',
      model: init.model,
      active: init.active ?? true,
      requiresCustomer: init.requiresCustomer ?? false,
    });
  }
  const types = [...store.cardTypes.values()];
  const pick = (test: (t: (typeof types)[number]) => boolean): string => types.find(test)?.id ?? '';
  const cardTypeIds: SandboxCardTypeIds = {
    standalone: pick((t) => t.active && t.model === 'card' && !t.requiresCustomer),
    verified: pick((t) => t.active && t.model === 'card' && t.requiresCustomer),
    inactive: pick((t) => !t.active),
    budget: pick((t) => t.active && t.model === 'budget'),
  };

  const budgets: readonly SandboxBudgetInit[] = options.budgets ?? [{ name: 'Marketing', balance: 50000 }];
  const budgetIds = budgets.map((init, i) => {
    const id = init.id ?? store.random.id();
    store.random.reserve(id);
    const typeId = init.typeId ?? cardTypeIds.budget;
    store.budgets.set(id, {
      id,
      name: init.name ?? `Budget ${i + 1}`,
      typeId,
      currency: store.cardTypes.get(typeId)?.cardCurrency ?? 'USD',
      balanceCents: Math.round(init.balance * 100),
    });
    return id;
  });
  return { cardTypeIds, budgetIds };
}
