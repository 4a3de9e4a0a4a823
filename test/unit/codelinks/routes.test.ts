import * as assert from 'node:assert/strict';
import { joinRoutes, matchRoute, parseRouteTemplate } from '../../../src/core/codelinks/routes';

const canonical = (route: string): string => parseRouteTemplate(route).canonical;
const matches = (handler: string, observed: string): number | undefined =>
  matchRoute(parseRouteTemplate(handler), parseRouteTemplate(observed));

describe('route templates', () => {
  it('normalises every framework’s parameter syntax to one spelling', () => {
    const expected = '/api/orders/{}/items/{}';
    const spellings: Record<string, string> = {
      flask: '/api/orders/<int:order_id>/items/<item>',
      fastapi: '/api/orders/{order_id}/items/{item_id}',
      django: 'api/orders/<int:pk>/items/<slug:item>',
      djangoRegex: '^api/orders/(?P<pk>\\d+)/items/(?P<item>[\\w-]+)/$',
      express: '/api/orders/:orderId/items/:itemId',
      fastify: '/api/orders/:orderId/items/:itemId?',
      nest: 'api/orders/:id/items/:item',
      gorillaMux: '/api/orders/{id:[0-9]+}/items/{item}',
      gin: '/api/orders/:id/items/:item',
      echo: '/api/orders/:id/items/:item',
      chi: '/api/orders/{orderID}/items/{itemID}',
      spring: '/api/orders/{id}/items/{itemId}',
      jaxrs: '/api/orders/{id: [0-9]{1,9}}/items/{item}',
    };
    for (const [framework, route] of Object.entries(spellings)) {
      assert.equal(canonical(route), expected, framework);
    }
  });

  it('treats catch-all segments of every syntax as the rest of the path', () => {
    for (const route of ['/static/*', '/static/*filepath', '/static/{path...}', '/static/<path:rest>', '/static/{rest:.*}']) {
      assert.equal(canonical(route), '/static/*', route);
      assert.notEqual(matches(route, '/static/css/site.css'), undefined, route);
    }
  });

  it('matches concrete paths and other templates, preferring literal segments', () => {
    assert.notEqual(matches('/api/orders/<int:id>', '/api/orders/42'), undefined);
    assert.notEqual(matches('/api/orders/:id', '/api/orders/{id}'), undefined);
    assert.equal(matches('/api/orders/:id', '/api/orders/42/items'), undefined);
    assert.equal(matches('/api/orders/:id', '/api/users/42'), undefined);
    const literal = matches('/orders/new', '/orders/new') ?? -1;
    const param = matches('/orders/{id}', '/orders/new') ?? -1;
    assert.ok(literal > param, `${literal} > ${param}`);
  });

  it('ignores query strings and trailing slashes', () => {
    assert.equal(canonical('/api/orders/?page=2'), '/api/orders');
    assert.notEqual(matches('/api/orders/', '/api/orders?x=1'), undefined);
  });

  it('joins mount prefixes and routes with one slash', () => {
    assert.equal(joinRoutes('/api/', '/orders'), '/api/orders');
    assert.equal(joinRoutes('api', 'orders/:id'), '/api/orders/:id');
    assert.equal(joinRoutes('', ''), '/');
  });
});
