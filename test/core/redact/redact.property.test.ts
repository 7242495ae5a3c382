import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../../src/core/luhn.js';
import { redact } from '../../../src/core/redact/index.js';
import { activationCodeArb, echoArb, echoedSecrets, pinArb, tokenArb } from '../../helpers/canary.js';
import { luhnUuidArb } from '../../helpers/ids.js';
import { INNOCENT } from '../../helpers/redact-corpus.js';

// Both sides of the redactor's rule: card data written any way never survives, and innocent text
// of every kind comes back byte for byte.

/** Card families (prefix, lengths): Visa, Mastercard, Amex, Discover, Maestro, 2-series. */
const FAMILIES: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['4111', [13, 16, 19]],
  ['4', [16]],
  ['5555', [16]],
  ['51', [16]],
  ['2221', [16]],
  ['3782', [15]],
  ['34', [15]],
  ['6011', [16, 19]],
  ['6759', [13, 14, 15, 16, 17, 18, 19]],
  ['5018', [13, 16, 19]],
  ['6304', [16]],
];

/** Zeros of Unicode decimal digit sets: ASCII, Arabic-Indic, extended Arabic-Indic, Devanagari,
 * Bengali, Thai, Myanmar, Khmer, fullwidth, mathematical bold. */
const ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1040, 0x17e0, 0xff10, 0x1d7ce];

function luhnNumber(prefix: string, length: number, body: readonly number[]): string {
  const partial = (prefix + body.join('')).slice(0, length - 1);
  return partial + luhnCheckDigit(partial);
}

const panOf = (lengths: (family: readonly number[]) => readonly number[]): fc.Arbitrary<string> =>
  fc
    .constantFrom(...FAMILIES)
    .chain(([prefix, family]) =>
      fc.tuple(
        fc.constant(prefix),
        fc.constantFrom(...lengths(family)),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
      ),
    )
    .map(([prefix, length, body]) => luhnNumber(prefix, length, body));

/** A Luhn-valid PAN of 13–19 digits from the test families. */
const panArb = panOf((family) => family);
/** A Luhn-valid 12-digit Maestro PAN. */
const maestro12 = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 })
  .map((body) => luhnNumber('6759', 12, body));

const separatorArb = fc.constantFrom(
  ' ',
  '  ',
  '   ',
  '\t',
  '\u00a0',
  '\u2009',
  '\u202f',
  '\u3000',
  '\u200b',
  '.',
  '/',
  '-',
  '\u2013',
  ' - ',
  '%20',
  '+',
  '%C2%A0',
  '%2520',
);

/** Splits `pan` into groups: none, the card grouping (4s, or 4-6-5), or arbitrary sizes. */
const groupsArb = (pan: string): fc.Arbitrary<string[]> =>
  fc.oneof(
    fc.constant<string[]>([pan]),
    fc.constant<string[]>(
      pan.length === 15
        ? [pan.slice(0, 4), pan.slice(4, 10), pan.slice(10)]
        : [...(pan.match(/.{1,4}/g) ?? [])],
    ),
    fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 19, maxLength: 19 }).map((sizes) => {
      const groups: string[] = [];
      let at = 0;
      for (const size of sizes) {
        if (at >= pan.length) break;
        groups.push(pan.slice(at, at + size));
        at += size;
      }
      return groups;
    }),
  );

/** `digits` in the digit set whose zero is `zero`. */
function inScript(digits: string, zero: number): string {
  return digits.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
}

/** A PAN rendered with any separators (one kind or mixed) and any digits. */
const renderedPan = panArb.chain((pan) =>
  fc
    .tuple(
      groupsArb(pan),
      fc.array(separatorArb, { minLength: 18, maxLength: 18 }),
      fc.boolean(),
      fc.constantFrom(...ZEROS),
    )
    .map(([groups, seps, mixed, zero]) => {
      const digits = groups.map((g) => inScript(g, zero));
      const text = digits.reduce((out, group, i) => out + (mixed ? seps[i] : seps[0]) + group);
      return { pan, text };
    }),
);

const expiryArb = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 24, max: 39 }))
  .map(([m, y]) => ({ mm: String(m).padStart(2, '0'), yy: String(y) }));

