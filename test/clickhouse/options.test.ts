import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { respondOptions } from '../../reference/clickhouse/handlers/options.ts';
import { setConnectionLimits } from '../../reference/clickhouse/http/connection.ts';
import type { HeaderList } from '../../reference/clickhouse/http/sink.ts';
import { buildClickHouseServer } from '../../reference/clickhouse/server.ts';
import { FakeEngine } from './fake-engine.ts';

const CORS: HeaderList = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Allow-Headers', 'origin, x-requested-with'],
  ['Access-Control-Allow-Methods', 'POST, GET, OPTIONS'],
  ['Access-Control-Max-Age', '86400'],
];

function app(optionsHeaders?: HeaderList) {
  return buildClickHouseServer({ engine: new FakeEngine(), displayName: 'test-host',
    ...(optionsHeaders ? { config: { httpOptionsResponse: optionsHeaders } } : {}) });
}

/** Writes a request and returns what arrived before the server closed the connection. */
function exchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.setTimeout(5_000, () => socket.destroy(new Error('the connection stayed open')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.write(request);
  });
}

test('OPTIONS with http_options_response: 204, Date, Connection: Close, the headers in config order, no body', async () => {
  const a = app(CORS);
  await a.listen({ host: '127.0.0.1', port: 0 });
  try {
    const answer = await exchange((a.server.address() as AddressInfo).port, 'OPTIONS / HTTP/1.1\r\nHost: x\r\n\r\n');
    const [head, body] = answer.split('\r\n\r\n');
    const lines = head!.split('\r\n');
    assert.equal(lines[0], 'HTTP/1.1 204 No Content');
    assert.match(lines[1]!, /^Date: /);
    assert.deepEqual(lines.slice(2), ['Connection: Close', ...CORS.map(([n, v]) => `${n}: ${v}`)]);
    assert.equal(body, '');
  } finally {
    await a.close();
  }
});

test('OPTIONS with an empty http_options_response is still 204, with no headers of its own', async () => {
  const r = await app([]).inject({ method: 'OPTIONS', url: '/?query=SELECT%201' });
  assert.equal(r.statusCode, 204);
  assert.equal(r.headers.connection, 'Close');
  assert.equal(r.body, '');
});

test('OPTIONS without http_options_response: nothing is sent, and a connection asked to close is closed', async () => {
  const a = app();
  await a.listen({ host: '127.0.0.1', port: 0 });
  try {
    const port = (a.server.address() as AddressInfo).port;
    assert.equal(await exchange(port, 'OPTIONS / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), '');
    assert.equal(await exchange(port, 'OPTIONS /?query=SELECT%201 HTTP/1.0\r\n\r\n'), '');
  } finally {
    await a.close();
  }
});

test('an unanswered OPTIONS on a kept-alive connection is closed after the keep-alive timeout', async () => {
  const server = http.createServer((req, res) => {
    setConnectionLimits(req, { timeoutS: 0.2, maxRequests: 10000 });
    void respondOptions(req, res, undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const started = Date.now();
    const answer = await exchange((server.address() as AddressInfo).port, 'OPTIONS / HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.equal(answer, '');
    assert.ok(Date.now() - started >= 150, 'closed before the keep-alive timeout');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('queries that name an Origin get the configured headers; add_http_cors_header then adds nothing', async () => {
  const a = app([['X-Olapspec-Options', 'configured']]);
  const withOrigin = await a.inject({ method: 'GET', url: '/?query=SELECT%201&add_http_cors_header=1', headers: { origin: 'http://a.example' } });
  assert.equal(withOrigin.statusCode, 200);
  assert.equal(withOrigin.headers['x-olapspec-options'], 'configured');
  assert.equal(withOrigin.headers['access-control-allow-origin'], undefined);
  const without = await a.inject({ method: 'GET', url: '/?query=SELECT%201' });
  assert.equal(without.headers['x-olapspec-options'], undefined);
  // Errors carry them too: they are added before anything else is looked at.
  const failed = await a.inject({ method: 'POST', url: '/', payload: 'SELEC 1', headers: { origin: 'http://a.example' } });
  assert.equal(failed.statusCode, 400);
  assert.equal(failed.headers['x-olapspec-options'], 'configured');
});

test('without http_options_response, add_http_cors_header=1 answers an Origin with Access-Control-Allow-Origin: *', async () => {
  const r = await app().inject({ method: 'GET', url: '/?query=SELECT%201&add_http_cors_header=1', headers: { origin: 'http://a.example' } });
  assert.equal(r.headers['access-control-allow-origin'], '*');
});
