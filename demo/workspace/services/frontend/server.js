// Frontend service: the entry point. Instrumented in-process with the OpenTelemetry SDK (see tracing.js),
// whose HTTP instrumentation injects the trace context into every http.get it makes.
'use strict';
require('./tracing');
const http = require('node:http');

const ordersUrl = process.env.ORDERS_URL ?? 'http://orders:8080';

function getJson(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 502, body }));
      })
      .on('error', reject);
  });
}

const server = http.createServer(async (req, res) => {
  const match = /^\/api\/checkout\/(\w+)$/.exec(req.url ?? '');
  if (!match) {
    res.writeHead(req.url === '/healthz' ? 200 : 404).end();
    return;
  }
  try {
    const order = await getJson(`${ordersUrl}/api/orders/${match[1]}`);
    res.writeHead(order.status, { 'content-type': 'application/json' }).end(order.body);
  } catch (error) {
    res.writeHead(502, { 'content-type': 'text/plain' }).end(`orders unavailable: ${error.message}`);
  }
});

server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1');
