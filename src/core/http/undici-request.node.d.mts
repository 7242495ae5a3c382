// Types of undici-request.node.mjs: the signature of the `undici` package's `request`, plus a
// watch the SDK's sender reads to know whether a byte of the request may have been written.
/** What the SDK's undici sender learns about one request while it is dispatched. */
export interface RequestWatch {
  /** True once undici started writing the request (its handler's `onConnect`). */
  written: boolean;
  /** True once the request was handed to the dispatcher (an argument error can come before). */
  dispatched?: boolean;
  /** True when the dispatcher is undici's own global one (its handler calls are proof). */
  own?: boolean;
}
export declare function request(
  url: string,
  opts: Pick<
    NonNullable<Parameters<typeof import('undici').request>[1]>,
    'method' | 'headers' | 'body' | 'signal' | 'dispatcher'
  >,
  watch?: RequestWatch,
): ReturnType<typeof import('undici').request>;
