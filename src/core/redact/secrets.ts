import { type Mask, REDACTED, view } from './view.js';

// The secrets a call knows (the API token, a PIN or activation code it sent), found in a view
// (view.ts), so URL-encoded echoes, once or twice, read as the value itself.

// Separators an echo may put into a value it regroups (`4821-7710`, `48 21.77 10`, `4821+7710`).
const SEPARATORS = /[\s.\-/+]/g;
const cache = new Map<string, RegExp>();

const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Every form in which `secret` may be echoed: as is, form-, JSON-, base64- and hex-encoded. */
function forms(secret: string): string[] {
  const bytes = String.fromCharCode(...new TextEncoder().encode(secret));
  const full = btoa(bytes);
  const out = [
    secret,
    secret.replace(/ /g, '+'),
    JSON.stringify(secret).slice(1, -1),
    [...bytes].map((b) => b.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
    full,
    full.replace(/=+$/, ''),
  ];
  // Inside a larger base64 blob (a Basic credential `user:token`, a base64 JSON body) the secret
  // sits at one of three byte offsets; the groups holding only its bytes are the same whatever is
  // around it. Shorter than 8 characters, such a run could be ordinary text.
  for (let offset = 0; offset < 3; offset++) {
    const core = btoa('\0'.repeat(offset) + bytes).slice(
      offset && 4,
      (((offset + bytes.length) / 3) | 0) * 4,
    );
    if (core.length >= 8) out.push(core);
  }
  return out.flatMap((form) => [form, form.replace(/\+/g, '-').replace(/\//g, '_')]);
}

function patternOf(values: string[]): RegExp {
  const key = values.join('\u0000');
  let pattern = cache.get(key);
  if (pattern === undefined) {
    // A short secret (a PIN, an activation code) may come back regrouped, or ungrouped and encoded.
    const short = values
      .map((value) => value.replace(SEPARATORS, ''))
      .filter((core) => core.length >= 4 && core.length <= 16);
    // As written too: a form's `\n` reads as a space, its URL-encoded echo's (`%5Cn`) does not.
    const all = [...values, ...short].flatMap(forms).flatMap((form) => [form, view(form).text]);
    pattern = new RegExp(
      [
        ...[...new Set(all)]
          .filter((form) => form.length >= 4)
          .sort((a, b) => b.length - a.length)
          .map(literal),
        ...short
          .flatMap((core) => [core, view(core).text])
          .map((core) => [...core].map(literal).join('[\\s.\\-/+]*')),
      ].join('|'),
      'gi',
    );
    if (cache.size >= 32) cache.clear();
    cache.set(key, pattern);
  }
  return pattern;
}

/**
 * Where the known secrets stand in `text` (a view's text): every encoded form, in any letter case,
 * and short values regrouped with spaces, dashes or dots. Values shorter than 4 characters are
 * ignored: they would mask ordinary text. Patterns are cached per set of secrets, since the same
 * token is redacted on every call.
 */
export function secretMasks(text: string, secrets: Iterable<string>): Mask[] {
  const values = [...secrets].filter((secret) => typeof secret === 'string' && secret.length >= 4);
  if (values.length === 0) return [];
  return [...text.matchAll(patternOf(values))].map((m) => [m.index, m.index + m[0].length, REDACTED]);
}
