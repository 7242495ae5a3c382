const MIN_SECRET = 4;
// A base64 fragment shorter than this could be ordinary text.
const MIN_BASE64_CORE = 8;
const CACHE_LIMIT = 32;
const cache = new Map<string, RegExp | null>();

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

function attempt(encode: () => string): string[] {
  try {
    return [encode()];
  } catch {
    return []; // a lone surrogate cannot be URL-encoded, so that form cannot occur
  }
}

/** Every form in which `secret` may be echoed: as is, URL-, form-, JSON- and base64-encoded. */
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
  ];
  return [...new Set(forms)].filter((form) => form.length >= MIN_SECRET);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * One case-insensitive pattern matching every encoded form of the known secrets (values shorter
 * than 4 characters are ignored: they would mask ordinary text), or `null` when there are none.
 * Patterns are cached per set of secrets, since the same token is redacted on every call.
 */
export function secretPattern(secrets: Iterable<string>): RegExp | null {
  const values: string[] = [];
  for (const secret of secrets) {
    if (typeof secret === 'string' && secret.length >= MIN_SECRET) values.push(secret);
  }
  if (values.length === 0) return null;
  const key = values.join('\u0000');
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const forms = [...new Set(values.flatMap(encodedForms))].sort((a, b) => b.length - a.length);
  const pattern = forms.length === 0 ? null : new RegExp(forms.map(escapeRegExp).join('|'), 'gi');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, pattern);
  return pattern;
}
