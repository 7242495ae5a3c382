import { REDACTED } from './view.js';

// The secrets a call knows (the API token, a PIN or activation code it sent), found however a
// server echoes them.

// Separators an echo may put into a value it regroups (`4821-7710`, `48 21.77 10`, `4821+7710`).
const SEPARATORS = /[\s.\-/+]/g;
const SEPARATED = String.raw`(?:[\s.\-/+]|%20)*`;
const cache = new Map<string, RegExp>();

const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/** Every form in which `secret` may be echoed: as is, URL-, form-, JSON-, base64- and hex-encoded. */
function forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const url = encodeURIComponent;
  const out = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(''),
  ];
  try {
    const form = new URLSearchParams([['k', secret]]).toString().slice(2);
    out.push(url(secret), encodeURI(secret), url(url(secret)), url(secret).replace(/%20/g, '+'), form);
  } catch {
    // A lone surrogate cannot be URL-encoded, so no URL form can occur.
  }
  // Inside a larger base64 blob (a Basic credential `user:token`, a base64 JSON body) the secret
  // sits at one of three byte offsets; the groups holding only its bytes are the same whatever is
  // around it. Shorter than 8 characters, such a run could be ordinary text.
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = base64(padded);
    const core = encoded.slice(offset === 0 ? 0 : 4, Math.floor(padded.length / 3) * 4);
    if (offset === 0) out.push(encoded, encoded.replace(/=+$/, ''));
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
    const all = [...new Set([...values, ...short].flatMap(forms))].filter((form) => form.length >= 4);
    pattern = new RegExp(
      [
        ...all.sort((a, b) => b.length - a.length).map(literal),
        ...short.map((core) => [...core].map(literal).join(SEPARATED)),
      ].join('|'),
      'gi',
    );
    if (cache.size >= 32) cache.clear();
    cache.set(key, pattern);
  }
  return pattern;
}

/**
 * Masks the known secrets in `text`: every encoded form, in any letter case, and short values
 * regrouped with spaces, dashes, dots or `%20`. Values shorter than 4 characters are ignored: they
 * would mask ordinary text. Patterns are cached per set of secrets, since the same token is
 * redacted on every call.
 */
export function maskSecrets(text: string, secrets: Iterable<string>): string {
  const values = [...secrets].filter((secret) => typeof secret === 'string' && secret.length >= 4);
  return values.length === 0 ? text : text.replace(patternOf(values), REDACTED);
}
