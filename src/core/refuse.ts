import { ValidationError } from './errors.js';

// Kept apart from the error classes: the `bfinance-cards` command bundles this helper but takes the
// classes from the installed package (tsup.config.ts, selfImports), and the package's root entry
// exports the classes, not this helper.

/** The error that refuses an input before anything is sent: `field`, `rule`, `hint`, maybe `operation`. */
export function invalid(
  field: string,
  rule: string,
  message: string,
  hint: string,
  operation?: string,
): ValidationError {
  return new ValidationError(message, { field, rule, hint, operation });
}

/**
 * Refuses an input before anything is sent.
 *
 * @throws {ValidationError} always, with `field`, `rule`, `hint` and, when given, `operation`.
 */
export function refuse(
  field: string,
  rule: string,
  message: string,
  hint: string,
  operation?: string,
): never {
  throw invalid(field, rule, message, hint, operation);
}
