import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync, gunzipSync } from 'node:zlib';
import { buildClickHouseServer } from '../../reference/clickhouse/server.ts';
import { compatFor } from '../../reference/clickhouse/compat.ts';
import { FakeEngine } from './fake-engine.ts';
import { rawExchange } from './raw-exchange.ts';

function app(engine = new FakeEngine()) {
  return buildClickHouseServer({ engine, displayName: 'test-host' });
}

test('GET / and /ping answer Ok. with ClickHouse headers', async () => {
  const a = app();
  for (const url of ['/', '/ping']) {
    const r = await a.inject({ method: 'GET', url });
    assert.equal(r.statusCode, 200);
    assert.equal(r.body, 'Ok.\n');
    assert.equal(r.headers['content-type'], 'text/html; charset=UTF-8');
    assert.equal(r.headers['keep-alive'], 'timeout=10, max=9999');
  }
  const rs = await a.inject({ method: 'GET', url: '/replicas_status' });
  assert.equal(rs.body, 'Ok.\n');
});

test('unknown paths get the 404 page, unknown methods a bare 501', async () => {
  const a = app();
  const r = await a.inject({ method: 'GET', url: '/nope' });
  assert.equal(r.statusCode, 404);
  assert.match(r.body, /^There is no handle \/nope\n\nUse \/ or \/ping for health checks\.\n/);
  assert.equal(r.headers.connection, 'Close');
  assert.equal(r.headers['content-type'], undefined);
  const d = await a.inject({ method: 'DELETE', url: '/' });
  assert.equal(d.statusCode, 501);
  assert.equal(d.body, '');
  assert.equal(d.headers.connection, 'Close');
});

test('a query from the URL: TabSeparated, with the query headers', async () => {
  const r = await app().inject({ method: 'GET', url: '/?query=SELECT%201&query_id=abc' });
  assert.equal(r.statusCode, 200);
  assert.equal(r.body, '1\n');
  assert.equal(r.headers['content-type'], 'text/tab-separated-values; charset=UTF-8');
  assert.equal(r.headers['x-clickhouse-query-id'], 'abc');
  assert.equal(r.headers['x-clickhouse-format'], 'TabSeparated');
  assert.equal(r.headers['x-clickhouse-timezone'], 'UTC');
  assert.equal(r.headers['x-clickhouse-server-display-name'], 'test-host');
  assert.equal(r.headers['transfer-encoding'], 'chunked');
  assert.match(String(r.headers['x-clickhouse-summary']),
    /^\{"read_rows":"1","read_bytes":"1","written_rows":"0","written_bytes":"0","total_rows_to_read":"0","result_rows":"0","result_bytes":"0","elapsed_ns":"\d+","memory_usage":"0"\}$/);
});

test('query param and body are joined with a newline; FORMAT and default_format pick the format', async () => {
  const a = app();
  const joined = await a.inject({ method: 'POST', url: '/?query=SELECT', payload: '7' });
  assert.equal(joined.body, '7\n');
  const pretty = await a.inject({ method: 'POST', url: '/?', payload: 'SELECT 1 FORMAT Pretty' });
  assert.equal(pretty.body, '   ┏━━━┓\n   ┃ 1 ┃\n   ┡━━━┩\n1. │ 1 │\n   └───┘\n');
  assert.equal(pretty.headers['content-type'], 'text/plain; charset=UTF-8');
  const json = await a.inject({ method: 'GET', url: '/?query=SELECT%201&default_format=JSONEachRow' });
  assert.equal(json.body, '{"1":1}\n');
  assert.equal(json.headers['x-clickhouse-format'], 'JSONEachRow');
  const header = await a.inject({ method: 'GET', url: '/?query=SELECT%201&default_format=CSV', headers: { 'X-ClickHouse-Format': 'JSONCompactEachRow' } });
  assert.equal(header.body, '[1]\n');
});

