import { ValidationError } from './errors.js';

// Kept apart from the error classes: the `bfinance-cards` command bundles this helper but takes the
// classes from the installed package (tsup.config.ts, selfImports), and the package's root entry
// exports the classes, not this helper.

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
  throw new ValidationError(message, { field, rule, hint, operation });
}
