import { digitValue } from './redact-mask.js';

/** A digit (any script, or URL-encoded). */
export const DIGIT = 0;
/** A character allowed between two digit groups of one number. */
export const SEPARATOR = 1;
/** Anything else: it ends a number. */
export const OTHER = 2;

// Spaces of every kind (incl. zero-width and non-breaking), dashes, dots, slashes and `+`.
const SEPARATORS: ReadonlySet<number> = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x2b, 0x2d, 0x2e, 0x2f, 0x85, 0xa0, 0xad, 0xb7, 0x1680, 0x180e, 0x2000,
  0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x200c, 0x200d,
  0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2024, 0x2027, 0x2028, 0x2029, 0x202f, 0x2044, 0x205f,
  0x2060, 0x2212, 0x2215, 0x2e3a, 0x2e3b, 0x3000, 0x30fb, 0xfe58, 0xfe63, 0xfeff, 0xff0d, 0xff0e, 0xff0f,
  0xff65,
]);

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
  return { kind: SEPARATORS.has(cp) ? SEPARATOR : OTHER, value: -1, length };
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
    return SEPARATORS.has(byte) ? { kind: SEPARATOR, value: -1, length: 3 } : undefined;
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
  if (code < 0x80) return { kind: SEPARATORS.has(code) ? SEPARATOR : OTHER, value: -1, length: 1 };
  const cp = text.codePointAt(i) ?? code;
  return unitOf(String.fromCodePoint(cp), cp > 0xffff ? 2 : 1);
}
