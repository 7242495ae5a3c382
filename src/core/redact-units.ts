import { digitValue } from './redact-mask.js';

/** A digit (any script, or URL-encoded). */
export const DIGIT = 0;
/** A character allowed between two digit groups of one number. */
export const SEPARATOR = 1;
/** Anything else: it ends a number. */
export const OTHER = 2;

// Spaces of every kind (incl. zero-width and non-breaking), dashes, dots, slashes and `+`.
const SEPARATOR_CHAR =
  /[\t-\r +\-./\x85\xa0\xad\xb7\u1680\u180e\u2000-\u200d\u2010-\u2015\u2024\u2027-\u2029\u202f\u2044\u205f\u2060\u2212\u2215\u2e3a\u2e3b\u3000\u30fb\ufe58\ufe63\ufeff\uff0d-\uff0f\uff65]/;

/** True when `char` may stand between two digit groups of one number. */
function isSeparator(char: string): boolean {
  return SEPARATOR_CHAR.test(char);
}

/** {@link isSeparator} for an ASCII code: tab to carriage return, space, `+`, `-`, `.`, `/`. */
export function isAsciiSeparator(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 32 || code === 43 || (code >= 45 && code <= 47);
}

/** One reading unit of text: a character, a `%XX` escape sequence or an HTML space entity. */
export interface Unit {
  /** {@link DIGIT}, {@link SEPARATOR} or {@link OTHER}. */
  kind: number;
  /** The digit's value, -1 for the other kinds. */
  value: number;
  /** How many UTF-16 code units the unit takes. */
  length: number;
}

function unitOf(char: string, length: number): Unit {
  const cp = char.codePointAt(0) ?? 0;
  const value = digitValue(cp);
  if (value >= 0) return { kind: DIGIT, value, length };
  return { kind: isSeparator(char) ? SEPARATOR : OTHER, value: -1, length };
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** The byte a `%XX` escape at `i` stands for, or -1. */
function escapedByte(text: string, i: number): number {
  if (text.charCodeAt(i) !== 37) return -1;
  const high = hexValue(text.charCodeAt(i + 1));
  const low = hexValue(text.charCodeAt(i + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

/** A URL-encoded digit or separator at `i` (`%20`, `%34`, `%C2%A0`, `%EF%BC%94`, `%2520`). */
function percentUnit(text: string, i: number): Unit | undefined {
  const byte = escapedByte(text, i);
  if (byte < 0) return undefined;
  if (byte === 0x25) {
    // `%25` is an encoded `%`: a value encoded twice, such as `%2520` for a space.
    const inner = percentUnit(`%${text.slice(i + 3, i + 15)}`, 0);
    return inner === undefined ? undefined : { ...inner, length: inner.length + 2 };
  }
  if (byte < 0x80) {
    if (byte >= 48 && byte <= 57) return { kind: DIGIT, value: byte - 48, length: 3 };
    return isAsciiSeparator(byte) ? { kind: SEPARATOR, value: -1, length: 3 } : undefined;
  }
  const count = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 0;
  for (let k = 1; k < count; k++) if (escapedByte(text, i + k * 3) < 0) return undefined;
  if (count === 0) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text.slice(i, i + count * 3));
  } catch {
    return undefined;
  }
  const unit = unitOf(decoded, count * 3);
  return unit.kind === OTHER ? undefined : unit;
}

// `&nbsp;`, `&#160;`, `&#32;`… in HTML-escaped text.
const SPACE_ENTITY = /^&(?:nbsp|ensp|emsp|thinsp|#160|#32|#x20|#xa0|#8239|#x202f);/i;

/** The unit of text that starts at `i`. */
export function unitAt(text: string, i: number): Unit {
  const code = text.charCodeAt(i);
  if (code >= 48 && code <= 57) return { kind: DIGIT, value: code - 48, length: 1 };
  if (code === 37) return percentUnit(text, i) ?? { kind: OTHER, value: -1, length: 1 };
  if (code === 38) {
    const entity = SPACE_ENTITY.exec(text.slice(i, i + 8));
    if (entity !== null) return { kind: SEPARATOR, value: -1, length: entity[0].length };
  }
  if (code < 0x80) return { kind: isAsciiSeparator(code) ? SEPARATOR : OTHER, value: -1, length: 1 };
  const cp = text.codePointAt(i) ?? code;
  return unitOf(String.fromCodePoint(cp), cp > 0xffff ? 2 : 1);
}