/** Where a rendered PAN may sit: wrappers, prose, JSON, URL query, a glued or spaced expiry. */
const placeArb: fc.Arbitrary<(text: string) => fc.Arbitrary<string>> = fc.constantFrom(
  (t: string) => fc.constant(t),
  (t: string) => fc.constant(`"${t}"`),
  (t: string) => fc.constant(`[${t}]`),
  (t: string) => fc.constant(`(${t})`),
  (t: string) => fc.constant(`{"note":"${t}","amount":25.5}`),
  (t: string) => fc.constant(`/cards/search?q=${t}&limit=10`),
  (t: string) => fc.constant(`Card ${t} was declined`),
  (t: string) => fc.constantFrom(...INNOCENT).map((m) => `${m}: ${t}`),
  (t: string) => expiryArb.map(({ mm, yy }) => `${t}${mm}/${yy}`),
  (t: string) => expiryArb.map(({ mm, yy }) => `${t} ${mm}/${yy}`),
  (t: string) => expiryArb.map(({ mm, yy }) => `${t} exp ${mm}/20${yy}`),
);

const digitString = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** The ASCII digits of `text` (any digit script normalised), everything else dropped. */
function digitsOf(text: string): string {
  return text
    .replace(/\p{Nd}/gu, (d) => {
      const cp = d.codePointAt(0) ?? 0;
      const zero = ZEROS.find((z) => cp >= z && cp < z + 10) ?? cp - 1;
      return String(cp - zero);
    })
    .replace(/\D/g, '');
}

