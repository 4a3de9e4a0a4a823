import * as assert from 'node:assert/strict';
import type { FileAnalysis } from '../../../src/core/propagation/model';
import { defaultPropagationOptions } from '../../../src/core/propagation/options';
import { sharedEngine } from '../../support/propagationEngine';

async function analyze(path: string, text: string): Promise<FileAnalysis> {
  return (await sharedEngine()).analyze({ path, text, options: defaultPropagationOptions });
}

function routes(analysis: FileAnalysis): string[] {
  return analysis.handlers.filter((handler) => handler.framework !== 'request-receiver').map((handler) => `${handler.framework} ${[...handler.methods, handler.route ?? '-'].join(' ')} ${handler.name}`);
}

/** The plain data the trace viewer (issue 7) matches spans against: handlers with routes, calls with URLs. */
describe('Propagation engine: inbound handlers and outbound calls as data', function () {
  this.timeout(20_000);

  it('Python: Flask, FastAPI, Django URLconf and aiohttp registrations', async () => {
    const flask = await analyze('/w/app.py', `from flask import Flask\napp = Flask(__name__)\n@app.route('/api/orders/<id>', methods=['GET', 'POST'])\ndef order(id):\n    return id\n`);
    assert.deepEqual(routes(flask), ['flask GET POST /api/orders/<id> order']);
    assert.deepEqual(flask.handlers[0]?.span.line, 4);
    const fastapi = await analyze('/w/main.py', `from fastapi import FastAPI, Request\napp = FastAPI()\n@app.get("/items/{item_id}")\nasync def item(item_id: int, request: Request):\n    return {}\n`);
    assert.deepEqual(routes(fastapi), ['fastapi GET /items/{item_id} item']);
    assert.equal(fastapi.handlers[0]?.requestParameter?.name, 'request');
    const urls = await analyze('/w/urls.py', `from django.urls import path\nfrom . import views\nurlpatterns = [path("orders/<int:pk>/", views.order_detail)]\n`);
    assert.equal(urls.handlers[0]?.declaration, 'registration');
    assert.deepEqual(routes(urls), ['django orders/<int:pk>/ views.order_detail']);
    const aio = await analyze('/w/srv.py', `from aiohttp import web\nasync def hello(request):\n    return web.Response()\napp = web.Application()\napp.router.add_get('/hello', hello)\n`);
    assert.deepEqual(routes(aio), ['aiohttp GET /hello hello']);
  });

  it('JavaScript/TypeScript: Express, Fastify, NestJS, Next.js, node:http', async () => {
    const express = await analyze('/w/a.js', `const app = require('express')();\nfunction list(req, res) {}\napp.get('/x', list);\napp.post('/y/:id', (req, res) => {});\n`);
    assert.deepEqual(routes(express), ['express GET /x list', 'express POST /y/:id POST /y/:id']);
    const fastify = await analyze('/w/f.js', `import Fastify from 'fastify';\nconst f = Fastify();\nf.route({ method: 'PUT', url: '/z', handler: async (request, reply) => {} });\n`);
    assert.deepEqual(routes(fastify), ['fastify PUT /z handler']);
    const nest = await analyze('/w/c.ts', `@Controller('cats')\nexport class CatsController {\n  @Get(':id')\n  findOne(@Param('id') id: string) { return id; }\n}\n`);
    assert.deepEqual(routes(nest), ['nestjs GET /cats/:id CatsController.findOne']);
    const next = await analyze('/w/app/api/orders/[id]/route.ts', `export async function GET(request: Request) { return new Response(); }\n`);
    assert.deepEqual(routes(next), ['nextjs GET /api/orders/[id] GET']);
    const node = await analyze('/w/s.js', `const http = require('http');\nhttp.createServer((req, res) => res.end()).listen(8080);\n`);
    assert.equal(routes(node)[0]?.startsWith('node-http'), true);
  });

  it('Go: net/http patterns, gorilla/mux methods, gin, echo and chi', async () => {
    const mux = await analyze('/w/m.go', `package main\nimport (\n"net/http"\n"github.com/gorilla/mux"\n)\nfunc list(w http.ResponseWriter, r *http.Request) {}\nfunc main() {\nr := mux.NewRouter()\nr.HandleFunc("/orders", list).Methods("GET")\n}\n`);
    assert.deepEqual(routes(mux), ['gorilla/mux GET /orders list']);
    const go122 = await analyze('/w/n.go', `package main\nimport "net/http"\nfunc get(w http.ResponseWriter, r *http.Request) {}\nfunc main() { http.HandleFunc("GET /orders/{id}", get) }\n`);
    assert.deepEqual(routes(go122), ['net/http GET /orders/{id} get']);
    const gin = await analyze('/w/g.go', `package main\nimport "github.com/gin-gonic/gin"\nfunc show(c *gin.Context) {}\nfunc main() { r := gin.Default(); r.GET("/p/:id", show) }\n`);
    assert.deepEqual(routes(gin), ['gin GET /p/:id show']);
    const chi = await analyze('/w/c.go', `package main\nimport (\n"net/http"\n"github.com/go-chi/chi/v5"\n)\nfunc inv(w http.ResponseWriter, r *http.Request) {}\nfunc main() { r := chi.NewRouter(); r.Get("/inv/{id}", inv) }\n`);
    assert.deepEqual(routes(chi), ['chi GET /inv/{id} inv']);
  });

  it('Java: Spring mappings with class prefix, JAX-RS paths', async () => {
    const spring = await analyze('/w/C.java', `@RestController\n@RequestMapping("/api")\nclass C {\n  @GetMapping("/orders/{id}")\n  String get(@PathVariable String id) { return id; }\n  @RequestMapping(value = "/x", method = RequestMethod.POST)\n  void post() {}\n}\n`);
    assert.deepEqual(routes(spring), ['spring GET /api/orders/{id} C.get', 'spring POST /api/x C.post']);
    const jaxrs = await analyze('/w/R.java', `@Path("/stock")\nclass R {\n  @GET\n  @Path("/{sku}")\n  public String get(@PathParam("sku") String sku) { return sku; }\n}\n`);
    assert.deepEqual(routes(jaxrs), ['jax-rs GET /stock/{sku} R.get']);
  });

  it('describes outbound calls: library, callee, method, URL text, value and pattern, handler and verdict', async () => {
    const analysis = await analyze(
      '/w/app.py',
      `import requests\nfrom flask import Flask, request\napp = Flask(__name__)\nBASE = "http://reviews:9080"\n@app.get("/p/<pid>")\ndef page(pid):\n    a = requests.get(f"{BASE}/reviews/{pid}")\n    b = requests.post("http://ratings:9080/ratings", headers={"traceparent": request.headers["traceparent"]})\n    return a.text + b.text\n`,
    );
    const [first, second] = analysis.calls;
    assert.ok(first && second);
    assert.equal(first.library, 'requests');
    assert.equal(first.callee, 'requests.get');
    assert.equal(first.method, 'GET');
    assert.equal(first.url?.text, 'f"{BASE}/reviews/{pid}"');
    assert.equal(first.url.pattern, '*/reviews/*');
    assert.equal(first.handlerId, analysis.handlers[0]?.id);
    assert.equal(first.propagation.status, 'missing');
    assert.equal(second.url?.value, 'http://ratings:9080/ratings');
    assert.equal(second.method, 'POST');
    assert.equal(second.propagation.status, 'propagates');
    assert.deepEqual(second.propagation.forwardedHeaders, ['traceparent']);
    assert.equal(analysis.findings[0]?.related[0]?.line, 6);
  });
});
