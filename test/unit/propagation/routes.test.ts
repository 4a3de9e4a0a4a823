import * as assert from 'node:assert/strict';
import { routePattern } from '../../../src/core/propagation/routes';

describe('Route patterns for matching spans to handlers', () => {
  const cases: readonly (readonly [string, Parameters<typeof routePattern>[1], string, boolean])[] = [
    ['/api/orders/<id>', 'flask', '/api/orders/42', true],
    ['/api/orders/<int:id>', 'flask', '/api/orders/42/items', false],
    ['orders/<int:pk>/', 'django', '/orders/7/', true],
    ['^orders/(?P<pk>[0-9]+)/$', 'django', '/orders/7/', false],
    ['^orders/([0-9]+)/$', 'django', '/orders/7/', true],
    ['/items/{item_id}', 'fastapi', '/items/abc', true],
    ['/users/:id', 'express', '/users/9', true],
    ['/users/:id', 'express', '/users', false],
    ['/static/*', 'express', '/static/a/b.css', true],
    ['/api/orders/[id]', 'nextjs', '/api/orders/12', true],
    ['/orders/{id}', 'net/http', '/orders/5', true],
    ['/api/orders/{id}', 'spring', '/api/orders/5/', true],
    ['/p/:id', 'gin', '/q/1', false],
  ];
  for (const [route, framework, path, expected] of cases) {
    it(`${framework} ${route} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(routePattern(route, framework).test(path), expected);
    });
  }
});
