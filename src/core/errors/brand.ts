// The brand is apart from the classes so code loaded on first use (a reconciler) can recognise an
// SDK error without importing them: a bundle then keeps the error classes eagerly initialised.

/** The property every SDK error carries (a registered symbol, so every copy of the package agrees). */
export const BRAND: unique symbol = Symbol.for('bfinance-cards.error') as never;

/** True for a value that carries the SDK's error brand (see `isCardsError`). */
export function branded(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}
