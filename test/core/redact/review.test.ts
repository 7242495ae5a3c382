import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../../src/core/luhn.js';
import { redact } from '../../../src/core/redact/index.js';

// Inputs the redactor before the rewrite (a4dc49a) masked and the rewrite first let through,
// found by a differential fuzz of the two: card-data words and linking words the rewrite dropped,
// and a `+` that reads as a phone number's but is an encoded space or follows a word.

/** A CVC or PIN of 3–6 digits, as digits never found in the words around it. */
const valueArb = fc.integer({ min: 100, max: 999_999 }).map(String);

describe('redact: card-data words and linking words', () => {
  it('masks a value after every way of naming a CVC or PIN, linked by any linking word', () => {
    const names = [
      'Card Verification Value',
      'card verification code',
      'verification number',
      'security value',
      'security number',
      'pinCode',
      'PinNumber',
      'verificationCode',
      'CVC',
      'PIN',
    ];
    const links = ['', ' updated', ' provided', ' given', ' no.', ' nr', ' num', ' are', ' updated to'];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom(...links),
        fc.constantFrom(' ', ': ', '=', ' - ', '%20', '%3D'),
        valueArb,
        (name, link, gap, value) => {
          const text = `Declined ${name}${link}${gap}${value}, retry`;
          expect(redact(text)).not.toContain(value);
        },
      ),
    );
  });

  it('masks an expiry after its word and a linking word the rewrite dropped', () => {
    for (const text of ['expiry date provided 12/29', 'exp date given 12/29', 'expiry updated to 12/29'])
      expect(redact(text)).not.toContain('12/29');
  });

  it('masks a JSON-escaped value after a newline escape (`\\nCVC: 123`)', () => {
    const text = JSON.stringify({ message: 'Declined\nCVC: 737\tPIN 4821\r\nexp 12/29' });
    const out = redact(text);
    for (const value of ['737', '4821', '12/29']) expect(out).not.toContain(value);
  });

  it('masks a card number whose groups are joined by JSON-escaped whitespace (`4111\\t1111…`)', () => {
    for (const separator of ['\t', '\n', '\r\n'])
      expect(
        redact(JSON.stringify({ message: `4111${separator}1111${separator}1111${separator}1111` })),
      ).not.toMatch(/4111\\/);
  });

  it('masks a value after a word whose path segment ends with two slashes (`a//pin: 1234`)', () => {
    expect(redact('a//pin: 1234')).not.toContain('1234');
  });
});

describe('redact: a card number after `+`', () => {
  /** A Luhn-valid Amex-length (15-digit) PAN: fewer than 16 digits, the length a phone number may have. */
  const amexArb = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }).map((digits) => {
    const partial = `37${digits.join('')}`.slice(0, 14);
    return partial + luhnCheckDigit(partial);
  });

  it('masks a 15-digit card number after an encoded space or a `+` glued to a word', () => {
    fc.assert(
      fc.property(
        amexArb,
        fc.constantFrom('q=Declined:%20', 'q=Declined%3A%20', 'q=ref+', 'q=card%20', 'msg=%2520'),
        (pan, before) => {
          expect(redact(`${before}${pan}&x=1`)).not.toContain(pan.slice(0, 11));
        },
      ),
    );
  });

  it('masks a card number in a query string whose groups are joined by an encoded `, `', () => {
    const text = `q=${encodeURIComponent('Declined: card 4111, 1111, 1111, 1111')}`;
    expect(redact(text)).not.toMatch(/4111%2C/);
  });

  it('masks a card number glued to an expiry written with a fullwidth slash', () => {
    for (const text of [
      'Invalid: 411111111111111112\uff0f29',
      `q=${encodeURIComponent('x 411111111111111112\uff0f29')}`,
    ])
      expect(redact(text)).not.toContain('4111111');
  });

  it('masks an expiry written as four glued digits after its word (`expires 0637`)', () => {
    expect(redact('Card expires 0637, retry')).not.toContain('0637');
  });

  it('keeps a phone number after a `+` written as such', () => {
    expect(redact('Call +441632960961 or +14155550123')).toBe('Call +441632960961 or +14155550123');
  });
});

describe('redact: known secrets holding a backslash escape', () => {
  // The redactor reads a JSON `\n` as a space; a secret spelling `\n` itself must still match its
  // URL-encoded echo (`%5Cn`, read as written) and its regrouped echo. (A regrouping that splits
  // one of its escapes and keeps another whole is not matched: API tokens, PINs and codes hold
  // no backslash.)
  it('masks a secret holding `\\n` or `\\T` in every echo', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('u9a\\nZv<H|\\', 'tok\\Tab12\\r9x', 'A\\n1234\\tb'),
        fc.constantFrom<(s: string) => string>(
          (s) => s,
          encodeURIComponent,
          (s) => encodeURIComponent(s).replace(/%20/g, '+'),
          (s) => s.replace(/(.{2})(?=.)/g, '$1 '),
        ),
        (secret, echo) => {
          const text = `Authorization failed for ${echo(secret)} end`;
          expect(redact(text, [secret])).toBe('Authorization failed for [REDACTED] end');
        },
      ),
    );
  });
});
