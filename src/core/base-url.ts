import { invalid } from './refuse.js';

/** The production API base. */
export const DEFAULT_BASE_URL = 'https://business.bfinance.app/external/api';

/**
 * The sandbox's API base: a host under the reserved `.test` top-level domain (RFC 2606), which can
 * never resolve to bfinance, so a test that forgets to wire the sandbox in fails instead of
 * reaching production.
 */
export const SANDBOX_BASE_URL = 'https://api.bfinance-cards.test/external/api';

/** The token the sandbox accepts; a client that sends it to production refuses to. */
export const SANDBOX_TOKEN = 'sandbox_test_token';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Checks a base URL and strips its trailing slash: `https:` only, except on a loopback host
 * (local sandboxes and tests), so card data never crosses a network in clear text.
 *
 * @throws {ValidationError} for an unparseable URL, another scheme, or credentials in the URL.
 */
export function checkBaseUrl(value: string): string {
  const hint = `Use ${DEFAULT_BASE_URL} (http: only for a local sandbox).`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('baseUrl', 'url', 'baseUrl is not a valid URL.', hint);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  if (!secure) {
    throw invalid('baseUrl', 'https', 'baseUrl must use https: (http: only on a loopback host).', hint);
  }
  // `url.search` and `url.hash` are empty for a bare trailing `?` or `#`, which would still put
  // every path into the query or the fragment.
  if (url.username || url.password || url.search || url.hash || /[?#]/.test(value)) {
    throw invalid('baseUrl', 'plain_url', 'baseUrl must not carry credentials, a query or a fragment.', hint);
  }
  return url.href.replace(/\/+$/, '');
}