test('errors: body, status, X-ClickHouse-Exception-Code', async () => {
  const a = app();
  const empty = await a.inject({ method: 'GET', url: '/?query=' });
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.body, 'Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 26.7.2.1)\n');
  assert.equal(empty.headers['x-clickhouse-exception-code'], '62');
  assert.equal(empty.headers['content-type'], 'text/plain; charset=UTF-8');
  const table = await a.inject({ method: 'GET', url: '/?query=SELECT%20*%20FROM%20nosuch' });
  assert.equal(table.statusCode, 404);
  const format = await a.inject({ method: 'GET', url: '/?query=SELECT%201%20FORMAT%20Nope' });
  assert.equal(format.statusCode, 404);
  assert.equal(format.body, 'Code: 73. DB::Exception: Unknown format Nope. (UNKNOWN_FORMAT) (version 26.7.2.1)\n');
  const setting = await a.inject({ method: 'GET', url: '/?query=SELECT%201&nosuch_setting=1' });
  assert.equal(setting.statusCode, 404);
  assert.equal(setting.headers['x-clickhouse-exception-code'], '115');
  const db = await a.inject({ method: 'GET', url: '/?query=SELECT%201', headers: { 'X-ClickHouse-Database': 'nodb' } });
  assert.equal(db.statusCode, 404);
  assert.equal(db.headers['x-clickhouse-exception-code'], '81');
});

test('GET is readonly: modifying queries are 164 with the HTTP hint', async () => {
  const r = await app().inject({ method: 'GET', url: '/?query=CREATE%20TABLE%20x' });
  assert.equal(r.statusCode, 500);
  assert.equal(r.body, 'Code: 164. DB::Exception: default: Cannot execute query in readonly mode. For queries over HTTP, method GET implies readonly. ' +
    'You should use method POST for modifying queries. (READONLY) (version 26.7.2.1)\n');
});

test('INSERT with data in the body, in several formats; DDL answers an empty 200', async () => {
  const engine = new FakeEngine();
  const a = app(engine);
  const ddl = await a.inject({ method: 'POST', url: '/', payload: 'CREATE TABLE t (a UInt8) ENGINE = Memory\n' });
  assert.equal(ddl.statusCode, 200);
  assert.equal(ddl.body, '');
  assert.equal(ddl.headers['content-type'], 'text/plain; charset=UTF-8');
  assert.equal(ddl.headers['x-clickhouse-format'], undefined);
  assert.ok(ddl.headers['x-clickhouse-query-id']);
  await a.inject({ method: 'POST', url: '/?query=INSERT%20INTO%20t%20VALUES', payload: '(4),(5),(6)\n' });
  await a.inject({ method: 'POST', url: '/?query=INSERT%20INTO%20t%20FORMAT%20TabSeparated', payload: '10\n11\n12\n' });
  assert.deepEqual(engine.table, [[4], [5], [6], [10], [11], [12]]);
  const bad = await a.inject({ method: 'POST', url: '/?query=INSERT%20INTO%20t%20FORMAT%20TabSeparated', payload: '13\nxx\n' });
  assert.equal(bad.statusCode, 400);
  assert.equal(engine.table.length, 6, 'a failed INSERT stores nothing');
});

/** The raw reply of a fresh, listening server to `request`. */
async function rawReply(request: string): Promise<string> {
  const a = app();
  await a.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = a.server.address() as { port: number };
    return await rawExchange(port, request);
  } finally {
    await a.close();
  }
}

test('POST without Content-Length or chunked encoding is 411', async () => {
  const reply = await rawReply('POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.match(reply, /^HTTP\/1\.1 411 Length Required\r\n/);
  assert.match(reply, /Code: 381\. DB::Exception: The Transfer-Encoding is not chunked and there is no Content-Length header for POST request\. \(HTTP_LENGTH_REQUIRED\)/);
});

test('HTTP/1.0 is answered as HTTP/1.0 without chunking, and the connection closes', async () => {
  const reply = await rawReply('GET /?query=SELECT%201 HTTP/1.0\r\n\r\n');
  assert.match(reply, /^HTTP\/1\.0 200 OK\r\nDate: .+\r\nConnection: Close\r\nContent-Type: text\/tab-separated-values; charset=UTF-8\r\n/);
  assert.doesNotMatch(reply, /Transfer-Encoding/);
  assert.match(reply, /\r\n\r\n1\n$/);
});

test('24.8: an error after the first block is appended to the stream', async () => {
  const a = buildClickHouseServer({ engine: new FakeEngine(), displayName: 'test-host', compat: compatFor('24.8') });
  const r = await a.inject({ method: 'GET', url: '/?query=SELECT%20number%20FROM%20numbers(70000)%20throw%20at%2066000' });
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /65408\nCode: 395\. DB::Exception: Value passed to 'throwIf' function is non-zero\. \(FUNCTION_THROW_IF_VALUE_IS_NON_ZERO\) \(version 24\.8\.1\.1\)\n$/);
});

