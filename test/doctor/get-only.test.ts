import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getOnly, NotAGetError } from '../../src/doctor/get-only.js';

describe('getOnly', () => {
  it('refuses every method but GET before the inner fetch is called', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'post', 'Delete', 'CONNECT'),
        async (method) => {
          let called = 0;
          const wire = getOnly(async () => {
            called += 1;
            return new Response('{}');
          });
          await expect(wire.fetch('https://x.test/a', { method })).rejects.toBeInstanceOf(NotAGetError);
          expect(called).toBe(0);
        },
      ),
    );
  });

  it('refuses a GET with a body, and passes a plain GET through, keeping its body for the check', async () => {
    const seen: string[] = [];
    const wire = getOnly(async (input, init) => {
      seen.push(`${init.method} ${input}`);
      return new Response('{"status":"success","data":{}}', { status: 200 });
    });
    await expect(wire.fetch('https://x.test/a', { method: 'GET', body: 'x' })).rejects.toBeInstanceOf(
      NotAGetError,
    );
    const res = await wire.fetch('https://x.test/b', { method: 'GET' });
    expect(await res.text()).toBe('{"status":"success","data":{}}');
    expect(wire.last()).toEqual({ status: 200, text: '{"status":"success","data":{}}' });
    wire.clear();
    expect(wire.last()).toBeUndefined();
    expect(seen).toEqual(['GET https://x.test/b']);
  });
});
