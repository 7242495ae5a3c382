// Types of undici-request.node.mjs: the same signature as the `undici` package's `request`.
export declare const request: typeof import('undici').request;
