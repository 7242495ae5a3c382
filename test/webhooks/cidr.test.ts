import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inRange, parseAddress, parseRange, type Range } from '../../src/webhooks/cidr.js';

const word = fc.integer({ min: 0, max: 0xffff });
const words = fc.array(word, { minLength: 8, maxLength: 8 });
const v4 = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });

/** The 128-bit value of eight 16-bit words: the reference everything is compared with. */
const big = (ws: readonly number[]): bigint => ws.reduce((acc, w) => (acc << 16n) | BigInt(w), 0n);
const mapped = (bytes: readonly number[]): number[] => [
  0,
  0,
  0,
  0,
  0,
  0xffff,
  ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0),
  ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0),
];
/** Reference: `a` lies in `base/bits` when the top `bits` bits agree. */
const refIn = (a: bigint, base: bigint, bits: number): boolean =>
  bits === 0 || a >> BigInt(128 - bits) === base >> BigInt(128 - bits);
const at = (text: string): Uint8Array => parseAddress(text) ?? new Uint8Array(0);
const rangeOf = (text: string): Range => parseRange(text) ?? { base: new Uint8Array(16), bits: -1 };
const wordsOf = (address: Uint8Array): number[] =>
  Array.from({ length: 8 }, (_, i) => ((address[i * 2] ?? 0) << 8) | (address[i * 2 + 1] ?? 0));

/** The ways to write an IPv6 address: full, WHATWG-canonical (compressed) and with an IPv4 tail. */
function spellings(ws: readonly number[]): string[] {
  const full = ws.map((w) => w.toString(16)).join(':');
  const canonical = new URL(`http://[${full}]/`).hostname.slice(1, -1);
  const tail = `${ws
    .slice(0, 6)
    .map((w) => w.toString(16))
    .join(':')}:${(ws[6] ?? 0) >> 8}.${(ws[6] ?? 0) & 255}.${(ws[7] ?? 0) >> 8}.${(ws[7] ?? 0) & 255}`;
  return [full, full.toUpperCase(), canonical, tail];
}

describe('parseAddress', () => {
  it('reads every spelling of an IPv6 address as its 128 bits', () => {
    fc.assert(
      fc.property(words, (ws) => {
        for (const text of spellings(ws)) expect(wordsOf(at(text))).toEqual(ws);
      }),
    );
  });

  it('reads an IPv4 address and its IPv4-mapped IPv6 form as one address', () => {
    fc.assert(
      fc.property(v4, (bytes) => {
        const dotted = bytes.join('.');
        expect(wordsOf(parseAddress(dotted) as Uint8Array)).toEqual(mapped(bytes));
        expect(parseAddress(`::ffff:${dotted}`)).toEqual(parseAddress(dotted));
      }),
    );
  });

  it('refuses malformed addresses', () => {
    for (const bad of [
      '',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '01.2.3.4',
      '1.2.3.-4',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7',
      ':::',
      '1::2::3',
      ':1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8::',
      '12345::',
      'g::1',
      '::1.2.3.4.5',
      '1.2.3.4::',
      'localhost',
    ])
      expect(parseAddress(bad), bad).toBeUndefined();
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', 'f', ':', '.', '%', '/', ' ', 'x') }), (text) => {
        const parsed = parseAddress(text);
        expect(parsed === undefined || parsed.length === 16).toBe(true);
      }),
    );
  });

  it('ignores an IPv6 zone', () => {
    expect(parseAddress('fe80::1%eth0')).toEqual(parseAddress('fe80::1'));
  });
});

describe('CIDR matching', () => {
  it('agrees with the reference for IPv6 ranges', () => {
    fc.assert(
      fc.property(words, words, fc.integer({ min: 0, max: 128 }), (a, b, bits) => {
        const r = rangeOf(`${b.map((w) => w.toString(16)).join(':')}/${bits}`);
        expect(r.bits).toBe(bits);
        expect(inRange(at(a.map((w) => w.toString(16)).join(':')), r)).toBe(refIn(big(a), big(b), bits));
      }),
    );
  });

  it('agrees with the reference for IPv4 ranges, whichever way the address is written', () => {
    fc.assert(
      fc.property(v4, v4, fc.integer({ min: 0, max: 32 }), fc.boolean(), (a, b, bits, asMapped) => {
        const r = rangeOf(`${b.join('.')}/${bits}`);
        const text = asMapped ? `::ffff:${a.join('.')}` : a.join('.');
        expect(inRange(at(text), r)).toBe(refIn(big(mapped(a)), big(mapped(b)), 96 + bits));
      }),
    );
  });

  it('matches an address close to a range boundary exactly', () => {
    const r = rangeOf('203.0.113.0/25');
    expect(inRange(at('203.0.113.127'), r)).toBe(true);
    expect(inRange(at('203.0.113.128'), r)).toBe(false);
    expect(inRange(at('203.0.112.255'), r)).toBe(false);
    expect(inRange(at('::ffff:203.0.113.5'), r)).toBe(true);
    // An IPv4 range never matches an IPv6 address that only shares the low bits.
    expect(inRange(at('::cb00:7105'), r)).toBe(false);
  });

  it('refuses a prefix out of range or malformed', () => {
    for (const bad of ['1.2.3.4/33', '::/129', '1.2.3.4/', '1.2.3.4/-1', '1.2.3.4/a', '::/1.5', '/8'])
      expect(parseRange(bad), bad).toBeUndefined();
  });
});
