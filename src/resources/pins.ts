import type { CardsClientOptions } from '../connection.js';
import { ValidationError } from '../core/errors.js';
import { checkOptionalShape } from '../core/params.js';
import type { ActionResult } from '../core/schema.js';
import type { RequestOptions } from '../core/spec.js';
import { checkPin, type PinCheckResult, type PinPolicy, type PinPreset } from '../pins/rules.js';
import { type CardRef, resolveCard } from './card-ref.js';
import { WeakPinError } from './domain-errors.js';
import { setPin } from './endpoints/card-settings.js';
import { ClientResource } from './resource.js';

function checkPolicy(policy: PinPreset | PinPolicy | undefined): PinPreset | PinPolicy | undefined {
  try {
    // An empty PIN fails on format, after the policy itself has been validated.
    checkPin('', policy);
  } catch {
    throw new ValidationError('pinPolicy is not a valid PIN policy.', {
      field: 'pinPolicy',
      rule: 'pin_policy',
      hint: "Use 'bfinance', 'recommended' or 'strict', with a length from 4 to 12.",
    });
  }
  return policy;
}

/**
 * PINs: a pure local check, and setting a card's PIN after that check passes. The SDK never
 * generates a PIN: the cardholder chooses it.
 *
 * @example
 * ```ts
 * const verdict = client.pins.check(pinFromCardholder);
 * if (!verdict.ok) showHint(verdict.message); // e.g. rule PIN_SEQUENCE
 * await client.pins.set(card, pinFromCardholder);
 * ```
 */
export class Pins extends ClientResource {
  readonly #policy: PinPreset | PinPolicy | undefined;

  /**
   * Takes the same options as `CardsClient`; `pinPolicy` sets the rules `set` enforces.
   *
   * @throws {ValidationError} for bad options, as `new CardsClient()` does, or a policy that is not valid.
   */
  constructor(options?: CardsClientOptions) {
    super(options);
    this.#policy = checkPolicy(this.connection.pinPolicy);
  }

  /**
   * Checks a PIN against a policy (the client's by default) without sending anything.
   *
   * @throws {ValidationError} when `options.policy` is not a valid policy, or `options` has an unknown field.
   */
  check(pin: string, options: { policy?: PinPreset | PinPolicy } = {}): PinCheckResult {
    const given = checkOptionalShape(options, 'options', 'pins.check', { policy: () => undefined });
    return checkPin(pin, checkPolicy((given.policy as PinPreset | PinPolicy | undefined) ?? this.#policy));
  }

  /**
   * Sets a card's PIN, after checking it locally with the client's policy.
   *
   * @throws {WeakPinError} when the PIN breaks a rule; `rule` names it, the message never shows the PIN.
   * @throws {CardStateError} when the card's state does not allow it.
   */
  async set(card: CardRef, pin: string, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    const verdict = checkPin(pin, this.#policy);
    if (!verdict.ok) {
      throw new WeakPinError(`${verdict.message} Nothing was sent.`, {
        field: 'pin',
        rule: verdict.rule,
        operation: 'pins.set',
        hint: 'Ask the cardholder to choose another PIN; client.pins.check() tells which rule a PIN breaks.',
      });
    }
    return this.send(setPin(ref, pin), options);
  }
}
