import { refuse } from './refuse.js';

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
    let encoded = '';
    try {
      if (typeof id !== 'string' || id.trim() === '' || id === '.' || id === '..') throw id;
      // A lone UTF-16 surrogate (e.g. a string cut inside an emoji) makes encodeURIComponent throw.
      encoded = encodeURIComponent(id);
    } catch {
      refuse(
        'id',
        'path_segment',
        'An id in the request path is missing or not a valid id.',
        'Pass the id the API returned, e.g. card.id.',
      );
    }
    const rest = strings[i + 1] ?? '';
    out += encoded + rest;
    template += `:id${rest}`;
  });
  return { path: out, template };
}
