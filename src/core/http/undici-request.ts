/**
 * Where the Node sender gets undici's `request` from. From source (tests, tsx) it is the `undici`
 * package; the Node build replaces this module with `dist/undici/request.cjs`, undici's request
 * path alone, bundled from the locked undici version (see `undici-request.node.mjs` and
 * tsup.config.ts).
 */
export { request } from 'undici';
