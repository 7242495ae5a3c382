import { DEFAULT_SENDER } from './http/default-sender.js';
import { SendError, type Sender, type SendResponse } from './http/types.js';

/** One attempt as the transport hands it over. */
export interface AttemptRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
  maxResponseBytes: number;
  signal: AbortSignal | undefined;
}

/** A response, or why none came: the attempt's timer, the caller's signal, or a send failure. */
export type AttemptResult =
  | { type: 'response'; response: SendResponse }
  | { type: 'timeout' }
  | { type: 'aborted' }
  | { type: 'send'; error: SendError };

const GAVE_UP = Symbol('gave-up');

/**
 * Sends one attempt and enforces its timeout and the caller's signal itself: a sender that
 * ignores the signal (a custom fetch) cannot hold the call past `timeoutMs` or an abort.
 */
export async function sendAttempt(sender: Sender, req: AttemptRequest): Promise<AttemptResult> {
  const controller = DEFAULT_SENDER.controller();
  let why: 'timeout' | 'aborted' | undefined;
  let giveUp: ((reason: typeof GAVE_UP) => void) | undefined;
  // Only a sender that may ignore its signal (a caller's fetch) is raced against the timer.
  const gaveUp = sender.honoursSignal
    ? undefined
    : new Promise<never>((_resolve, reject) => {
        giveUp = reject;
      });
  const stop = (reason: 'timeout' | 'aborted'): void => {
    why ??= reason;
    controller.abort();
    giveUp?.(GAVE_UP);
  };
  const timer = setTimeout(() => stop('timeout'), req.timeoutMs);
  const onAbort = (): void => stop('aborted');
  req.signal?.addEventListener('abort', onAbort, { once: true });
  let sending: Promise<SendResponse> | undefined;
  try {
    sending = sender({
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: req.body,
      signal: controller.signal,
      maxResponseBytes: req.maxResponseBytes,
    });
    const response = gaveUp ? await Promise.race([sending, gaveUp]) : await sending;
    return { type: 'response', response };
  } catch (error) {
    // A sender that settles after the SDK gave up must not leave an unhandled rejection.
    sending?.catch(() => undefined);
    if (why !== undefined) return { type: why };
    return {
      type: 'send',
      error: error instanceof SendError ? error : new SendError('The request failed.', 'UNKNOWN', 'sent'),
    };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
  }
}
