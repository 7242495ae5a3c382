import { ValidationError } from './errors.js';

/** A request path with its ids encoded, and the same path with `:id` placeholders for logs. */
export interface RequestPath {
  /** The path to send, every id percent-encoded into exactly one segment. */
  readonly path: string;
  /** The path with every id replaced by `:id`, safe to log. */
  readonly template: string;
}

/**
 * Tagged template that builds a {@link RequestPath}: `path\`/cards/${id}/topup\``.
 *
 * @throws {ValidationError} when an id is not a string, is empty, or is `.` or `..`.
 */
export function path(strings: TemplateStringsArray, ...ids: unknown[]): RequestPath {
  let out = strings[0] ?? '';
  let template = out;
  ids.forEach((id, i) => {
    const invalid = (): ValidationError =>
      new ValidationError('An id in the request path is missing or not a valid id.', {
        field: 'id',
        rule: 'path_segment',
        hint: 'Pass the id the API returned, e.g. card.id.',
      });
    if (typeof id !== 'string' || id.trim() === '' || id === '.' || id === '..') throw invalid();
    let encoded: string;
    try {
      encoded = encodeURIComponent(id);
    } catch {
      // A lone UTF-16 surrogate (e.g. a string cut inside an emoji) makes encodeURIComponent throw.
      throw invalid();
    }
    const rest = strings[i + 1] ?? '';
    out += encoded + rest;
    template += `:id${rest}`;
  });
  return { path: out, template };
}
