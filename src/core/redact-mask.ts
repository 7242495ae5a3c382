/** The mask that replaces every secret except a card number. */
export const REDACTED = '[REDACTED]';

const DECIMAL_DIGIT = /\p{Nd}/u;
const DECIMAL_DIGITS = /\p{Nd}/gu;
const values = new Map<number, number>();

/**
 * The value (0–9) of a Unicode decimal digit (`\p{Nd}`: ASCII, fullwidth, Arabic-Indic,
 * Devanagari…), or -1 for any other code point.
 */
export function digitValue(codePoint: number): number {
  if (codePoint >= 48 && codePoint <= 57) return codePoint - 48;
  // U+0660 (Arabic-Indic zero) is the first decimal digit after ASCII.
  if (codePoint < 0x660) return -1;
  const known = values.get(codePoint);
  if (known !== undefined) return known;
  if (!DECIMAL_DIGIT.test(String.fromCodePoint(codePoint))) return -1;
  // Unicode encodes every decimal digit set as ten contiguous code points from 0 to 9, and
  // adjacent sets are whole sets, so the distance to the start of the contiguous run gives it.
  let zero = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero -= 1;
  const value = (codePoint - zero) % 10;
  values.set(codePoint, value);
  return value;
}

/** `text` with every Unicode decimal digit replaced by its ASCII digit. */
export function asciiDigits(text: string): string {
  return text.replace(DECIMAL_DIGITS, (digit) => String(digitValue(digit.codePointAt(0) ?? 0)));
}

/** The ASCII digits of `text`, in order, whatever script they were written in. */
export function digitsOf(text: string): string {
  return asciiDigits(text).replace(/\D/g, '');
}

/** Masks a card number to its last four digits, e.g. `•••• 1234`. */
export function maskPan(pan: string): string {
  const digits = digitsOf(pan);
  return digits.length >= 4 ? `•••• ${digits.slice(-4)}` : REDACTED;
}
