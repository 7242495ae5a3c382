// The PIN rule ids, declared in core so that WeakPinError can name them without importing the
// PIN checker (src/pins), which the engine must not depend on.

/**
 * Identifier of the first rule a PIN broke, so apps can show targeted guidance.
 *
 * Rules are evaluated in the order listed here (and in `PIN_RULES`); the first match wins.
 */
export type PinRule =
  | 'PIN_FORMAT'
  | 'PIN_LENGTH'
  | 'PIN_REPEATED'
  | 'PIN_SEQUENCE'
  | 'PIN_COMMON'
  | 'PIN_YEAR'
  | 'PIN_PATTERN'
  | 'PIN_DATE';
