import { permitted, transition } from './card-transitions.js';
import { fail, parseInitialBalance, text } from './errors.js';
import type { CardRecord, CardTypeRecord } from './records.js';
import type { SandboxStore } from './state.js';
import type { SandboxCardModel } from './types.js';

function cardType(store: SandboxStore, typeId: unknown, model: SandboxCardModel): CardTypeRecord {
  const type = typeof typeId === 'string' ? store.cardTypes.get(typeId) : undefined;
  if (type === undefined || !type.active || type.model !== model) fail(400, 'CARD_TYPE_INVALID');
  return type;
}

function validName(value: string | undefined): value is string {
  return value !== undefined && value.length >= 2;
}

/**
 * Cardholder of a new card. A program with `requiresCustomer` needs a verified customer holding
 * granted cards access; other programs take names, or a customer whose names fill in missing ones.
 */
function holder(
  store: SandboxStore,
  type: CardTypeRecord,
  body: Record<string, unknown>,
): CardRecord['holder'] {
  const firstName = text(body.firstName);
  const lastName = text(body.lastName);
  const customerId = text(body.customerId);
  if (customerId === undefined) {
    if (type.requiresCustomer) fail(400, 'CUSTOMER_ID_REQUIRED');
    if (!validName(firstName) || !validName(lastName)) fail(400, 'NAMES_TOO_SHORT');
    return { firstName, lastName };
  }
  const customer = store.customer(customerId);
  if (
    (firstName !== undefined && !validName(firstName)) ||
    (lastName !== undefined && !validName(lastName))
  ) {
    fail(400, 'NAMES_TOO_SHORT');
  }
  if (type.requiresCustomer) {
    if (customer.status !== 'active') fail(403, 'CUSTOMER_NOT_VERIFIED');
    if (!store.hasAccess(customer, 'cards', type.id)) fail(403, 'ACCESS_NOT_GRANTED');
  }
  const data = customer.individualData;
  return {
    firstName: firstName ?? (typeof data.firstName === 'string' ? data.firstName : ''),
    lastName: lastName ?? (typeof data.lastName === 'string' ? data.lastName : ''),
    customerId,
  };
}

function expiry(store: SandboxStore): string {
  const month = String(store.random.month()).padStart(2, '0');
  const year = String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0');
  return `${month}/${year}`;
}

function newCard(
  store: SandboxStore,
  fields: Pick<CardRecord, 'model' | 'typeId' | 'currency' | 'brand' | 'holder' | 'balanceCents'> &
    Partial<Pick<CardRecord, 'label' | 'externalId' | 'budgetId' | 'email' | 'phone'>>,
): CardRecord {
  const card: CardRecord = {
    ...fields,
    id: store.random.id(),
    externalCardId: store.random.externalId(),
    status: 'active',
    pan: store.random.pan(),
    expire: expiry(store),
    cvc: store.random.cvc(),
    limits: store.defaultLimits(),
    createdAt: store.now(),
  };
  store.cards.set(card.id, card);
  return card;
}

function optionalFields(body: Record<string, unknown>): Partial<Pick<CardRecord, 'label' | 'externalId'>> {
  const label = text(body.label);
  const externalId = text(body.externalId);
  return { ...(label !== undefined ? { label } : {}), ...(externalId !== undefined ? { externalId } : {}) };
}

/**
 * The API reference page's reading of `POST /cards/issue` (the `strictIssuance` option):
 * `externalId`, `firstName` and `lastName` required, `initialBalance` an integer.
 */
function checkStrictIssuance(body: Record<string, unknown>): void {
  if (text(body.externalId) === undefined) fail(400, 'EXTERNAL_ID_REQUIRED');
  if (text(body.firstName) === undefined || text(body.lastName) === undefined) fail(400, 'NAMES_REQUIRED');
  if (typeof body.initialBalance === 'number' && !Number.isInteger(body.initialBalance))
    fail(400, 'INITIAL_BALANCE_INTEGER');
}

/** `POST /cards/issue`: a standalone card funded with `initialBalance` from the organization balance. */
export function issueCard(store: SandboxStore, body: Record<string, unknown>): CardRecord {
  const type = cardType(store, body.typeId, 'card');
  if (store.rules.strictIssuance) checkStrictIssuance(body);
  const cents = parseInitialBalance(body.initialBalance);
  const cardHolder = holder(store, type, body);
  if (store.orgCents(type.cardCurrency) < cents) fail(400, 'ORG_INSUFFICIENT');
  const card = newCard(store, {
    model: 'card',
    typeId: type.id,
    currency: type.cardCurrency,
    brand: type.brand,
    holder: cardHolder,
    balanceCents: cents,
    ...optionalFields(body),
  });
  store.moveOrg(card.currency, -cents);
  store.record('issue', cents, card.currency, { cardId: card.id });
  return card;
}

/** `POST /budget-cards/issue`: a card that spends from its budget and holds no balance. */
export function issueBudgetCard(store: SandboxStore, body: Record<string, unknown>): CardRecord {
  const type = cardType(store, body.typeId, 'budget');
  const budgetId = text(body.budgetId);
  if (budgetId === undefined) fail(400, 'BUDGET_ID_REQUIRED');
  const budget = store.budget(budgetId);
  if (budget.typeId !== type.id) fail(400, 'CARD_TYPE_BUDGET_MISMATCH');
  return newCard(store, {
    model: 'budget',
    typeId: type.id,
    currency: type.cardCurrency,
    brand: type.brand,
    holder: holder(store, type, body),
    balanceCents: 0,
    budgetId: budget.id,
    ...optionalFields(body),
  });
}

/**
 * `POST /cards/reissue`: a new card replaces the old one, which is deleted. The old balance moves to
 * the new card and `initialBalance` is added from the organization balance.
 */
export function reissueCard(store: SandboxStore, body: Record<string, unknown>): CardRecord {
  const cardId = text(body.cardId);
  if (cardId === undefined) fail(400, 'CARD_ID_REQUIRED');
  const cents = parseInitialBalance(body.initialBalance);
  const old = store.card(cardId, 'card');
  permitted(old, 'replace');
  if (store.orgCents(old.currency) < cents) fail(400, 'ORG_INSUFFICIENT');
  const carried = old.balanceCents;
  const card = newCard(store, {
    model: 'card',
    typeId: old.typeId,
    currency: old.currency,
    brand: old.brand,
    holder: { ...old.holder },
    balanceCents: carried + cents,
    ...(old.label !== undefined ? { label: old.label } : {}),
    ...(old.externalId !== undefined ? { externalId: old.externalId } : {}),
    ...(old.email !== undefined ? { email: old.email } : {}),
    ...(old.phone !== undefined ? { phone: old.phone } : {}),
  });
  transition(old, 'replace');
  old.balanceCents = 0;
  old.replacedBy = card.id;
  store.moveOrg(card.currency, -cents);
  store.record('reissue', cents, card.currency, { cardId: card.id, fromCardId: old.id });
  if (carried > 0) store.record('transfer', carried, card.currency, { cardId: card.id, fromCardId: old.id });
  return card;
}
