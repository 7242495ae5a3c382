import { CONTROL_ROUTES, SANDBOX_MESSAGES as M } from 'bfinance-cards/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/testing/api-routes.js';
import { closestRoutes } from '../../src/testing/route-suggest.js';
import { caller, errorBody, localSandbox } from './support.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** Routes served with the quirks on (the default). */
const SERVED = API_ROUTES.filter((r) => r.when?.(true) ?? true);

const id = fc.stringMatching(/^[a-z0-9]{1,24}$/);
const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz-'.split(''));

/** A served route with its parameters filled in. */
const request = fc.constantFrom(...SERVED).chain((route) =>
  fc.array(id, { minLength: 5, maxLength: 5 }).map((ids) => ({
    route,
    segments: route.path.split('/').map((s) => (s.startsWith(':') ? ids.pop() : s)),
  })),
);

/** One character inserted, deleted or replaced in one fixed word of the path. */
const typo = request.chain(({ route, segments }) => {
  const fixed = segments.flatMap((_s, i) => (i > 0 && !route.path.split('/')[i]?.startsWith(':') ? [i] : []));
  return fc
    .record({
      at: fc.constantFrom(...fixed),
      pos: fc.nat(),
      edit: fc.constantFrom('insert', 'delete', 'replace'),
      c: letter,
    })
    .map(({ at, pos, edit, c }) => {
      const word = segments[at] ?? '';
      const p = pos % (word.length + (edit === 'insert' ? 1 : 0));
      const changed =
        edit === 'insert'
          ? word.slice(0, p) + c + word.slice(p)
          : word.slice(0, p) + (edit === 'replace' ? c : '') + word.slice(p + 1);
      return { route, path: segments.map((s, i) => (i === at ? changed : s)).join('/') };
    });
});

describe('404 names the closest routes', () => {
  it('suggests the route for a misspelled path and for a wrong method, in the error envelope', async () => {
    const { call } = localSandbox();
    for (const [method, path, closest] of [
      ['POST', '/cards/abc/top-up', 'POST /cards/:id/topup'],
      ['GET', '/cards/abc/topup', 'POST /cards/:id/topup'],
      ['POST', '/customer/abc/questionaires/q1/submit', 'POST /customers/:id/questionnaires/:qid/submit'],
      ['POST', '/budgetcards/issue', 'POST /budget-cards/issue'],
      ['GET', '/balances', 'GET /balance'],
      // With the quirks on, only bfinance's spelling is served.
      ['GET', '/cards/abc/sensitive', 'GET /cards/:id/sensetive'],
    ] as const) {
      const res = await call(method, path);
      expect([res.status, res.body]).toEqual([
        404,
        errorBody(`${M.ROUTE_NOT_FOUND}; did you mean ${closest}?`),
      ]);
    }
  });

  it('lists ties, and suggests nothing for a path close to no route', async () => {
    const { call } = localSandbox();
    expect((await call('POST', '/cards/abc/freze')).body.message).toBe(
      `${M.ROUTE_NOT_FOUND}; did you mean POST /cards/:id/freeze?`,
    );
    expect((await call('POST', '/cards/abc/nfreeze')).body.message).toBe(
      `${M.ROUTE_NOT_FOUND}; did you mean POST /cards/:id/freeze or POST /cards/:id/unfreeze?`,
    );
    for (const path of ['/nope', '/__sandbox/requests', '/totally/unrelated/thing'])
      expect((await call('GET', path)).body).toEqual(errorBody(M.ROUTE_NOT_FOUND));
  });

  it('property: a served route with one character changed in a fixed word suggests that route', async () => {
    const { call } = localSandbox();
    let notFound = 0;
    await fc.assert(
      fc.asyncProperty(typo, async ({ route, path }) => {
        const res = await call(route.method, path);
        // The typo may have made another served route (a card id, say): then it is not a 404 of routing.
        if (!String(res.body.message).startsWith(M.ROUTE_NOT_FOUND)) return;
        notFound += 1;
        expect(res.status).toBe(404);
        expect(res.body.message).toMatch(/; did you mean .*\?$/);
        expect(res.body.message).toContain(`${route.method} ${route.path}`);
      }),
      { numRuns: 300 },
    );
    expect(notFound).toBeGreaterThan(200);
  });

  it('property: a served path with a method it does not serve suggests a route at that path', async () => {
    const { call } = localSandbox();
    const wrongMethod = request.chain(({ route, segments }) =>
      fc
        .constantFrom(...METHODS.filter((m) => !SERVED.some((r) => r.method === m && r.path === route.path)))
        .map((method) => ({ route, method, path: segments.join('/') })),
    );
    let notFound = 0;
    await fc.assert(
      fc.asyncProperty(wrongMethod, async ({ route, method, path }) => {
        const res = await call(method, path);
        if (!String(res.body.message).startsWith(M.ROUTE_NOT_FOUND)) return;
        notFound += 1;
        const atPath = SERVED.filter((r) => r.path === route.path).map((r) => `${r.method} ${r.path}`);
        expect(atPath.some((r) => res.body.message.includes(r))).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(notFound).toBeGreaterThan(100);
  });

  it('names the closest control route too', async () => {
    const { sandbox } = localSandbox();
    const control = caller(`${new URL(sandbox.baseUrl).origin}/__sandbox`, sandbox.token, sandbox.fetch);
    const res = await control('POST', '/customer/abc/verify');
    expect([res.status, res.body.message]).toEqual([
      404,
      'Control route not found; did you mean POST /__sandbox/customers/:id/verify?',
    ]);
    expect(closestRoutes('GET', '/fault', CONTROL_ROUTES).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /faults',
      'DELETE /faults',
    ]);
  });
});
