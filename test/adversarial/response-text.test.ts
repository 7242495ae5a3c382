import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { size } from '../reliability/config.js';
import { apiClient, FakeApi, type Row } from './fake-api.js';

// Finding 11 of the adversarial review: a server that puts a full PAN where a masked number or
// free text belongs (maskedCardNumber, label, cardholder names, a transaction's merchant and
// declineReason). What the SDK returns never holds the PAN digits, in any rendering, and the
// masked number keeps only the last four.

const PANS = ['4111111111111111', '4012888888881881', '4242424242424242'];
const ZEROS = [0x30, 0xff10, 0x660];

function inScript(text: string, zero: number): string {
  return text.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
}

/** Any decimal digit as ASCII, separators squeezed out: a leak in any rendering is found. */
function squeezed(text: string): string {
  return text
    .replace(/\p{Nd}/gu, (d) => {
      const code = d.codePointAt(0) ?? 0x30;
      const zero = ZEROS.find((z) => code >= z && code <= z + 9) ?? 0x30;
      return String(code - zero);
    })
    .replace(/[\s.\-/\u00a0]+/g, '');
}

function grouped(pan: string, sep: string): string {
  return pan.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
}

const hostile = fc.record({
  pan: fc.constantFrom(...PANS),
  sep: fc.constantFrom('', ' ', '-', '.', '  ', '\u00a0'),
  zero: fc.constantFrom(...ZEROS),
  frame: fc.constantFrom(
    (p: string) => p,
    (p: string) => `Card ${p}`,
    (p: string) => `${p} travel`,
  ),
});

function renderings(value: unknown): string[] {
  return [
    JSON.stringify(value),
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    String(value),
  ];
}

describe('11. server text in masked and free-text fields never returns a PAN', () => {
  it('cards.retrieve and cards.list: maskedCardNumber re-masked to the last four, label and holder names redacted', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('', ' ', '-'), async ({ pan, sep, zero, frame }, maskSep) => {
        const text = frame(inScript(grouped(pan, sep), zero));
        const api = new FakeApi({
          card: {
            maskedCardNumber: grouped(pan, maskSep),
            label: text,
            cardHolder: { firstName: text, lastName: `Lovelace ${text}` },
          },
        });
        const client = apiClient(api);
        const card = await client.cards.retrieve('c1');
        const page = await client.cards.list();
        const listed = page.data[0];
        for (const value of [card, listed, page]) {
          for (const r of renderings(value)) expect(squeezed(r)).not.toContain(pan);
        }
        for (const c of [card, listed]) {
          expect(c?.maskedCardNumber).toMatch(new RegExp(`${pan.slice(-4)}$`));
          expect(squeezed(String(c?.maskedCardNumber))).not.toContain(pan.slice(0, 12));
          expect(c?.last4).toBe(pan.slice(-4));
        }
      }),
      { numRuns: size(200, 25) },
    );
  });

  it('cards.transactions: merchant and declineReason holding PANs come back redacted', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async ({ pan, sep, zero, frame }) => {
        const text = frame(inScript(grouped(pan, sep), zero));
        const rows: Row[] = [
          {
            id: 't1',
            at: Date.now() - 60_000,
            type: 'purchase',
            amount: 9,
            merchant: text,
            declineReason: null,
          },
          {
            id: 't2',
            at: Date.now(),
            type: 'purchase',
            amount: 3,
            merchant: 'Cafe',
            declineReason: `Declined: ${text}`,
          },
        ];
        const api = new FakeApi({ rows });
        const seen: unknown[] = [];
        for await (const tx of apiClient(api).cards.transactions('c1')) seen.push(tx);
        expect(seen).toHaveLength(2);
        for (const r of renderings(seen)) expect(squeezed(r)).not.toContain(pan);
      }),
      { numRuns: size(200, 25) },
    );
  });

  it('innocent free text (a merchant named with a store number) comes back intact', async () => {
    const rows: Row[] = [
      { id: 't1', at: Date.now(), type: 'purchase', amount: 9, merchant: 'Store #1500 Berlin 10115' },
    ];
    const seen: Array<{ merchant?: string | null | undefined }> = [];
    for await (const tx of apiClient(new FakeApi({ rows })).cards.transactions('c1')) seen.push(tx);
    expect(seen[0]?.merchant).toBe('Store #1500 Berlin 10115');
  });
});
