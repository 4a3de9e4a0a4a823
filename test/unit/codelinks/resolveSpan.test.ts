import * as assert from 'node:assert/strict';
import type { CodeIndex } from '../../../src/core/codelinks/codeIndex';
import { resolveSpanCode, type CodeLinkContext } from '../../../src/core/codelinks/resolveSpan';
import { makeSpan } from './spanFixtures';

const root = '/ws';
const code: CodeIndex = {
  handlers: [
    { file: `${root}/orders/app.py`, line: 10, column: 1, name: 'get_order', framework: 'flask', declaration: 'function', methods: ['GET'], route: '/api/orders/<int:order_id>' },
    { file: `${root}/orders/app.py`, line: 20, column: 1, name: 'new_order_form', framework: 'flask', declaration: 'function', methods: ['GET'], route: '/api/orders/new' },
    { file: `${root}/orders/app.py`, line: 30, column: 1, name: 'create_order', framework: 'flask', declaration: 'function', methods: ['POST'], route: '/api/orders' },
    { file: `${root}/users/server.js`, line: 5, column: 1, name: '<anonymous>', framework: 'express', declaration: 'function', methods: ['GET'], route: '/api/orders/:id' },
  ],
  calls: [
    {
      file: `${root}/orders/app.py`, line: 14, column: 13, endLine: 14, endColumn: 60, callee: 'requests.get', method: 'GET',
      url: { text: 'f"http://inventory:8080/stock/{order_id}"', pattern: 'http://inventory:8080/stock/*' }, propagation: 'missing',
    },
    {
      file: `${root}/orders/app.py`, line: 15, column: 13, endLine: 15, endColumn: 50, callee: 'requests.post', method: 'POST',
      url: { text: '"http://payments/charge"', value: 'http://payments/charge' }, propagation: 'propagates',
    },
  ],
};
const context: CodeLinkContext = {
  workspace: { folders: [root], files: [`${root}/orders/app.py`, `${root}/users/server.js`, `${root}/orders/util.py`] },
  mappings: [{ from: '/app', to: `${root}/orders` }],
  code,
};

describe('resolveSpanCode', () => {
  it('prefers code attributes, mapped from the container path', () => {
    const span = makeSpan('server', 'orders', 'GET /api/orders/{id}', {
      'code.filepath': '/app/util.py', 'code.lineno': 7, 'http.route': '/api/orders/{id}',
    });
    const { candidates } = resolveSpanCode(span, context);
    assert.deepEqual(candidates.map((c) => [c.file, c.line, c.source]), [[`${root}/orders/util.py`, 7, 'code-attributes']]);
    assert.match(candidates[0]?.evidence ?? '', /code\.filepath, code\.lineno/);
  });

  it('reports a refused code path and falls through to the next strategy', () => {
    const span = makeSpan('server', 'orders', 'GET', { 'code.file.path': '../../etc/passwd', 'http.route': '/api/orders/{id}', 'http.request.method': 'GET' });
    const result = resolveSpanCode(span, context);
    assert.equal(result.refusals.length, 1);
    assert.match(result.refusals[0] ?? '', /"\.\." segment/);
    assert.equal(result.candidates[0]?.source, 'route');
  });

  it('uses the innermost workspace frame of an exception stack trace', () => {
    const stack = ['Traceback (most recent call last):', '  File "/usr/lib/python3/site-packages/flask/app.py", line 1, in x', '  File "/app/app.py", line 14, in get_order', 'Boom'].join('\n');
    const span = makeSpan('server', 'orders', 'GET', {}, [{ timeNs: 0, name: 'exception', attributes: { 'exception.stacktrace': stack } }]);
    const { candidates } = resolveSpanCode(span, context);
    assert.deepEqual(candidates.map((c) => [c.file, c.line, c.source]), [[`${root}/orders/app.py`, 14, 'stack-trace']]);
  });

  it('matches a server span to the handler of its route, within the service’s folder and method', () => {
    const span = makeSpan('server', 'orders-service', 'GET /api/orders/{id}', { 'http.route': '/api/orders/{id}', 'http.request.method': 'GET' });
    const { candidates } = resolveSpanCode(span, context);
    assert.deepEqual(candidates.map((c) => [c.file, c.line]), [[`${root}/orders/app.py`, 10]]);
    assert.equal(candidates[0]?.confidence, 0.8);
  });

  it('matches a concrete path, preferring the literal route over the parameter one', () => {
    const span = makeSpan('server', 'orders', 'GET', { 'url.path': '/api/orders/new', 'http.request.method': 'GET' });
    assert.deepEqual(resolveSpanCode(span, context).candidates.map((c) => c.line), [20]);
  });

  it('reads the route from a "METHOD /route" span name and filters by method', () => {
    const span = makeSpan('server', 'orders', 'POST /api/orders');
    assert.deepEqual(resolveSpanCode(span, context).candidates.map((c) => c.line), [30]);
  });

  it('offers every handler when the service’s folder is unknown, with lower confidence', () => {
    const span = makeSpan('server', 'gateway', 'GET /api/orders/{id}');
    const { candidates } = resolveSpanCode(span, context);
    assert.deepEqual(candidates.map((c) => c.file).sort(), [`${root}/orders/app.py`, `${root}/users/server.js`]);
    assert.ok(candidates.every((c) => c.confidence < 0.5));
  });

  it('matches a client span to the call site whose URL targets the same host and path', () => {
    const span = makeSpan('client', 'orders', 'GET', { 'url.full': 'http://inventory:8080/stock/42', 'http.request.method': 'GET' });
    const { candidates } = resolveSpanCode(span, context);
    assert.deepEqual(candidates.map((c) => [c.line, c.source]), [[14, 'call-site']]);
    assert.match(candidates[0]?.evidence ?? '', /host inventory and path \/stock\/\* match/);
  });

  it('ties server spans of a service to its only route-less handler (http.createServer), and only then', () => {
    const handler = { file: `${root}/inventory/server.js`, line: 9, column: 15, name: '<anonymous>', framework: 'node-http', declaration: 'function' as const, methods: [] };
    const withCatchAll: CodeLinkContext = { ...context, code: { ...code, handlers: [...code.handlers, handler] } };
    const span = makeSpan('server', 'inventory', 'GET', { 'url.path': '/stock/42', 'http.request.method': 'GET' });
    const { candidates } = resolveSpanCode(span, withCatchAll);
    assert.deepEqual(candidates.map((c) => [c.file, c.line, c.confidence]), [[`${root}/inventory/server.js`, 9, 0.65]]);
    assert.match(candidates[0]?.evidence ?? '', /whose only node-http handler takes every request/);
    const otherService = makeSpan('server', 'billing', 'GET', { 'url.path': '/stock/42' });
    assert.deepEqual(resolveSpanCode(otherService, withCatchAll).candidates, []);
  });

  it('finds nothing for spans that name no code, route or URL', () => {
    assert.deepEqual(resolveSpanCode(makeSpan('internal', 'orders', 'compute'), context), { candidates: [], refusals: [] });
    const elsewhere = makeSpan('client', 'orders', 'GET', { 'url.full': 'http://billing/x' });
    assert.deepEqual(resolveSpanCode(elsewhere, context).candidates, []);
  });
});
