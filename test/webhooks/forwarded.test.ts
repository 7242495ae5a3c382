import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inAny, parseAddress, parseRange, type Range } from '../../src/webhooks/cidr.js';
import { sourceAddress } from '../../src/webhooks/forwarded.js';

const PROXIES: Range[] = ['10.0.0.0/8', 'fd00::/8'].map((r) => parseRange(r) as Range);
const ipv4 = fc
  .array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 })
  .map((b) => b.join('.'));
const ipv6 = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 })
  .map((ws) => ws.map((w) => w.toString(16)).join(':'));
const proxy = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((n) => `10.1.2.${n}`),
  fc.integer({ min: 0, max: 0xffff }).map((n) => `fd00::${n.toString(16)}`),
);
/** Anything an attacker can put in the header: addresses, ports, brackets, junk. */
const entry = fc.oneof(
  ipv4,
  ipv6,
  proxy,
  ipv4.map((a) => `${a}:8080`),
  ipv6.map((a) => `[${a}]:443`),
  fc.string({ maxLength: 12 }),
);
const header = fc.array(entry, { maxLength: 6 }).map((list) => list.join(', '));
const same = (a: Uint8Array | undefined, text: string): boolean =>
  a?.every((byte, i) => byte === parseAddress(text)?.[i]) === true;

describe('sourceAddress', () => {
  it('is the socket peer when the peer is no trusted proxy, whatever the header says', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4, ipv6), header, (peer, forwarded) => {
        fc.pre(!inAny(parseAddress(peer) as Uint8Array, PROXIES));
        expect(same(sourceAddress(peer, forwarded, PROXIES), peer)).toBe(true);
      }),
    );
  });

  it('never widens the allowlist: behind a proxy, a forged prefix cannot replace the client the proxy saw', () => {
    fc.assert(
      fc.property(
        proxy,
        header,
        fc.oneof(ipv4, ipv6),
        fc.array(proxy, { maxLength: 3 }),
        (peer, forged, client, hops) => {
          fc.pre(!inAny(parseAddress(client) as Uint8Array, PROXIES));
          // The proxies append the client they saw, then each other, to whatever the client sent.
          const forwarded = [forged, client, ...hops].filter((part) => part !== '').join(', ');
          expect(same(sourceAddress(peer, forwarded, PROXIES), client)).toBe(true);
        },
      ),
    );
  });

  it('is only ever the peer or an untrusted address the header names', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4, proxy), header, (peer, forwarded) => {
        const source = sourceAddress(peer, forwarded, PROXIES);
        if (source === undefined || same(source, peer)) return;
        expect(inAny(source, PROXIES)).toBe(false);
        const named = forwarded.split(',').flatMap((part) => {
          const text = part.trim();
          return [text, text.replace(/^\[(.*)\](:\d+)?$/, '$1'), text.replace(/^([\d.]+):\d+$/, '$1')];
        });
        expect(named.some((text) => same(source, text))).toBe(true);
      }),
    );
  });

  it('refuses an unknown peer, a trusted peer without the header, a malformed entry and an all-trusted chain', () => {
    expect(sourceAddress(undefined, '203.0.113.9', PROXIES)).toBeUndefined();
    expect(sourceAddress('not-an-ip', null, PROXIES)).toBeUndefined();
    expect(sourceAddress('10.0.0.1', null, PROXIES)).toBeUndefined();
    expect(sourceAddress('10.0.0.1', '203.0.113.9, bogus', PROXIES)).toBeUndefined();
    expect(sourceAddress('10.0.0.1', '10.0.0.2, 10.0.0.3', PROXIES)).toBeUndefined();
    expect(sourceAddress('10.0.0.1', '', PROXIES)).toBeUndefined();
  });

  it('reads ports, brackets and the IPv4-mapped peer Node reports', () => {
    expect(same(sourceAddress('::ffff:10.0.0.1', '203.0.113.9:5000', PROXIES), '203.0.113.9')).toBe(true);
    expect(same(sourceAddress('10.0.0.1', '[2001:db8::7]:443, 10.0.0.2', PROXIES), '2001:db8::7')).toBe(true);
    expect(same(sourceAddress('::ffff:203.0.113.9', null, []), '203.0.113.9')).toBe(true);
  });
});
