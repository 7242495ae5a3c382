// The text as the redactor reads it: every Unicode decimal digit as its ASCII digit, `%XX`
// escapes (once or twice encoded, any UTF-8 character) and HTML space entities decoded, and every
// kind of space, dash or slash as a space or `-`, with a map back to the offsets of the text. The
// rules then need ASCII patterns only, and a mask covers whatever the value was written with.

/** The mask that replaces every secret except a card number. */
export const REDACTED = '[REDACTED]';

// What may read differently: an escape, an entity, a non-ASCII character that is not a letter.
const UNIT =
  /%(?:25)*(?:[0-7][\da-f]|[c-f][\da-f](?:%(?:25)*[89ab][\da-f]){1,3})|&(?:[a-z]*sp|#(?:160|32|x20|xa0|8239|x202f));|[^\0-\x7f\p{L}]/giu;
const DIGIT = /\p{Nd}/u;
// Dashes and slashes, spaces (incl. zero-width and non-breaking, dots of other scripts) and the
// commas, colons and bars of other scripts, read as `-`, ` ` and `,`.
const KINDS = [
  /[\u2010-\u2015\u2044\u2212\u2215\u2e3a\u2e3b\ufe58\ufe63\uff0d\uff0f]/,
  /[\x85\xa0\xad\xb7\u1680\u180e\u2000-\u200d\u2024\u2027-\u2029\u202f\u205f\u2060\u3000\u30fb\ufeff\uff0e\uff65]/,
  /[\u060c\u3001\uff0c\uff1a\uff1b\uff5c]/,
];
const values = new Map<number, number>();

/**
 * The value (0–9) of a Unicode decimal digit. Unicode encodes each digit set as ten contiguous
 * code points from 0 to 9, and adjacent sets are whole sets, so the distance to the start of the
 * run of digits gives it.
 */
function digitValue(digit: string): number {
  const code = digit.codePointAt(0) ?? 0;
  if (!values.has(code)) {
    let zero = code;
    while (DIGIT.test(String.fromCodePoint(zero - 1))) zero -= 1;
    values.set(code, (code - zero) % 10);
  }
  return values.get(code) ?? 0;
}

/** The ASCII digits of `text`, in order, whatever script they were written in. */
export function digitsOf(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => String(digitValue(d))).replace(/\D/g, '');
}

function ascii(char: string): string {
  if (char < '\x80') return char;
  if (DIGIT.test(char)) return String(digitValue(char));
  return '- ,'[KINDS.findIndex((kind) => kind.test(char))] ?? char;
}

/** Text as read, and for each of its characters the offset in the original text (plus its end). */
export type View = { text: string; at: number[] | undefined };

/** The view of `text`; plain ASCII text without escapes is its own view. */
export function view(text: string): View {
  if (!/[%&\x80-\uffff]/.test(text)) return { text, at: undefined };
  let out = '';
  const at: number[] = [];
  let copied = 0;
  const keep = (to: number): void => {
    out += text.slice(copied, to);
    while (copied < to) at.push(copied++);
  };
  for (const { 0: unit, index } of text.matchAll(UNIT)) {
    let char = unit.length > 2 ? ' ' : unit;
    if (unit[0] === '%') {
      try {
        char = decodeURIComponent(unit.replace(/%(?:25)+(?=[\da-f]{2})/gi, '%'));
      } catch {
        continue; // not a UTF-8 character: read as written
      }
    }
    keep(index);
    char = ascii(char);
    out += char;
    for (let k = 0; k < char.length; k++) at.push(index);
    copied = index + unit.length;
  }
  keep(text.length);
  at.push(text.length);
  return { text: out, at };
}

/** A part of a view to replace: [start, end) in the view's text, and what replaces it. */
export type Mask = [number, number, string];

/**
 * `text` with the parts of its view that `masks` names replaced; a mask that overlaps one before it
 * in the list is dropped.
 */
export function applyMasks(text: string, { at }: View, masks: Mask[]): string {
  const taken = new Uint8Array(at?.length ?? text.length + 1);
  const source = (i: number): number => at?.[i] ?? i;
  let out = '';
  let copied = 0;
  for (const [start, end, replacement] of masks
    .filter(([start, end]) => !taken.subarray(start, end).includes(1) && taken.fill(1, start, end))
    .sort((a, b) => a[0] - b[0])) {
    out += text.slice(copied, source(start)) + replacement;
    copied = source(end);
  }
  return out + text.slice(copied);
}