describe('redact properties: card data never survives', () => {
  it('a PAN in any digits, separators, grouping and place is not recoverable', () => {
    fc.assert(
      fc.property(
        renderedPan.chain(({ pan, text }) => placeArb.chain((place) => place(text)).map((t) => ({ pan, t }))),
        ({ pan, t }) => {
          const out = redact(t);
          expect(digitsOf(out)).not.toContain(pan);
          expect(out).toContain('•••• ');
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('a 12-digit Maestro PAN next to a card word is not recoverable', () => {
    fc.assert(
      fc.property(
        maestro12,
        fc.constantFrom('Maestro', 'card', 'Card number:', 'PAN', 'card no.'),
        separatorArb,
        (pan, word, sep) => {
          const out = redact(`${word} ${pan.match(/.{1,4}/g)?.join(sep) ?? pan} failed`);
          expect(digitsOf(out)).not.toContain(pan);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a PAN in card grouping joined by commas, underscores, semicolons, colons or bars is masked next to a card word or card data', () => {
    const weakArb = fc.constantFrom(
      ',',
      '_',
      ';',
      ':',
      '|',
      ', ',
      ' , ',
      '_ ',
      ': ',
      ' | ',
      '%2C',
      '%7C',
      '\uff0c',
      ' ,  ',
    );
    const weakPlaceArb = fc.constantFrom(
      (t: string) => `Card ${t} was declined`,
      (t: string) => `card=${t}&limit=10`,
      (t: string) => `{"card":"${t}","amount":25.5}`,
      (t: string) => `card number: ${t}`,
      (t: string) => `Visa ${t}, 7 tries left`,
      (t: string) => `${t} CVC 737`,
      (t: string) => `${t} exp 12/29`,
      (t: string) => `HTTP 500: card ${t}`,
      (t: string) => `q=card%20number%3A%20${t}&limit=10`,
    );
    fc.assert(
      fc.property(
        panArb,
        fc.array(weakArb, { minLength: 5, maxLength: 5 }),
        fc.constantFrom(...ZEROS),
        weakPlaceArb,
        (pan, seps, zero, place) => {
          const groups =
            pan.length === 15 && pan.startsWith('3')
              ? [pan.slice(0, 4), pan.slice(4, 10), pan.slice(10)]
              : [...(pan.match(/.{1,4}/g) ?? [])];
          const text = groups.map((g) => inScript(g, zero)).reduce((out, g, i) => out + seps[i - 1] + g);
          const out = redact(place(text));
          expect(digitsOf(out)).not.toContain(pan);
          // Under a secret key (`card number: …`) the whole value is masked.
          expect(out).toMatch(/•••• \d{4}|\[REDACTED\]/);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a list of card numbers joined by commas after a card word is masked whole', () => {
    fc.assert(
      fc.property(
        fc.array(
          panArb.filter((pan) => pan.length === 16),
          { minLength: 2, maxLength: 5 },
        ),
        fc.constantFrom(',', ', ', '|', ';'),
        (pans, sep) => {
          const out = redact(`cards ${pans.map((pan) => pan.match(/.{4}/g)?.join(sep)).join(sep)}`);
          for (const pan of pans) expect(digitsOf(out)).not.toContain(pan);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('PIN and CVC digits written one or two at a time after their word are masked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('PIN', 'pin', 'PIN code', 'CVC', 'cvv2', 'security code'),
        fc.constantFrom(' ', ': ', ' is ', '='),
        digitString(3, 8),
        fc.array(fc.constantFrom(1, 2), { minLength: 8, maxLength: 8 }),
        // Spaces join groups of one or two digits; dots and dashes join single digits.
        fc.constantFrom(' ', '\u00a0', '\t', '-', '.'),
        (w, link, value, sizes, join) => {
          const spaced = join.trim() === '';
          const parts: string[] = [];
          for (let at = 0, i = 0; at < value.length; i++) {
            const size = spaced ? (sizes[i] ?? 1) : 1;
            parts.push(value.slice(at, at + size));
            at += size;
          }
          const out = redact(`Server says ${w}${link}${parts.join(join)} for the card`);
          expect(out).toContain('[REDACTED]');
          expect(digitsOf(out.replace(/cvv2/gi, ''))).not.toContain(value);
        },
      ),
      { numRuns: 500 },
    );
  });

  const caseArb = fc.boolean();
  const word = (text: string, upper: boolean): string => (upper ? text.toUpperCase() : text);
  const linkArb = fc.constantFrom(
    ' ',
    ': ',
    '=',
    ':',
    ' is ',
    '\t',
    '\u00a0',
    '%20',
    '%3A',
    '":"',
    ' (',
    ' #',
  );

  it('card data after a card word is masked, in any case, punctuation and digit script', () => {
    const dataArb = fc.oneof(
      fc.tuple(fc.constantFrom('cvc', 'cvv', 'cvv2', 'csc', 'security code', 'CVC2'), digitString(3, 4)),
      fc.tuple(fc.constantFrom('pin', 'PIN code'), digitString(4, 12)),
      fc.tuple(
        fc.constantFrom('exp', 'expiry', 'expires', 'expiration', 'valid thru', 'exp date'),
        fc
          .tuple(expiryArb, fc.constantFrom('/', '-'), fc.boolean())
          .map(([{ mm, yy }, sep, long]) => `${mm}${sep}${long ? `20${yy}` : yy}`),
      ),
      fc.tuple(
        fc.constantFrom('activation code', 'otp', 'one-time password'),
        fc.oneof(
          digitString(4, 8),
          fc.tuple(digitString(4, 4), digitString(4, 4)).map(([a, b]) => `${a}-${b}`),
        ),
      ),
    );
    fc.assert(
      fc.property(
        dataArb,
        caseArb,
        linkArb,
        fc.constantFrom(...ZEROS),
        fc.constantFrom('', '.', ' and more', ','),
        ([w, value], upper, link, zero, tail) => {
          const text = `Server says ${word(w, upper)}${link}${inScript(value, zero)}${tail}`;
          const out = redact(text);
          expect(out).toContain('[REDACTED]');
          expect(digitsOf(out.replace(/cvv2|cvc2/gi, ''))).not.toContain(value.replace(/\D/g, ''));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

const hex = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

/** Innocent values of every kind a server message holds. */
const innocentArb = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 9_999_999 }),
      fc.integer({ min: 0, max: 99 }),
      fc.constantFrom('USD', 'EUR'),
    )
    .map(([a, c, cur]) => `${a}.${String(c).padStart(2, '0')} ${cur}`),
  fc
    .tuple(
      fc.integer({ min: 1, max: 999 }),
      fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 0, max: 99 }),
    )
    .map(([a, b, c]) => `${a},${String(b).padStart(3, '0')}.${String(c).padStart(2, '0')}`),
  fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2060-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().slice(0, 10), String(d.getTime()))),
  fc.uuid(),
  hex(24).filter((h) => /[a-f]/.test(h)),
  fc
    .tuple(fc.constantFrom('1', '44', '49', '86', '33', '7', '55'), digitString(7, 12))
    .chain(([cc, rest]) => fc.constantFrom(`+${cc}${rest}`, `+${cc} ${rest.match(/.{1,4}/g)?.join(' ')}`)),
  fc
    .tuple(fc.constantFrom('DSP', 'DR', 'REF'), fc.integer({ min: 2000, max: 2099 }), digitString(6, 9))
    .map(([p, y, n]) => `${p}-${y}-${n}`),
  digitString(1, 11),
  fc.integer({ min: 100, max: 599 }).map((status) => `HTTP ${status}`),
);

/** The share of `texts` that `redact` changes. */
function changedShare(texts: readonly string[]): number {
  return texts.filter((text) => redact(text, ['tok_live_abcdef123456']) !== text).length / texts.length;
}

describe('redact properties: innocent text comes back intact', () => {
  // Masking errs on the safe side: a number that could be a card number is masked. The price is
  // a few innocent messages (a 13-digit timestamp that passes Luhn, a long reference, an IBAN, two
  // dates read as 12 digits and an expiry), at most 5% of them.
  const label = fc.constantFrom('amount', 'on', 'ref', 'phone', 'id', 'at', 'limit', 'card id', 'status');
  const generated = fc.sample(
    fc
      .array(fc.tuple(label, innocentArb), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.map(([l, v]) => `${l} ${v}`).join(', ')),
    { seed: 18, numRuns: 2000 },
  );

  it('changes at most 5% of the corpus messages', () => {
    expect(changedShare(INNOCENT)).toBeLessThanOrEqual(0.05);
  });

  it('changes at most 5% of generated messages of amounts, dates, ids, phone numbers and references', () => {
    expect(generated).toHaveLength(2000);
    expect(changedShare(generated)).toBeLessThanOrEqual(0.05);
  });

  it('numbers joined by commas or underscores come back intact without a card word', () => {
    // Thousands groups (`1,234,567,890,123`), lists of ids and codes, snake-case references:
    // never masked whatever their digits and Luhn sums.
    const group = (size: number): fc.Arbitrary<string> => digitString(size, size);
    const textArb = fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 999 }), fc.array(group(3), { minLength: 4, maxLength: 6 }))
        .map(([head, rest]) => `amount ${[String(head), ...rest].join(',')}.00 EUR`),
      fc
        .array(
          fc.constantFrom(1, 2, 3, 5, 6, 7, 9, 12).chain((n) => group(n)),
          { minLength: 4, maxLength: 8 },
        )
        .map((ids) => `ids ${ids.join(', ')}`),
      fc
        .array(
          fc.constantFrom(2, 3, 5, 6, 8).chain((n) => group(n)),
          { minLength: 3, maxLength: 5 },
        )
        .map((parts) => `order_${parts.join('_')}`),
      // Four-digit codes (merchant categories, years, ports) in lists: no card word, no masking.
      fc
        .tuple(
          fc.constantFrom('blocked MCCs', 'years', 'ports', 'codes'),
          fc.constantFrom(',', ', ', ';', '|', ':', '_'),
          fc.array(group(4), { minLength: 3, maxLength: 6 }),
        )
        .map(([label, sep, codes]) => `${label} ${codes.join(sep)}`),
    );
    fc.assert(
      fc.property(textArb, (text) => {
        expect(redact(text)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('redact properties: ids in UUID form', () => {
  it('come back intact wherever they stand, even when their digits read as a card number', () => {
    // The SDK's and bulk's Idempotency-Keys are UUIDs: a masked one would cost a log line or an
    // audit event the key that resends or reconciles the call.
    const placeArb = fc.constantFrom(
      (id: string) => id,
      (id: string) => `card ${id} not found`,
      (id: string) => `{"idempotencyKey":"${id}","cardId":"${id}"}`,
      (id: string) => `POST /cards/${id}/topup: 503`,
      (id: string) => `expiry checked; key=${id}`,
      (id: string) => `order-${id}`,
    );
    fc.assert(
      fc.property(luhnUuidArb, placeArb, (id, place) => {
        expect(redact(place(id))).toBe(place(id));
      }),
      { numRuns: 1000 },
    );
  });

  it('a card number joined to an id is still masked, with whatever of the id it runs into', () => {
    fc.assert(
      fc.property(
        luhnUuidArb,
        panArb,
        fc.constantFrom(
          (id: string, pan: string) => `${pan}-${id}`,
          (id: string, pan: string) => `${id} ${pan}`,
          (id: string, pan: string) => `card ${id}, ${pan}`,
        ),
        (id, pan, place) => {
          expect(digitsOf(redact(place(id, pan)))).not.toContain(pan);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('digits only in UUID form are read as digits', () => {
    expect(redact('41111111-1111-1111-1111-111111111111')).not.toContain('41111111');
  });
});

describe('secrets the caller sent, echoed back in any encoding', () => {
  const secretArb = fc.oneof(pinArb, activationCodeArb, tokenArb);
  const frame = fc.constantFrom(
    (v: string) => `Sequence ${v} not allowed`,
    (v: string) => `Invalid value "${v}".`,
    (v: string) => `Rejected GET /cards/c1/pin?value=${v}&page=2`,
    (v: string) => `${v}`,
    (v: string) => `{"message":"bad input ${v}"}`,
  );

  it('property: a PIN, an activation code or a token never survives, in any encoding or grouping', () => {
    fc.assert(
      fc.property(
        secretArb.chain((secret) => fc.tuple(fc.constant(secret), echoArb(secret))),
        frame,
        ([secret, [, echoed]], around) => {
          const out = redact(around(echoed), [secret]);
          expect(echoedSecrets(out, [secret])).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: card data in a query string is masked field by field, encoded or not', () => {
    const two = (n: number): string => String(n).padStart(2, '0');
    const field = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('expDate', 'exp_date', 'expiry', 'expirationDate', 'cardExpire', 'exp'),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 26, max: 39 }),
          fc.constantFrom('/', '%2F', '%252F', '-', ''),
          fc.boolean(),
        )
        .map(([key, m, y, sep, long]) => [key, `${two(m)}${sep}${long ? `20${y}` : y}`] as const),
      fc
        .tuple(fc.constantFrom('cvc', 'cvv', 'cvv2', 'cardCVC'), fc.integer({ min: 100, max: 9999 }))
        .map(([key, cvc]) => [key, String(cvc)] as const),
      fc
        .tuple(fc.constantFrom('pan', 'cardNumber', 'card_number', 'number'), panArb)
        .map(([key, pan]) => [key, pan] as const),
    );
    const innocent = fc.constantFrom(
      ['page', '2'] as const,
      ['limit', '50'] as const,
      ['status', 'active'] as const,
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(field, innocent), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(0, 1, 2),
        (fields, times) => {
          let query = fields.map(([k, v]) => `${k}=${v}`).join('&');
          for (let i = 0; i < times; i++) query = encodeURIComponent(query);
          const out = redact(`Rejected GET /cards/c1/transactions?${query} (HTTP 400)`);
          let decoded = out;
          for (let i = 0; i < times; i++) decoded = decodeURIComponent(decoded);
          for (const [key, value] of fields) {
            const shown = new RegExp(`(?:^|[?&])${key}=([^&]*)`).exec(decoded.split(' (HTTP')[0] ?? '')?.[1];
            if (/^\d+$|\d[/%-]|^\d{4}$/.test(value) && !['page', 'limit'].includes(key)) {
              expect(shown === '[REDACTED]' || shown?.startsWith('•'), `${key}=${value} → ${shown}`).toBe(
                true,
              );
            } else {
              expect(shown).toBe(value);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: innocent messages are unchanged by a PIN or code they do not contain', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INNOCENT), fc.oneof(pinArb, activationCodeArb), (text, secret) => {
        fc.pre(echoedSecrets(text, [secret]).length === 0);
        expect(redact(text, [secret])).toBe(redact(text));
      }),
      { numRuns: 1000 },
    );
  });
});
