// undici's `request()` over undici's global dispatcher, taken from the locked undici version,
// without the rest of the package (fetch, WebSocket, caches, mocks, proxies, HTTP/2): loading the
// whole `undici` package costs ~90 ms, this ~15 ms (bench/README.md has the numbers).
// The undici sender loads this module on its first request. From source (tests, tsx) it runs as
// is, reading undici's files from node_modules; the Node build bundles this same file into
// dist/undici/request.{js,cjs} and points the sender's import at that copy (tsup.config.ts), so
// the tests and dist run the same request path.
// It mirrors `undici.request(url, opts)` (undici/index.js, `makeDispatcher`) for the calls the
// SDK makes: an absolute URL string and options with method, headers, body, signal, dispatcher
// (any other option is not passed on).
import requestApi from 'undici/lib/api/api-request.js';
import util from 'undici/lib/core/util.js';
import dispatchers from 'undici/lib/global.js';

/**
 * Marks `watch.written` when undici starts writing the request: a dispatcher calls the handler's
 * `onConnect` (or `onRequestStart`) just before the first byte goes to the socket, so a failure
 * while it is still false provably sent nothing.
 */
const STARTS = ['onConnect', 'onRequestStart'];

function observe(handler, watch) {
  for (const name of STARTS) {
    const original = handler[name];
    if (typeof original !== 'function') continue;
    handler[name] = function (...args) {
      watch.written = true;
      return original.apply(this, args);
    };
  }
  return handler;
}

/**
 * undici's `request(url, opts)`: the caller's dispatcher, else undici's global one. `watch`, when
 * given, is told whether the request reached the dispatcher (`dispatched`), whether a byte may have
 * been written (`written`) and whether the dispatcher is undici's own (`own`), whose handler calls
 * can be trusted as that proof.
 */
export function request(url, opts, watch) {
  const parsed = util.parseURL(url);
  const dispatcher = opts.dispatcher;
  const target = dispatcher ?? dispatchers.getGlobalDispatcher();
  if (watch) watch.own = dispatcher === undefined;
  const via = watch
    ? {
        dispatch: (o, handler) => {
          watch.dispatched = true;
          return target.dispatch(o, observe(handler, watch));
        },
      }
    : target;
  // The options by name: a spread copy that then gains keys costs V8 microseconds per request.
  return requestApi.call(via, {
    method: opts.method || (opts.body ? 'PUT' : 'GET'),
    headers: opts.headers,
    body: opts.body,
    signal: opts.signal,
    origin: parsed.origin,
    path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname,
  });
}
