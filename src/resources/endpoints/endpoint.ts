import type { OutcomeSubject } from '../../core/outcome/contract.js';
import { isPlainObject, paramError } from '../../core/params.js';
import type { RequestPath } from '../../core/path.js';
import type { RequestOptions, RequestSpec, ResponseSchema } from '../../core/spec.js';

/**
 * One endpoint call as data: the request spec, plus the body fields the SDK owns for it (which
 * `extraBody` may not set, even when this call leaves them out).
 */
export type Endpoint<T> = RequestSpec<T> & {
  /** Body fields the SDK owns besides those this call sends (optional ones it left out). */
  readonly bodyFields?: readonly string[];
};

/** A GET endpoint: safe to repeat, no body. */
export function readEndpoint<T>(
  operation: string,
  path: RequestPath,
  schema: ResponseSchema<T>,
  subject: OutcomeSubject = {},
  query?: RequestSpec<T>['query'],
): Endpoint<T> {
  const spec: Endpoint<T> = { operation, method: 'GET', path, schema, retry: 'safe-to-repeat', subject };
  if (query !== undefined) spec.query = query;
  return spec;
}

/**
 * Applies the call's `extraBody` option to an endpoint call and returns the spec and options to
 * hand to the transport (the option itself is taken off).
 *
 * @throws {ValidationError} field `extraBody` for a value that is not a plain object or an endpoint
 * that sends no body, `extraBody.<name>` for a field the SDK owns.
 */
export function withExtraBody<T>(
  spec: Endpoint<T>,
  options: RequestOptions | undefined,
): [RequestSpec<T>, RequestOptions | undefined] {
  const extra: unknown = options?.extraBody;
  if (options === undefined || !('extraBody' in options)) return [spec, options];
  const { extraBody: _taken, ...rest } = options;
  if (extra === undefined) return [spec, rest];
  const operation = spec.operation;
  if (!isPlainObject(extra)) {
    throw paramError(
      'extraBody',
      'type',
      'extraBody must be a plain object.',
      operation,
      'Pass extraBody as { field: value }.',
    );
  }
  if (spec.method !== 'POST') {
    throw paramError(
      'extraBody',
      'no_body',
      `${operation} sends no body, so extraBody cannot be used.`,
      operation,
      'Leave extraBody out for this method.',
    );
  }
  const body = (spec.body ?? {}) as Record<string, unknown>;
  const owned = new Set([...(spec.bodyFields ?? []), ...Object.keys(body)]);
  for (const key of Object.keys(extra)) {
    if (owned.has(key)) {
      throw paramError(
        `extraBody.${key}`,
        'sdk_field',
        `extraBody.${key} is a field the SDK sets for ${operation}.`,
        operation,
        'Pass it as a parameter of the method instead.',
      );
    }
  }
  return [{ ...spec, body: { ...body, ...extra } }, rest];
}
