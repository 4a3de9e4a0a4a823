import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { forwardFirst } from '../../support/forwardFix';

const path = '/w/service/app.py';

/** Python's own parser: it rejects what tree-sitter lets through (a parameter without a default after one with). */
function assertPythonParses(source: string): void {
  const result = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: source, encoding: 'utf8' });
  assert.equal(result.error, undefined, `python3 could not run: ${String(result.error)}`);
  assert.equal(result.status, 0, `Python rejects the fixed code: ${result.stderr}\n${source}`);
}

/** Applies the forward fix to the first finding (see `forwardFirst`), and checks the result with Python's parser. */
async function forwardPython(text: string): Promise<string> {
  const { fixed } = await forwardFirst(path, text);
  assertPythonParses(fixed);
  return fixed;
}

const helperDefinitions = (text: string): number => text.match(/^def forward_trace_headers\(incoming\):/gm)?.length ?? 0;

describe('Propagation quick fixes: forward the trace headers in Python', function () {
  this.timeout(30_000);

  it('imports Flask\'s request when the file does not, once for two fixes', async () => {
    const text = [
      'import requests',
      'from flask import Flask, jsonify',
      '',
      'app = Flask(__name__)',
      '',
      '',
      '@app.route("/orders/<order_id>")',
      'def order(order_id):',
      '    stock = requests.get(f"http://stock/{order_id}")',
      '    price = requests.get(f"http://price/{order_id}", timeout=2)',
      '    return jsonify(stock=stock.json(), price=price.json())',
      '',
    ].join('\n');
    const once = await forwardPython(text);
    assert.match(once, /^from flask import Flask, jsonify, request$/m);
    assert.match(once, /stock = requests\.get\(f"http:\/\/stock\/\{order_id\}", headers=forward_trace_headers\(request\.headers\)\)/);
    assert.match(once, /from flask import Flask, jsonify, request\n\n\ndef forward_trace_headers\(incoming\):/);
    const twice = await forwardPython(once);
    assert.match(twice, /price = requests\.get\(f"http:\/\/price\/\{order_id\}", timeout=2, headers=forward_trace_headers\(request\.headers\)\)/);
    assert.deepEqual(twice.match(/^from flask import .*$/gm), ['from flask import Flask, jsonify, request']);
    assert.equal(helperDefinitions(twice), 1);
  });

  it('imports Flask\'s request under another name when `request` is taken', async () => {
    const text = [
      'from urllib import request',
      'import requests',
      'from flask import Flask',
      '',
      'app = Flask(__name__)',
      '',
      '',
      '@app.get("/ping")',
      'def ping():',
      '    return requests.get("http://upstream/health").text',
      '',
    ].join('\n');
    const fixed = await forwardPython(text);
    assert.match(fixed, /^from flask import Flask, request as flask_request$/m);
    assert.match(fixed, /requests\.get\("http:\/\/upstream\/health", headers=forward_trace_headers\(flask_request\.headers\)\)/);
  });

  it('merges ahead of headers held in a variable or built by an expression, which keep their values', async () => {
    const text = [
      'import requests',
      'from flask import Flask, request',
      '',
      'app = Flask(__name__)',
      'BASE = {"Accept": "application/json"}',
      'VERBOSE = False',
      '',
      '',
      '@app.get("/a")',
      'def a():',
      '    first = requests.get("http://x/1", headers=BASE).json()',
      '    return requests.get("http://x/2", headers=BASE if VERBOSE else {}).text + str(first)',
      '',
    ].join('\n');
    const once = await forwardPython(text);
    assert.match(once, /requests\.get\("http:\/\/x\/1", headers=\{\*\*forward_trace_headers\(request\.headers\), \*\*BASE\}\)\.json\(\)/);
    const twice = await forwardPython(once);
    assert.match(twice, /headers=\{\*\*forward_trace_headers\(request\.headers\), \*\*\(BASE if VERBOSE else \{\}\)\}\)\.text/);
  });

  it('adds a Request parameter to a FastAPI path operation, ahead of parameters with defaults', async () => {
    const text = [
      'import httpx',
      'from fastapi import FastAPI',
      '',
      'app = FastAPI()',
      '',
      '',
      '@app.get("/search")',
      'async def search(q: str, limit: int = 10):',
      '    async with httpx.AsyncClient() as client:',
      '        hits = await client.get("http://search/q", params={"q": q, "limit": limit})',
      '    return hits.json()',
      '',
    ].join('\n');
    const fixed = await forwardPython(text);
    assert.match(fixed, /^from fastapi import FastAPI, Request$/m);
    assert.match(fixed, /async def search\(request: Request, q: str, limit: int = 10\):/);
    assert.match(fixed, /params=\{"q": q, "limit": limit\}, headers=forward_trace_headers\(request\.headers\)\)/);
  });

  it('names the added parameter `request` even when a header name such as "x-request-id" is written in the handler', async () => {
    const text = [
      'import httpx',
      'from fastapi import FastAPI, Header',
      '',
      'app = FastAPI()',
      '',
      '',
      '@app.get("/orders")',
      'def orders(x_request_id: str = Header(None, alias="x-request-id")):',
      '    return httpx.get("http://orders/list").json()',
      '',
    ].join('\n');
    const fixed = await forwardPython(text);
    assert.match(fixed, /def orders\(request: Request, x_request_id: str = Header\(None, alias="x-request-id"\)\):/);
    assert.match(fixed, /httpx\.get\("http:\/\/orders\/list", headers=forward_trace_headers\(request\.headers\)\)/);
  });

  it('uses the Request already imported, and merges ahead of the headers the call writes', async () => {
    const text = [
      'import httpx',
      'from fastapi import FastAPI, Request as Incoming',
      '',
      'app = FastAPI()',
      '',
      '',
      '@app.api_route("/ping", methods=["GET"])',
      'def ping():',
      '    return httpx.get("http://upstream/health", headers={"User-Agent": "gateway"}).status_code',
      '',
    ].join('\n');
    const fixed = await forwardPython(text);
    assert.match(fixed, /^from fastapi import FastAPI, Request as Incoming$/m);
    assert.match(fixed, /def ping\(request: Incoming\):/);
    assert.match(fixed, /headers=\{\*\*forward_trace_headers\(request\.headers\), "User-Agent": "gateway"\}/);
  });

  it('wraps a URL given to urlopen in a Request with the headers, importing Request when needed', async () => {
    const text = [
      'from urllib.request import urlopen',
      '',
      '',
      'def product(request, pk):',
      '    url = f"http://reviews/reviews/{pk}"',
      '    with urlopen(url, timeout=3) as resp:',
      '        return resp.read()',
      '',
      '',
      'urlpatterns = [path("products/<int:pk>", product)]',
      '',
    ].join('\n');
    const fixed = await forwardPython(text);
    assert.match(fixed, /^from urllib\.request import urlopen, Request$/m);
    assert.match(fixed, /with urlopen\(Request\(url, headers=forward_trace_headers\(request\.headers\)\), timeout=3\) as resp:/);
  });

  it('keeps the module path of urllib.request.urlopen for the Request', async () => {
    const text = [
      'import urllib.request',
      '',
      '',
      'def product(request, pk):',
      '    return urllib.request.urlopen(f"http://reviews/{pk}").read()',
      '',
      '',
      'urlpatterns = [path("products/<int:pk>", product)]',
      '',
    ].join('\n');
    const fixed = await forwardPython(text);
    assert.match(fixed, /urllib\.request\.urlopen\(urllib\.request\.Request\(f"http:\/\/reviews\/\{pk\}", headers=forward_trace_headers\(request\.headers\)\)\)\.read\(\)/);
    assert.doesNotMatch(fixed, /from urllib\.request import/);
  });

  it('adds the headers to a Request given to urlopen, by keyword, positionally or through its variable', async () => {
    const text = [
      'from urllib.request import Request, urlopen',
      '',
      '',
      'def checkout(request):',
      '    urlopen(Request("http://payments/pay", data=request.body))',
      '    urlopen(Request("http://ledger/entries", request.body, {"Content-Type": "application/json"}))',
      '    req = Request("http://audit/log", data=request.body, method="POST")',
      '    req.add_header("Content-Type", "application/json")',
      '    if request.body:',
      '        urlopen(req)',
      '',
      '',
      'urlpatterns = [path("checkout", checkout)]',
      '',
    ].join('\n');
    const first = await forwardPython(text);
    assert.match(first, /urlopen\(Request\("http:\/\/payments\/pay", data=request\.body, headers=forward_trace_headers\(request\.headers\)\)\)/);
    const second = await forwardPython(first);
    assert.match(second, /Request\("http:\/\/ledger\/entries", request\.body, \{\*\*forward_trace_headers\(request\.headers\), "Content-Type": "application\/json"\}\)/);
    const third = await forwardPython(second);
    assert.match(third, /\n {8}req\.headers\.update\(forward_trace_headers\(request\.headers\)\)\n {8}urlopen\(req\)\n/);
    assert.equal(helperDefinitions(third), 1);
  });

  it('adds an import line after the imports when the file imports nothing from Flask', async () => {
    const text = ['import requests', '', '', '@app.route("/x")', 'def x():', '    return requests.get("http://y/z").text', ''].join('\n');
    const fixed = await forwardPython(text);
    assert.ok(fixed.startsWith('import requests\nfrom flask import request\n\n\ndef forward_trace_headers(incoming):\n'), fixed);
    assert.match(fixed, /\n\n\n@app\.route\("\/x"\)\ndef x\(\):\n {4}return requests\.get\("http:\/\/y\/z", headers=forward_trace_headers\(request\.headers\)\)\.text\n$/);
  });
});
