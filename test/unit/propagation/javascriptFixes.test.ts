import * as assert from 'node:assert/strict';
import { proposeFixes } from '../../../src/core/propagation/fixes/propose';
import { defaultPropagationOptions } from '../../../src/core/propagation/options';
import { noProjectFacts } from '../../../src/core/propagation/project/facts';
import { forwardFirst } from '../../support/forwardFix';
import { sharedEngine } from '../../support/propagationEngine';

/**
 * Fixes the first finding and checks that the call now propagates because the engine followed the added helper
 * (its reason names it), not because of its name alone.
 */
async function fixed(path: string, text: string): Promise<string> {
  const result = await forwardFirst(path, text);
  assert.ok(
    result.after.calls.some((call) => call.propagation.status === 'propagates' && call.propagation.reason.includes('via forwardTraceHeaders')),
    `no call propagates through the helper:\n${result.fixed}`,
  );
  return result.fixed;
}

/** Fixes every finding in turn; the helper must be added once. */
async function fixAll(path: string, text: string, count: number): Promise<string> {
  let current = text;
  for (let index = 0; index < count; index++) current = await fixed(path, current);
  assert.equal(current.match(/function forwardTraceHeaders\(/g)?.length, 1, current);
  return current;
}

const expressApp = (imports: string, body: string): string => `const express = require('express');
${imports}

const app = express();
app.get('/orders/:id', async (req, res) => {
${body}
  res.end();
});
`;

describe('Propagation quick fixes: forward the trace headers in JavaScript and TypeScript', function () {
  this.timeout(30_000);

  it('fetch: an options argument, a first entry of a multi-line one, and a fetch Headers object merged by its entries', async () => {
    const text = expressApp(
      '',
      [
        "  await fetch('http://a:8080/x');",
        "  await fetch('http://b:8080/x', {",
        "    method: 'POST',",
        "    body: '{}',",
        '  });',
        "  const headers = new Headers({ accept: 'application/json' });",
        "  await fetch('http://c:8080/x', { headers });",
      ].join('\n'),
    );
    const result = await fixAll('/w/server.js', text, 3);
    assert.match(result, /await fetch\('http:\/\/a:8080\/x', \{ headers: forwardTraceHeaders\(req\.headers\) \}\);/);
    assert.match(result, /fetch\('http:\/\/b:8080\/x', \{\n {4}headers: forwardTraceHeaders\(req\.headers\),\n {4}method: 'POST',/);
    assert.match(result, /fetch\('http:\/\/c:8080\/x', \{ headers: \{ \.\.\.forwardTraceHeaders\(req\.headers\), \.\.\.Object\.fromEntries\(headers\) \} \}\)/);
    // The helper goes after the imports.
    assert.match(result, /^const express = require\('express'\);\n\n\/\*\* Trace headers[^\n]*\nfunction forwardTraceHeaders\(incoming\) \{/);
  });

  it('axios: config after the URL or the body (undefined when there is none), a config object, a config variable, an instance', async () => {
    const text = expressApp(
      "const axios = require('axios');\nconst api = axios.create({ baseURL: 'http://api:8080' });",
      [
        "  await axios.get('http://a:8080/x');",
        "  await axios.post('http://b:8080/x');",
        "  await axios.put('http://c:8080/x', { id: 1 }, { timeout: 500 });",
        "  await axios({ url: 'http://d:8080/x', method: 'GET' });",
        "  const config = { url: 'http://e:8080/x' };",
        '  await axios.request(config);',
        "  await api.get('/x');",
        "  await axios.delete('http://f:8080/x', { headers: { 'x-request-id': req.get('x-request-id') } });",
      ].join('\n'),
    );
    const result = await fixAll('/w/server.js', text, 7);
    assert.match(result, /axios\.get\('http:\/\/a:8080\/x', \{ headers: forwardTraceHeaders\(req\.headers\) \}\)/);
    assert.match(result, /axios\.post\('http:\/\/b:8080\/x', undefined, \{ headers: forwardTraceHeaders\(req\.headers\) \}\)/);
    assert.match(result, /axios\.put\('http:\/\/c:8080\/x', \{ id: 1 \}, \{ headers: forwardTraceHeaders\(req\.headers\), timeout: 500 \}\)/);
    assert.match(result, /axios\(\{ headers: forwardTraceHeaders\(req\.headers\), url: 'http:\/\/d:8080\/x', method: 'GET' \}\)/);
    assert.match(result, /axios\.request\(\{ \.\.\.config, headers: \{ \.\.\.forwardTraceHeaders\(req\.headers\), \.\.\.config\.headers \} \}\)/);
    assert.match(result, /api\.get\('\/x', \{ headers: forwardTraceHeaders\(req\.headers\) \}\)/);
    // Headers already given are kept (and win over the forwarded ones).
    assert.match(result, /headers: \{ \.\.\.forwardTraceHeaders\(req\.headers\), 'x-request-id': req\.get\('x-request-id'\) \}/);
  });

  it('got, superagent and undici (request, fetch, a Client instance)', async () => {
    const text = expressApp(
      "const got = require('got');\nconst superagent = require('superagent');\nconst { request, fetch: undiciFetch, Client } = require('undici');\nconst client = new Client('http://pool:8080');",
      [
        "  await got('http://a:8080/x');",
        "  await got.post('http://b:8080/x', { json: { id: 1 } });",
        "  await superagent.get('http://c:8080/x').query({ q: 1 });",
        "  await request('http://d:8080/x');",
        "  await undiciFetch('http://e:8080/x');",
        "  await client.request({ path: '/x', method: 'GET' });",
      ].join('\n'),
    );
    const result = await fixAll('/w/server.js', text, 6);
    assert.match(result, /got\('http:\/\/a:8080\/x', \{ headers: forwardTraceHeaders\(req\.headers\) \}\)/);
    assert.match(result, /got\.post\('http:\/\/b:8080\/x', \{ headers: forwardTraceHeaders\(req\.headers\), json: \{ id: 1 \} \}\)/);
    assert.match(result, /superagent\.get\('http:\/\/c:8080\/x'\)\.set\(forwardTraceHeaders\(req\.headers\)\)\.query\(\{ q: 1 \}\)/);
    assert.match(result, /request\('http:\/\/d:8080\/x', \{ headers: forwardTraceHeaders\(req\.headers\) \}\)/);
    assert.match(result, /undiciFetch\('http:\/\/e:8080\/x', \{ headers: forwardTraceHeaders\(req\.headers\) \}\)/);
    assert.match(result, /client\.request\(\{ headers: forwardTraceHeaders\(req\.headers\), path: '\/x', method: 'GET' \}\)/);
  });

  it('http(s).request/get in an http.createServer callback: options, an options variable, a URL with or without options and callback', async () => {
    const text = `const http = require('node:http');
const https = require('node:https');

http.createServer((req, res) => {
  const options = { host: 'a', path: '/x' };
  http.request(options, (up) => up.pipe(res)).end();
  http.request({ host: 'b', path: '/' }, (up) => up.pipe(res)).end();
  https.get('https://c.example/x', (up) => up.pipe(res));
  https.get(new URL('https://d.example/x'));
  https.get(\`https://e.example\${req.url}\`, { timeout: 500 }, (up) => up.pipe(res));
}).listen(0);
`;
    const result = await fixAll('/w/proxy.js', text, 5);
    assert.match(result, /http\.request\(\{ \.\.\.options, headers: \{ \.\.\.forwardTraceHeaders\(req\.headers\), \.\.\.options\.headers \} \}, \(up\) =>/);
    assert.match(result, /http\.request\(\{ headers: forwardTraceHeaders\(req\.headers\), host: 'b', path: '\/' \}, \(up\) =>/);
    assert.match(result, /https\.get\('https:\/\/c\.example\/x', \{ headers: forwardTraceHeaders\(req\.headers\) \}, \(up\) => up\.pipe\(res\)\)/);
    assert.match(result, /https\.get\(new URL\('https:\/\/d\.example\/x'\), \{ headers: forwardTraceHeaders\(req\.headers\) \}\)/);
    assert.match(result, /\{ headers: forwardTraceHeaders\(req\.headers\), timeout: 500 \}, \(up\) =>/);
  });

  it('Koa ctx, Fastify request, Next.js pages req and app-router Request', async () => {
    const koa = `import Router from '@koa/router';
import fetch from 'node-fetch';

const router = new Router();
router.get('/x', async (ctx) => {
  ctx.body = await fetch('http://a:8080/x');
});
`;
    assert.match(await fixed('/w/koa.mjs', koa), /fetch\('http:\/\/a:8080\/x', \{ headers: forwardTraceHeaders\(ctx\.headers\) \}\)/);
    const fastify = `import Fastify from 'fastify';

const app = Fastify();
app.get('/x', async (request, reply) => reply.send(await fetch('http://a:8080/x')));
`;
    assert.match(await fixed('/w/fastify.mjs', fastify), /fetch\('http:\/\/a:8080\/x', \{ headers: forwardTraceHeaders\(request\.headers\) \}\)/);
    const pages = `import type { NextApiRequest, NextApiResponse } from 'next';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.json(await (await fetch('http://a:8080/x')).json());
}
`;
    const page = await fixed('/w/pages/api/orders.ts', pages);
    assert.match(page, /fetch\('http:\/\/a:8080\/x', \{ headers: forwardTraceHeaders\(req\.headers\) \}\)/);
    assert.match(page, /function forwardTraceHeaders\(incoming: object\): Record<string, string> \{/);
    const route = `export async function GET(request: Request) {
  return fetch('http://a:8080/x');
}
`;
    const app = await fixed('/w/app/api/cart/route.ts', route);
    assert.match(app, /^\/\*\* Trace headers[^\n]*\nfunction forwardTraceHeaders\(incoming: object\)/);
    assert.match(app, /return fetch\('http:\/\/a:8080\/x', \{ headers: forwardTraceHeaders\(request\.headers\) \}\);/);
  });

  it('NestJS: a method without the request gets a @Headers() parameter, imported once; @Req() is used when there is one', async () => {
    const text = `import { Controller, Get, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import axios from 'axios';

@Controller('invoices')
export class InvoicesController {
  @Get()
  async list() {
    return (await axios.get('http://db:3000/invoices')).data;
  }

  @Get(':id')
  async one(@Param('id') id: string, @Req() req: Request) {
    return (await axios.get(\`http://db:3000/invoices/\${id}\`)).data;
  }
}
`;
    const result = await fixAll('/w/src/invoices.controller.ts', text, 2);
    assert.match(result, /^import \{ Controller, Get, Headers, Param, Req \} from '@nestjs\/common';/);
    assert.match(result, /async list\(@Headers\(\) incomingHeaders: Record<string, string \| string\[\] \| undefined>\) \{\n {4}return \(await axios\.get\('http:\/\/db:3000\/invoices', \{ headers: forwardTraceHeaders\(incomingHeaders\) \}\)\)/);
    assert.match(result, /axios\.get\(`http:\/\/db:3000\/invoices\/\$\{id\}`, \{ headers: forwardTraceHeaders\(req\.headers\) \}\)/);
  });

  it('NestJS: a method with single @Headers(name) values gets the whole headers too, one parameter per line kept', async () => {
    const text = `import {
  Controller,
  Headers,
  Post,
} from '@nestjs/common';
import axios from 'axios';

@Controller('ledger')
export class LedgerController {
  @Post()
  async create(
    @Headers('x-request-id') requestId: string,
  ) {
    return (await axios.post('http://ledger:3000/', {}, { headers: { 'x-request-id': requestId } })).data;
  }
}
`;
    const result = await fixed('/w/src/ledger.controller.ts', text);
    assert.match(result, /^import \{\n {2}Controller,\n {2}Headers,\n {2}Post,\n\} from '@nestjs\/common';/);
    assert.match(result, /\n {4}@Headers\('x-request-id'\) requestId: string,\n {4}@Headers\(\) incomingHeaders: Record<string, string \| string\[\] \| undefined>,\n {2}\) \{/);
    assert.match(result, /\{ headers: \{ \.\.\.forwardTraceHeaders\(incomingHeaders\), 'x-request-id': requestId \} \}/);
  });

  it('NestJS: the new import keeps an unsorted list as it is, adding at its end', async () => {
    const text = `import { Get, Controller } from '@nestjs/common';

@Controller()
export class PingController {
  @Get()
  ping() {
    return fetch('http://a:8080/ping');
  }
}
`;
    const result = await fixed('/w/src/ping.controller.ts', text);
    assert.match(result, /^import \{ Get, Controller, Headers \} from '@nestjs\/common';/);
    assert.match(result, /ping\(@Headers\(\) incomingHeaders: Record<string, string \| string\[\] \| undefined>\) \{\n {4}return fetch\('http:\/\/a:8080\/ping', \{ headers: forwardTraceHeaders\(incomingHeaders\) \}\);/);
  });

  it('offers no forward fix when it cannot tell a URL from options defined in another file (the ignore fixes remain)', async () => {
    const engine = await sharedEngine();
    const path = '/w/proxy.js';
    const text = `const http = require('node:http');
const { upstream } = require('./config');

http.createServer((req, res) => {
  http.request(upstream, (up) => up.pipe(res)).end();
}).listen(0);
`;
    const options = defaultPropagationOptions;
    const analysis = engine.analyze({ path, text, options });
    const [finding] = analysis.findings;
    assert.ok(finding);
    const kinds = proposeFixes(engine, { path, text, analysis, options, facts: noProjectFacts }, finding).map((fix) => fix.kind);
    assert.deepEqual(kinds, ['ignore-line', 'ignore-file']);
  });
});
