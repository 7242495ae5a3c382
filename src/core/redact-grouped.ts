import { isCardGrouping, MAX_PAN, MIN_PAN } from './card-grouping.js';
import { cardDataAfter, cardWordBefore, cardWordEnds } from './card-words.js';
import { isLuhnValid } from './luhn.js';
import { asciiDigits, maskPan } from './redact-mask.js';

// Characters that are not how card numbers are written but may still join their groups:
// `card 4111,1111,1111,1111`, `card_number=4111_1111_1111_1111`, `card: 4111|1111|…`, in ASCII,
// URL-encoded or full-width. A number joined so is masked only in card grouping, Luhn-valid, and
// next to a card word or card data (the main path's rule for every number that needs context),
// so lists of merchant category codes, years, ports, CSV fields, IPv6 addresses and snake-case
// references keep their digits.
const JOINER = String.raw`(?:[,_;:|\uff0c\u3001\uff1a\uff1b\uff5c\u060c]|%2[cC]|%3[aAbB]|%7[cC]|%5[fF])`;
const SPACE = String.raw`(?:[\s.\-/]|%20)`;
const JOIN = `(?:${SPACE}{0,2}${JOINER}${SPACE}{0,2}|${SPACE}{1,2})`;
const GROUP = String.raw`\p{Nd}{1,6}`;
// Runs of 3 to 20 digit groups (five card numbers of four groups in a row), no digit glued on;
// the digits of a `%XX` escape before the run (`%20`, `%3A`) are not glued digits.
const MAX_GROUPS = 20;
const ESCAPE_PREFIX = '%[0-9A-Fa-f]?';
const START = String.raw`(?<!${ESCAPE_PREFIX})(?<!(?<!${ESCAPE_PREFIX})\p{Nd})`;
const HAS_JOINER = new RegExp(JOINER);

// Built on first use: Unicode-property patterns cost time to construct, which every import of the
// SDK would otherwise pay, though most processes never meet a weakly joined number.
let built: { run: RegExp; groupAt: RegExp; joinAt: RegExp } | undefined;

function patterns(): { run: RegExp; groupAt: RegExp; joinAt: RegExp } {
  built ??= {
    run: new RegExp(String.raw`${START}${GROUP}(?:${JOIN}${GROUP}){2,${MAX_GROUPS - 1}}(?!\p{Nd})`, 'gu'),
    groupAt: new RegExp(GROUP, 'uy'),
    joinAt: new RegExp(JOIN, 'uy'),
  };
  return built;
}

interface Group {
  /** ASCII digits. */
  digits: string;
  /** Offsets of the group in the text. */
  from: number;
  to: number;
}

/** The groups of a run found at `offset`, read with the patterns that found it. */
function groupsOf(run: string, offset: number): Group[] {
  const { groupAt, joinAt } = patterns();
  const groups: Group[] = [];
  for (let at = 0; at < run.length; ) {
    groupAt.lastIndex = at;
    const group = groupAt.exec(run);
    if (group === null) break;
    groups.push({ digits: asciiDigits(group[0]), from: offset + at, to: offset + at + group[0].length });
    at += group[0].length;
    joinAt.lastIndex = at;
    const join = joinAt.exec(run);
    if (join === null) break;
    at += join[0].length;
  }
  return groups;
}

/**
 * Masks card numbers whose card-grouped digits are joined by `,` `_` `;` `:` or `|` (also
 * URL-encoded or full-width) next to a card word or card data, to `•••• 1234`; every other
 * number comes back as it was.
 */
export function maskWeaklyJoined(text: string): string {
  if (!HAS_JOINER.test(text)) return text;
  let ends: number[] | undefined;
  const nearCardWord = (from: number, to: number): boolean => {
    ends ??= cardWordEnds(text);
    return cardWordBefore(text, ends, from) || cardDataAfter(text, to);
  };
  return text.replace(patterns().run, (run: string, offset: number) => {
    if (!HAS_JOINER.test(run)) return run;
    const groups = groupsOf(run, offset);
    // The end of the longest window of whole groups from `s` that reads as a card number: card
    // grouping, joined weakly somewhere, Luhn-valid, and next to a card word or card data, or
    // right after a card number masked in the same run. -1 when none.
    const cardNumberEnd = (s: number, afterCardNumber: boolean): number => {
      const first = groups[s];
      if (first === undefined) return -1;
      for (let e = groups.length; e >= s + 3; e--) {
        const window = groups.slice(s, e);
        const digits = window.map((g) => g.digits).join('');
        if (digits.length < MIN_PAN || digits.length > MAX_PAN) continue;
        const last = window[window.length - 1] ?? first;
        const written = text.slice(first.from, last.to);
        if (!HAS_JOINER.test(written)) continue;
        if (
          !isCardGrouping(
            window.map((g) => g.digits.length),
            Number(digits[0]),
          )
        )
          continue;
        if (!isLuhnValid(digits)) continue;
        if (afterCardNumber || nearCardWord(first.from, last.to)) return e;
      }
      return -1;
    };
    const parts: string[] = [];
    let copied = offset;
    let previousEnd = -1;
    for (let s = 0; s < groups.length; ) {
      const e = cardNumberEnd(s, previousEnd === s);
      const start = groups[s];
      const last = groups[e - 1];
      if (e < 0 || start === undefined || last === undefined) {
        s += 1;
        continue;
      }
      parts.push(
        text.slice(copied, start.from),
        maskPan(
          groups
            .slice(s, e)
            .map((g) => g.digits)
            .join(''),
        ),
      );
      copied = last.to;
      previousEnd = e;
      s = e;
    }
    if (parts.length === 0) return run;
    parts.push(text.slice(copied, offset + run.length));
    return parts.join('');
  });
}
