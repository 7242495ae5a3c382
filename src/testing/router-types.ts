/** A request as the router sees it, independent of the adapter (node:http or msw). */
export interface SandboxRequest {
  /** HTTP method, any case. */
  method: string;
  /** Path relative to the API base, e.g. `/cards/abc/topup`, still percent-encoded, no query. */
  path: string;
  /** Query parameters. */
  query: URLSearchParams;
  /** Request headers; names are matched case-insensitively. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Raw request body, `''` when there is none. */
  bodyText: string;
  /** Aborted when the client goes away; cuts injected latency short. */
  signal?: AbortSignal;
}

/** A complete HTTP answer. */
export interface SandboxHttpResponse {
  /** HTTP status code. */
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** The response body as sent (JSON text, or whatever a fault produced). */
  body: string;
}

/**
 * An answer the adapter must spoil on the wire:
 * - `reset`: destroy the connection without sending a byte;
 * - `hang`: never answer; the connection stays open until the client gives up or the server closes;
 * - `truncate`: send the status, the headers with the full `Content-Length`, part of the body, then
 *   destroy the connection;
 * - `short`: like `truncate`, but close the connection cleanly (a FIN, not a reset);
 * - `stall`: send the status, the headers with the full `Content-Length` and part of the body, then
 *   nothing more until the client gives up or the server closes.
 */
export type SandboxFaultInstruction =
  | {
      /** Destroy the connection without answering. */
      fault: 'reset';
    }
  | {
      /** Never answer. */
      fault: 'hang';
    }
  | {
      /** Which partial answer to send. */
      fault: 'truncate' | 'short' | 'stall';
      /** HTTP status code sent. */
      status: number;
      /** Headers sent, including the full `Content-Length`. */
      headers: Record<string, string>;
      /** The full body, of which only a part is sent. */
      body: string;
    };

/** What the router returns: an answer, or a fault the adapter carries out. */
export type SandboxReply = SandboxHttpResponse | SandboxFaultInstruction;

/** True when the reply is a fault instruction rather than a plain answer. */
export function isFaultInstruction(reply: SandboxReply): reply is SandboxFaultInstruction {
  return 'fault' in reply;
}

/**
 * The control routes' handler (`/__sandbox/…`): `req.path` is relative to `/__sandbox`. Never
 * reachable under the API base.
 */
export type SandboxControlHandler = (req: SandboxRequest) => SandboxHttpResponse;

/** Path prefix of the control routes, at the root of the sandbox's origin. */
export const CONTROL_PREFIX = '/__sandbox';
