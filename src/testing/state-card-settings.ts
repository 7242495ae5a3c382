import { checkPin } from '../pins/rules.js';
import { permitted, transition } from './card-transitions.js';
import { fail, parseAmount, text } from './errors.js';
import type { SandboxMessageKey } from './messages.js';
import { type CardRecord, LIMIT_TYPES, type LimitType } from './records.js';
import type { SandboxStore } from './state.js';
import type { SandboxCardModel } from './types.js';

/** Freeze: only an active card (see the transition table). */
export function freezeCard(card: CardRecord): void {
  transition(card, 'freeze');
}

/** Unfreeze: only a frozen card (blocked cards need the account manager). */
export function unfreezeCard(card: CardRecord): void {
  transition(card, 'unfreeze');
}

/** Delete: irreversible, and only once the card holds no money. */
export function deleteCard(card: CardRecord): void {
  transition(card, 'delete', () => {
    if (card.balanceCents !== 0) fail(400, 'DELETE_WITH_BALANCE');
  });
}

const PIN_MESSAGES: Readonly<Record<string, SandboxMessageKey>> = {
  PIN_FORMAT: 'PIN_FORMAT',
  PIN_LENGTH: 'PIN_FORMAT',
  PIN_SEQUENCE: 'PIN_SEQUENCE',
  PIN_REPEATED: 'PIN_REPEATED',
};

/** Set PIN: 4–12 digits, bfinance's two anti-guessing rules. Kept only in memory. */
export function setPin(card: CardRecord, pin: unknown): void {
  permitted(card, 'set-pin');
  const result = checkPin(pin, { preset: 'bfinance', length: { min: 4, max: 12 } });
  if (!result.ok) fail(400, PIN_MESSAGES[result.rule] ?? 'PIN_REJECTED', { soft: true });
  card.pin = pin as string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;

/** Update the card's email. */
export function setEmail(card: CardRecord, email: unknown): void {
  permitted(card, 'update');
  const value = text(email);
  if (value === undefined || !EMAIL.test(value)) fail(400, 'EMAIL_INVALID');
  card.email = value;
}

/** Update the card's phone. */
export function setPhone(card: CardRecord, phone: unknown): void {
  permitted(card, 'update');
  const value = text(phone);
  if (value === undefined || !PHONE.test(value)) fail(400, 'PHONE_INVALID');
  card.phone = value;
}

/** Read limits: the API refuses this for cards that are not active. */
export function readableLimits(card: CardRecord): CardRecord['limits'] {
  permitted(card, 'read-limits');
  return card.limits;
}

/** Set one spending limit. */
export function setLimit(
  card: CardRecord,
  body: Record<string, unknown>,
): { type: LimitType; limit: number } {
  permitted(card, 'update');
  const type = body.type;
  if (typeof type !== 'string' || !(LIMIT_TYPES as readonly string[]).includes(type))
    fail(400, 'LIMIT_TYPE_INVALID');
  const limit = body.limit;
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 0) fail(400, 'LIMIT_INVALID');
  card.limits[type as LimitType] = limit;
  return { type: type as LimitType, limit };
}

const VELOCITY_TYPES: readonly string[] = ['DAY', 'WEEK', 'MONTH', 'LIFETIME'];

/** Set a budget card's velocity limit. */
export function setVelocity(card: CardRecord, body: Record<string, unknown>): void {
  permitted(card, 'update');
  if (typeof body.type !== 'string' || !VELOCITY_TYPES.includes(body.type))
    fail(400, 'VELOCITY_TYPE_INVALID');
  card.velocity = { type: body.type, amount: parseAmount(body.amount) / 100 };
}

const SHIPPING_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'phoneCode',
  'addressLine1',
  'city',
  'state',
  'postalCode',
  'country',
] as const;

/** The card a physical-card call targets: `cardType` picks the model (`prepaid` is a standalone card). */
export function physicalTarget(store: SandboxStore, id: string, cardType: unknown): CardRecord {
  if (cardType !== 'prepaid' && cardType !== 'budget') fail(400, 'PHYSICAL_CARD_TYPE_INVALID');
  const model: SandboxCardModel = cardType === 'prepaid' ? 'card' : 'budget';
  return store.card(id, model);
}

/** Order a physical card; the activation code is generated now and only the control reveals it. */
export function orderPhysical(store: SandboxStore, card: CardRecord, shippingData: unknown): void {
  permitted(card, 'order-physical');
  if (card.physical !== undefined) fail(400, 'PHYSICAL_ALREADY_ORDERED');
  const shipping = (typeof shippingData === 'object' && shippingData !== null ? shippingData : {}) as Record<
    string,
    unknown
  >;
  if (SHIPPING_FIELDS.some((field) => text(shipping[field]) === undefined))
    fail(400, 'SHIPPING_DATA_INVALID');
  card.physical = { activationCode: store.random.activationCode(), activated: false };
}

/** Activate an ordered physical card with its code. */
export function activatePhysical(card: CardRecord, code: unknown): void {
  permitted(card, 'update');
  if (card.physical === undefined) fail(400, 'PHYSICAL_NOT_ORDERED');
  if (card.physical.activated) fail(400, 'PHYSICAL_ALREADY_ACTIVE');
  if (code !== card.physical.activationCode) fail(400, 'ACTIVATION_CODE_INVALID');
  card.physical.activated = true;
}

/** Control: expires or blocks a card (deleted cards stay deleted). */
export function forceStatus(card: CardRecord, action: 'expire' | 'block'): void {
  transition(card, action);
}
