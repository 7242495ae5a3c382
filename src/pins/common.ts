/**
 * The 20 most frequent 4-digit codes in the DataGenetics study of 3.4 million leaked codes (Berry, 2012).
 *
 * Kept verbatim even where other rules already cover an entry (`1111`, `1234`): the list is evidence, and
 * the rule order in `checkPin` decides which rule id is reported.
 */
export const COMMON_PINS: readonly string[] = Object.freeze([
  '1234',
  '1111',
  '0000',
  '1212',
  '7777',
  '1004',
  '2000',
  '4444',
  '2222',
  '6969',
  '9999',
  '3333',
  '5555',
  '6666',
  '1122',
  '1313',
  '8888',
  '4321',
  '2001',
  '1010',
]);

/** Keypad lines and shapes that people pick because they are easy to trace on a PIN pad (rule W6). */
export const KEYPAD_PINS: readonly string[] = Object.freeze([
  '2580',
  '0852',
  '1470',
  '0741',
  '3690',
  '0963',
  '1379',
  '9731',
  '3197',
  '7913',
  '1590',
  '0951',
  '2468',
  '8642',
  '1357',
  '7531',
  '1236',
  '6321',
]);
