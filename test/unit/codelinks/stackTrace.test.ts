import * as assert from 'node:assert/strict';
import { parseStackTrace } from '../../../src/core/codelinks/stackTrace';

describe('parseStackTrace', () => {
  it('reads a Python traceback, innermost frame first', () => {
    const text = [
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 1473, in wsgi_app',
      '    response = self.full_dispatch_request()',
      '  File "/app/orders/server.py", line 42, in get_order',
      '    stock = requests.get(f"http://inventory:8080/stock/{order_id}", timeout=2)',
      'requests.exceptions.ConnectionError: inventory unreachable',
    ].join('\n');
    const frames = parseStackTrace(text);
    assert.deepEqual(frames[0], { language: 'python', file: '/app/orders/server.py', line: 42, functionName: 'get_order' });
    assert.equal(frames[1]?.file, '/usr/local/lib/python3.12/site-packages/flask/app.py');
    assert.equal(frames.length, 2);
  });

  it('reads JVM frames as package-relative source paths', () => {
    const text = [
      'java.lang.IllegalStateException: inventory returned 503',
      '\tat com.example.orders.InventoryClient.reserve(InventoryClient.java:57)',
      '\tat com.example.orders.OrderController.create(OrderController.java:31)',
      '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
      '\t... 48 more',
    ].join('\n');
    const frames = parseStackTrace(text);
    assert.deepEqual(frames[0], {
      language: 'java',
      file: 'com/example/orders/InventoryClient.java',
      line: 57,
      functionName: 'com.example.orders.InventoryClient.reserve',
    });
    assert.equal(frames[1]?.file, 'com/example/orders/OrderController.java');
    assert.equal(frames[2]?.file, 'jdk/internal/reflect/DirectMethodHandleAccessor.java');
  });

  it('reads Node.js frames with and without function names, skipping runtime internals', () => {
    const text = [
      'Error: connect ECONNREFUSED 10.0.0.7:8080',
      '    at checkout (/app/frontend/src/routes/cart.js:88:17)',
      '    at async Promise.all (index 0)',
      '    at /app/frontend/src/server.js:12:5',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '    at file:///app/frontend/src/esm.mjs:3:9',
    ].join('\n');
    const frames = parseStackTrace(text);
    assert.deepEqual(frames[0], {
      language: 'node',
      file: '/app/frontend/src/routes/cart.js',
      line: 88,
      column: 17,
      functionName: 'checkout',
    });
    assert.deepEqual(
      frames.map((entry) => entry.file),
      ['/app/frontend/src/routes/cart.js', '/app/frontend/src/server.js', '/app/frontend/src/esm.mjs'],
    );
  });

  it('reads Go panic traces, pairing each function with the file line under it', () => {
    const text = [
      'panic: runtime error: index out of range [3] with length 3',
      '',
      'goroutine 18 [running]:',
      'main.(*inventory).reserve(0xc0000a4000, {0xc0000b2000, 0x3})',
      '\t/app/inventory/main.go:42 +0x1d',
      'net/http.HandlerFunc.ServeHTTP(0x0?, {0x7b4f20?, 0xc0000f6000?}, 0x0?)',
      '\t/usr/local/go/src/net/http/server.go:2166 +0x29',
    ].join('\n');
    const frames = parseStackTrace(text);
    assert.deepEqual(frames[0], {
      language: 'go',
      file: '/app/inventory/main.go',
      line: 42,
      functionName: 'main.(*inventory).reserve',
    });
    assert.equal(frames[1]?.file, '/usr/local/go/src/net/http/server.go');
  });

  it('reads .NET frames that carry file and line', () => {
    const text = [
      'System.Net.Http.HttpRequestException: Response status code does not indicate success: 502 (Bad Gateway).',
      '   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()',
      '   at Payments.Api.Controllers.PaymentsController.Charge(ChargeRequest request) in /src/Payments.Api/Controllers/PaymentsController.cs:line 64',
    ].join('\n');
    const frames = parseStackTrace(text);
    assert.deepEqual(frames, [
      {
        language: 'dotnet',
        file: '/src/Payments.Api/Controllers/PaymentsController.cs',
        line: 64,
        functionName: 'Payments.Api.Controllers.PaymentsController.Charge',
      },
    ]);
  });

  it('returns no frames for text that is not a stack trace', () => {
    assert.deepEqual(parseStackTrace('<script>alert(1)</script>\nnothing to see'), []);
    assert.deepEqual(parseStackTrace(''), []);
  });
});
