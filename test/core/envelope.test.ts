import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson, unwrap } from '../../src/core/envelope.js';

describe('unwrap', () => {
  it('takes data out of a success envelope', () => {
    expect(unwrap({ status: 'success', data: { id: 'c1' } })).toEqual({ ok: true, data: { id: 'c1' } });
    expect(unwrap({ status: 'success', data: [1, 2] })).toEqual({ ok: true, data: [1, 2] });
    expect(unwrap({ status: 'success', data: null })).toEqual({ ok: true, data: null });
    expect(unwrap({ status: 'success', data: { a: 1 }, message: 'ignored' })).toEqual({
      ok: true,
      data: { a: 1 },
    });
  });

  it('turns a success with only a message into { message }, and a bare success into {}', () => {
    expect(unwrap({ status: 'success', message: 'Card has been frozen' })).toEqual({
      ok: true,
      data: { message: 'Card has been frozen' },
    });
    expect(unwrap({ status: 'success' })).toEqual({ ok: true, data: {} });
  });

  it('reads an error envelope', () => {
    expect(unwrap({ status: 'error', message: 'Card is frozen', errorId: 'e-1' })).toEqual({
      ok: false,
      message: 'Card is frozen',
      errorId: 'e-1',
    });
    expect(unwrap({ status: 'error' })).toEqual({ ok: false, message: undefined, errorId: undefined });
    expect(unwrap({ status: 'error', message: 42, errorId: { x: 1 } })).toEqual({
      ok: false,
      message: undefined,
      errorId: undefined,
    });
  });

  it.each([
    ['a card whose own status is active', { id: 'c1', status: 'active', data: 'kept' }],
    ['a frozen card', { id: 'c1', status: 'frozen' }],
    ['an object without status', { id: 'c1' }],
    ['a status of another case', { status: 'Success', data: 1 }],
    ['an array', [{ status: 'success', data: 1 }]],
    ['a string', 'success'],
    ['a number', 3],
    ['null', null],
  ])('treats %s as the data itself', (_label, body) => {
    expect(unwrap(body)).toEqual({ ok: true, data: body });
  });

  it('property: only status "success" or "error" makes an envelope', () => {
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), (status, data) => {
        fc.pre(status !== 'success' && status !== 'error');
        const body = { status, data };
        expect(unwrap(body)).toEqual({ ok: true, data: body });
      }),
    );
  });
});

describe('parseJson', () => {
  it('parses JSON', () => {
    expect(parseJson('{"a":[1,true,null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
  });

  it('calls an empty or blank body empty_body', () => {
    expect(parseJson('')).toEqual({ ok: false, issue: { path: '', code: 'empty_body' } });
    expect(parseJson(' \n ')).toEqual({ ok: false, issue: { path: '', code: 'empty_body' } });
  });

  it('calls anything else that fails invalid_json, without echoing the text', () => {
    for (const text of ['{"cardNumber":"4111111111111111"', '<html>502</html>', '{', 'undefined']) {
      const result = parseJson(text);
      expect(result).toEqual({ ok: false, issue: { path: '', code: 'invalid_json' } });
      expect(JSON.stringify(result)).not.toContain('4111');
    }
  });

  it('property: never throws on a truncated JSON document', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), (text, cut) => {
        const result = parseJson(text.slice(0, cut % (text.length + 1)));
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});
