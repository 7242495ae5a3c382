import { type Address, inAny, parseAddress, type Range } from './cidr.js';

/** Strips a port and IPv6 brackets from one `X-Forwarded-For` entry (`[2001:db8::1]:443`, `203.0.113.9:80`). */
function entryAddress(entry: string): Address | undefined {
  const text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed?.[1] !== undefined) return parseAddress(bracketed[1]);
  const v4Port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
  return parseAddress(v4Port?.[1] ?? text);
}

/**
 * The address a request came from. The socket peer is the source unless it is one of `trusted`
 * (your own proxies): then `X-Forwarded-For` is read right to left, trusted entries skipped, and
 * the first untrusted entry is the source. Undefined (refuse) when the peer is unknown, an entry
 * read is malformed, or every entry is trusted: a forged header can only name an address that a
 * trusted proxy vouched for, never widen the allowlist.
 */
export function sourceAddress(
  peer: string | undefined,
  forwardedFor: string | null,
  trusted: readonly Range[],
): Address | undefined {
  const socket = peer === undefined ? undefined : parseAddress(peer);
  if (socket === undefined || !inAny(socket, trusted)) return socket;
  if (forwardedFor === null) return undefined;
  const entries = forwardedFor.split(',');
  for (let i = entries.length - 1; i >= 0; i--) {
    const address = entryAddress(entries[i] ?? '');
    if (address === undefined) return undefined;
    if (!inAny(address, trusted)) return address;
  }
  return undefined;
}
