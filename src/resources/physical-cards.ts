import { ValidationError } from '../core/errors.js';
import { anyText, checkShape, type ParamShape } from '../core/params.js';
import type { ActionResult } from '../core/schema.js';
import type { RequestOptions } from '../core/spec.js';
import { type CardRef, resolveCard } from './card-ref.js';
import { activatePhysical, orderPhysical } from './endpoints/card-settings.js';
import { Resource } from './resource.js';

/** Where to ship a physical card. `country` as in the API example (`USA`); `phoneCode` like `+1`. */
export interface ShippingData {
  /** Recipient first name. */
  firstName: string;
  /** Recipient last name. */
  lastName: string;
  /** Recipient email, for delivery updates. */
  email: string;
  /** Recipient phone number, without the country code. */
  phone: string;
  /** Country calling code of `phone`, e.g. `+1`. */
  phoneCode: string;
  /** First address line. */
  addressLine1: string;
  /** Second address line. */
  addressLine2?: string;
  /** City. */
  city: string;
  /** State, province or region. */
  state: string;
  /** Postal or ZIP code. */
  postalCode: string;
  /** Destination country, as in the API example (`USA`). */
  country: string;
}

const REQUIRED_SHIPPING: readonly (keyof ShippingData)[] = [
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
];

const SHIPPING_SHAPE: ParamShape = Object.fromEntries(
  [...REQUIRED_SHIPPING, 'addressLine2'].map((key) => [key, anyText]),
);

/**
 * Physical versions of existing cards: order one, then activate it with the code that comes with it.
 *
 * @example
 * ```ts
 * await client.cards.physical.order(card, shipping);
 * await client.cards.physical.activate(card, codeFromTheLetter);
 * ```
 */
export class PhysicalCardsResource extends Resource {
  /**
   * Orders a physical version of a card, shipped to `shipping`.
   *
   * @throws {ValidationError} when a required shipping field is missing.
   * @throws {OutcomeUnknownError} when the order left but no definite answer came back.
   */
  async order(card: CardRef, shipping: ShippingData, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    const given = checkShape(shipping, 'shipping', 'cards.physical.order', SHIPPING_SHAPE);
    for (const field of REQUIRED_SHIPPING) {
      const value = given[field];
      if (typeof value !== 'string' || value.trim() === '') {
        throw new ValidationError(`shipping.${field} is required.`, {
          field: `shipping.${field}`,
          rule: 'required',
          operation: 'cards.physical.order',
          hint: 'Fill every shipping field except addressLine2.',
        });
      }
    }
    return this.send(orderPhysical(ref, given), options);
  }

  /**
   * Activates a delivered physical card with its activation code (never logged). A retry refused
   * because the card is already activated (an earlier attempt was applied) counts as success.
   *
   * @throws {ValidationError} when the code is empty.
   */
  async activate(card: CardRef, code: string, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    if (typeof code !== 'string' || code.trim() === '') {
      throw new ValidationError('The activation code is required.', {
        field: 'code',
        rule: 'required',
        operation: 'cards.physical.activate',
        hint: 'Pass the activation code delivered with the physical card, e.g. "1234-5678".',
      });
    }
    return this.send(activatePhysical(ref, code), options);
  }
}
