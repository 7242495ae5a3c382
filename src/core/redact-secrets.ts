import { REDACTED } from './redact-mask.js';

const MIN_SECRET = 4;
// A base64 fragment shorter than this could be ordinary text.
const MIN_BASE64_CORE = 8;
const CACHE_LIMIT = 32;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Base64 renderings of `secret`: the whole value, and the run of characters that depends only on
 * the secret when it sits at any of the three byte offsets inside a larger encoded blob (a Basic
 * credential `user:token`, a base64 JSON body holding the token).
 */
function base64Forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const forms = [base64(bytes), base64(bytes).replace(/=+$/, '')];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = base64(padded);
    // Groups holding a padding byte or the end of the value change with the neighbours.
    const first = offset === 0 ? 0 : 4;
    const whole = Math.floor(padded.length / 3) * 4;
    const core = encoded.slice(first, whole);
    if (core.length >= MIN_BASE64_CORE) forms.push(core);
  }
  return forms.flatMap((form) => [form, form.replace(/\+/g, '-').replace(/\//g, '_')]);
}

function hex(secret: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(secret)) out += byte.toString(16).padStart(2, '0');
  return out;
}

function attempt(encode: () => string): string[] {
  try {
    return [encode()];
  } catch {
    return []; // a lone surrogate cannot be URL-encoded, so that form cannot occur
  }
}

/** Every form in which `secret` may be echoed: as is, URL-, form-, JSON-, base64- and hex-encoded. */
function encodedForms(secret: string): string[] {
  const component = attempt(() => encodeURIComponent(secret));
  const forms = [
    secret,
    ...component,
    ...component.map((c) => c.replace(/%20/g, '+')),
    ...component.flatMap((c) => attempt(() => encodeURIComponent(c))),
    ...attempt(() => encodeURI(secret)),
    ...attempt(() => new URLSearchParams([['k', secret]]).toString().slice(2)),
    JSON.stringify(secret).slice(1, -1),
    ...base64Forms(secret),
    hex(secret),
  ];
  return [...new Set(forms)].filter((form) => form.length >= MIN_SECRET);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

// Separators an echo may put into a value it regroups (`4821-7710`, `48 21.77 10`, `4821+7710`).
const SEPARATORS = /[\s.\-/+]/;
const SPACE_ESCAPE = '%20';
// Only short values (PINs, activation codes) are looked for regrouped: an echo does not regroup a
// token, and this keeps the client's token off the slower scan.
const MAX_REGROUPED = 16;

/** The known secrets of one set: one pattern for their encoded forms, and the values to find regrouped. */
interface Known {
  pattern: RegExp | null;
  /** Short values without separators, lower-cased, looked for with any separators in between. */
  short: string[];
}

const cache = new Map<string, Known | null>();

function lower(char: string): string {
  const low = char.toLowerCase();
  return low.length === 1 ? low : char;
}

function core(value: string): string {
  let out = '';
  for (const char of value) if (!SEPARATORS.test(char)) out += lower(char);
  return out;
}

function known(secrets: Iterable<string>): Known | null {
  const values: string[] = [];
  for (const secret of secrets) {
    if (typeof secret === 'string' && secret.length >= MIN_SECRET) values.push(secret);
  }
  if (values.length === 0) return null;
  const key = values.join('\u0000');
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  // A grouped short secret (an activation code `4821-7710`) may come back ungrouped, then encoded.
  const ungrouped = values
    .filter((value) => value.length <= MAX_REGROUPED)
    .map((value) => [...value].filter((char) => !SEPARATORS.test(char)).join(''))
    .filter((value) => value.length >= MIN_SECRET && !values.includes(value));
  const forms = [...new Set([...values, ...ungrouped].flatMap(encodedForms))].sort(
    (a, b) => b.length - a.length,
  );
  const short = values
    .map(core)
    .filter((value) => value.length >= MIN_SECRET && value.length <= MAX_REGROUPED);
  const entry: Known = {
    pattern: forms.length === 0 ? null : new RegExp(forms.map(escapeRegExp).join('|'), 'gi'),
    short: [...new Set(short)],
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, entry);
  return entry;
}

/** Masks `values` found in `text` with any separators (or `%20`) between their characters. */
function maskRegrouped(text: string, values: readonly string[]): string {
  let squeezed = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith(SPACE_ESCAPE, i)) i += SPACE_ESCAPE.length - 1;
    else if (!SEPARATORS.test(text[i] as string)) {
      squeezed += lower(text[i] as string);
      at.push(i);
    }
  }
  const ranges: Array<[number, number]> = [];
  for (const value of values) {
    for (let i = squeezed.indexOf(value); i >= 0; i = squeezed.indexOf(value, i + value.length)) {
      ranges.push([at[i] as number, (at[i + value.length - 1] as number) + 1]);
    }
  }
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let from = 0;
  for (const [start, end] of ranges) {
    if (start >= from) out += text.slice(from, start) + REDACTED;
    from = Math.max(from, end);
  }
  return out + text.slice(from);
}

/**
 * Masks the known secrets in `text`: every encoded form (values shorter than 4 characters are
 * ignored: they would mask ordinary text), in any letter case, and short values (PINs, activation
 * codes) regrouped with spaces, dashes or dots too. The patterns are cached per set of secrets,
 * since the same token is redacted on every call.
 */
export function maskSecrets(text: string, secrets: Iterable<string>): string {
  const entry = known(secrets);
  if (entry === null) return text;
  const out = entry.pattern === null ? text : text.replace(entry.pattern, REDACTED);
  return entry.short.length === 0 ? out : maskRegrouped(out, entry.short);
}