test('an error before any output is a clean error; JSON states it inside the document', async () => {
  const a = app();
  const tsv = await a.inject({ method: 'GET', url: '/?query=SELECT%20number%20FROM%20numbers(10)%20throw%20at%203' });
  assert.equal(tsv.statusCode, 500);
  assert.equal(tsv.headers['content-type'], 'text/tab-separated-values; charset=UTF-8');
  assert.match(tsv.body, /^Code: 395\./);
  // http_write_exception_in_output_format is off by default since 25.11.
  const json = await a.inject({ method: 'GET', url: '/?http_write_exception_in_output_format=1&query=SELECT%20number%20FROM%20numbers(10)%20throw%20at%203%20FORMAT%20JSON' });
  assert.equal(json.statusCode, 500);
  assert.match(json.body, /"rows": 0,\n\n\t"exception": "Code: 395\. DB::Exception: Value passed to 'throwIf' function is non-zero\. \(FUNCTION_THROW_IF_VALUE_IS_NON_ZERO\) \(version 26\.7\.2\.1\)"\n}\n$/);
});

test('HEAD runs the query and sends the headers only', async () => {
  const r = await app().inject({ method: 'HEAD', url: '/?query=SELECT%201' });
  assert.equal(r.statusCode, 200);
  assert.equal(r.body, '');
  assert.equal(r.headers['x-clickhouse-format'], 'TabSeparated');
});

test('gzip request bodies and gzip responses with enable_http_compression=1', async () => {
  const a = app();
  const r = await a.inject({ method: 'POST', url: '/', payload: gzipSync('SELECT 1'), headers: { 'Content-Encoding': 'gzip' } });
  assert.equal(r.body, '1\n');
  const c = await a.inject({ method: 'POST', url: '/?enable_http_compression=1', payload: 'SELECT 1', headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(c.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(c.rawPayload).toString(), '1\n');
  const bad = await a.inject({ method: 'POST', url: '/', payload: 'x', headers: { 'Content-Encoding': 'bogus' } });
  assert.equal(bad.statusCode, 501);
});

test('an over-long request-target gets a 400 that closes the connection: bare in 24.8, naming the reason in 26.7', async () => {
  const url = '/?query=' + 'x'.repeat(1024 * 1024);
  const old = await buildClickHouseServer({ engine: new FakeEngine(), compat: compatFor('24.8') }).inject({ method: 'GET', url });
  assert.equal(old.statusCode, 400);
  assert.equal(old.body, '');
  assert.equal(old.headers.connection, 'Close');
  const r = await app().inject({ method: 'GET', url });
  assert.equal(r.statusCode, 400);
  assert.equal(r.body, 'HTTP request URI invalid or too long');
  assert.equal(r.headers['content-type'], 'text/plain');
  assert.equal(r.headers.connection, 'Close');
});

test('add_http_cors_header=1 with an Origin adds Access-Control-Allow-Origin', async () => {
  const a = app();
  const on = await a.inject({ method: 'GET', url: '/?query=SELECT%201&add_http_cors_header=1', headers: { Origin: 'http://x' } });
  assert.equal(on.headers['access-control-allow-origin'], '*');
  const noOrigin = await a.inject({ method: 'GET', url: '/?query=SELECT%201&add_http_cors_header=1' });
  assert.equal(noOrigin.headers['access-control-allow-origin'], undefined);
  const off = await a.inject({ method: 'GET', url: '/?query=SELECT%201', headers: { Origin: 'http://x' } });
  assert.equal(off.headers['access-control-allow-origin'], undefined);
});
