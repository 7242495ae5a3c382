// The text as the redactor reads it: `%XX` escapes (once or twice encoded, any UTF-8 character)
// decoded (a space as `+`), HTML entities and JSON's `\n` `\r` `\t` as a space, every Unicode
// decimal digit as its ASCII digit and every other non-ASCII character that is not a letter or the
// `•` of a mask (spaces, dashes, slashes of any script) as a space, with a map back to the offsets
// of the text. The rules then need ASCII patterns only, and a mask covers whatever the value was
// written with.

/** The mask that replaces every secret except a card number. */
export const REDACTED = '[REDACTED]';

const UNIT =
  /%(?:25)*(?:[0-7][\da-f]|[c-f][\da-f](?:%(?:25)*[89ab][\da-f]){1,3})|&#?\w{1,8};|(?<!\\)\\+[nrt]|[^\0-\x7f\p{L}]/giu;
const DIGIT = /\p{Nd}/u;

/**
 * The value (0–9) of a Unicode decimal digit. Unicode encodes each digit set as ten contiguous
 * code points from 0 to 9, and adjacent sets are whole sets, so the distance to the start of the
 * run of digits gives it.
 */
function digitValue(digit: string): string {
  let zero = digit.codePointAt(0) ?? 0;
  const code = zero;
  while (DIGIT.test(String.fromCodePoint(zero - 1))) zero -= 1;
  return String((code - zero) % 10);
}

/** The ASCII digits of `text`, in order, whatever script they were written in. */
export function digitsOf(text: string): string {
  return text.replace(/\p{Nd}/gu, digitValue).replace(/\D/g, '');
}

/** Text as read, and for each of its characters the offset in the original text (plus its end). */
export type View = { text: string; at: number[] | undefined };

/** The view of `text`; plain ASCII text without escapes is its own view. */
export function view(text: string): View {
  if (!/[%&\\\x80-\uffff]/.test(text)) return { text, at: undefined };
  let out = '';
  const at: number[] = [];
  let copied = 0;
  const keep = (to: number): void => {
    out += text.slice(copied, to);
    while (copied < to) at.push(copied++);
  };
  for (const { 0: unit, index } of text.matchAll(UNIT)) {
    let char = '&\\'.includes(unit[0] ?? '') ? ' ' : unit;
    if (unit[0] === '%') {
      try {
        // An encoded space reads as `+`, as in a form: a value under a key runs on over it.
        char = decodeURIComponent(unit.replace(/%(?:25)+(?=[\da-f]{2})/gi, '%')).replace(' ', '+');
      } catch {
        continue; // not a UTF-8 character: read as written
      }
    }
    keep(index);
    if (char >= '\x80' && !/[\p{L}•]/u.test(char)) char = DIGIT.test(char) ? digitValue(char) : ' ';
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
  if (masks.length === 0) return text;
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
