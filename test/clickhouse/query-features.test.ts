// Sessions, external data, buffering, in-format exceptions, query ids and
// progress headers, end to end on the real engine.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { compatFor } from '../../reference/clickhouse/compat.ts';
import { buildClickHouseServer } from '../../reference/clickhouse/server.ts';
import { rawExchange } from './raw-exchange.ts';

const app = buildClickHouseServer({ displayName: 'features' });
// 24.8 appends a late error and ends the body; 26.7 breaks the answer off (mid-stream-errors.test.ts).
const app248 = buildClickHouseServer({ displayName: 'features', compat: compatFor('24.8') });
const post = (url: string, payload: string, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url, payload, headers });
after(() => Promise.all([app.close(), app248.close()]));

test('temporary tables live in the session; another session or none does not see them', async () => {
  assert.equal((await post('/?session_id=tmp-s', 'CREATE TEMPORARY TABLE tmp_t (a UInt8)')).statusCode, 200);
  await post('/?session_id=tmp-s', 'INSERT INTO tmp_t VALUES (7)');
  assert.equal((await post('/?session_id=tmp-s', 'SELECT a FROM tmp_t')).body, '7\n');
  assert.equal((await post('/', 'SELECT a FROM tmp_t')).statusCode, 404);
  assert.equal((await post('/?session_id=other', 'SELECT a FROM tmp_t')).statusCode, 404);
  const check = await post('/?session_id=never&session_check=1', 'SELECT 1');
  assert.equal(check.statusCode, 500);
  assert.match(check.body, /^Code: 372\. DB::Exception: Session never not found\. \(SESSION_NOT_FOUND\)/);
  const timeout = await post('/?session_id=x&session_timeout=3601', 'SELECT 1');
  assert.equal(timeout.headers['x-clickhouse-exception-code'], '374');
});

function multipart(boundary: string, parts: { name: string; value: string; filename?: string }[]): string {
  return parts.map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n` +
    `${p.filename ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n${p.value}\r\n`).join('') + `--${boundary}--\r\n`;
}

test('external data: file parts become temporary tables described by URL or form fields', async () => {
  const b = 'XyZ';
  const headers = { 'content-type': `multipart/form-data; boundary=${b}` };
  const csv = await post('/?query=SELECT+*+FROM+file&file_format=CSV&file_types=UInt8,String',
    multipart(b, [{ name: 'file', value: '1,Hello\n2,World\n', filename: '-' }]), headers);
  assert.equal(csv.body, '1\tHello\n2\tWorld\n');
  const fields = await post('/', multipart(b, [
    { name: 'query', value: 'SELECT sum(x) FROM t WHERE x > {min:UInt8}' },
    { name: 'param_min', value: '1' },
    { name: 't_structure', value: 'x UInt32' },
    { name: 't', value: '1\n2\n3\n', filename: 'data.tsv' },
  ]), headers);
  assert.equal(fields.body, '5\n');
  const missing = await post('/?query=SELECT+1', multipart(b, [{ name: 'f', value: '1', filename: 'x' }]), headers);
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Neither structure nor types have not been provided for external table f\. Use fields f_structure or f_types to do so\./);
  const truncated = await post('/?query=SELECT+1&f_types=UInt8', `--${b}\r\nContent-Disposition: form-data; name="f"; filename="x"\r\n\r\n1\n`, headers);
  assert.equal(truncated.statusCode, 500);
  assert.match(truncated.body, /^Code: 33\. /);
});

const SEED_STREAM = '/?max_block_size=1&query=select+sleepEachRow(0.001),throwIf(number=2)from+numbers(5)';

test('the seed caveat (24.8): an error after the first block is appended to a 200 response', async () => {
  const r = await app248.inject({ method: 'GET', url: SEED_STREAM });
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /^0\t0\n0\t0\nCode: 395\. DB::Exception: Value passed to 'throwIf' function is non-zero/);
  assert.ok(r.body.endsWith('(version 24.8.1.1)\n'));
});

test('wait_end_of_query (or http_wait_end_of_query, which wins) gives the error a proper status', async () => {
  const r = await app.inject({ method: 'GET', url: `${SEED_STREAM}&wait_end_of_query=1` });
  assert.equal(r.statusCode, 500);
  assert.equal(r.headers['x-clickhouse-exception-code'], '395');
  assert.match(r.body, /^Code: 395\./);
  const setting = await app248.inject({ method: 'GET', url: `${SEED_STREAM}&wait_end_of_query=1&http_wait_end_of_query=0` });
  assert.equal(setting.statusCode, 200);
  const big = await app.inject({ method: 'GET', url: '/?wait_end_of_query=1&query=SELECT+toString(number)+FROM+numbers(400000)' });
  assert.equal(big.statusCode, 200);
  assert.equal(big.body.split('\n').length, 400001);
});

test('JSON and XML state a late exception in the document', async () => {
  const json = await app.inject({ method: 'GET', url: '/?http_write_exception_in_output_format=1&query=SELECT+number,throwIf(number>2)+FROM+system.numbers+FORMAT+JSON+SETTINGS+max_block_size=1' });
  assert.equal(json.statusCode, 200);
  assert.match(json.body, /\t"rows": 3,\n\n\t"exception": "Code: 395\. DB::Exception: .*\(version 26\.7\.2\.1\)"\n}\n$/);
  const xml = await app.inject({ method: 'GET', url: '/?http_write_exception_in_output_format=1&query=SELECT+number,throwIf(number>2)+FROM+system.numbers+FORMAT+XML+SETTINGS+max_block_size=1' });
  assert.equal(xml.headers['content-type'], 'application/xml; charset=UTF-8');
  assert.match(xml.body, /\t\t<row>\n\t\t\t<number>2<\/number>\n\t\t\t<field>0<\/field>\n\t\t<\/row>\n\t<\/data>\n\t<rows>3<\/rows>\n\t<exception>Code: 395\..*<\/exception>\n<\/result>\n$/);
  // Fully buffered: the held rows are dropped and a fresh document states the error.
  const buffered = await app.inject({ method: 'GET', url: '/?http_write_exception_in_output_format=1&wait_end_of_query=1&query=SELECT+number,throwIf(number>2)+FROM+system.numbers+FORMAT+JSON+SETTINGS+max_block_size=1' });
  assert.equal(buffered.statusCode, 500);
  assert.match(buffered.body, /"data":\n\t\[\n\n\t\],\n\n\t"rows": 0,\n\n\t"exception"/);
});

test('a second query with a running query id is 216; replace_running_query takes over; KILL QUERY stops it', async () => {
  const first = app.inject({ method: 'GET', url: '/?query_id=dup&query=SELECT+sleep(1)' });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const second = await app.inject({ method: 'GET', url: '/?query_id=dup&query=SELECT+1' });
  assert.equal(second.statusCode, 500);
  assert.match(second.body, /^Code: 216\. DB::Exception: Query with id = dup is already running\./);
  const seen = await post('/', "SELECT query FROM system.processes WHERE query_id = 'dup'");
  assert.match(seen.body, /^SELECT sleep\(1\)/);
  const killed = await post('/', "KILL QUERY WHERE query_id = 'dup' SYNC");
  assert.match(killed.body, /^finished\tdup\tdefault\t/);
  assert.match((await first).body, /QUERY_WAS_CANCELLED/);
  const a = app.inject({ method: 'GET', url: '/?query_id=rep&query=SELECT+sleep(1)' });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const b = await app.inject({ method: 'GET', url: '/?query_id=rep&replace_running_query=1&query=SELECT+42' });
  assert.equal(b.body, '42\n');
  await a;
});

/** One raw HTTP exchange, so repeated header lines stay visible. */
const rawRequest = (port: number, path: string): Promise<string> =>
  rawExchange(port, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);

test('progress headers: minimal JSON while the query runs, the summary verbose, and a late error keeps 200', async () => {
  const server = buildClickHouseServer({ displayName: 'progress' });
  await server.listen({ host: '127.0.0.1', port: 0 });
  try {
    const { port } = server.server.address() as AddressInfo;
    const ok = await rawRequest(port, '/?send_progress_in_http_headers=1&http_headers_progress_interval_ms=20&max_block_size=1' +
      '&query=SELECT+sleepEachRow(0.05)+FROM+numbers(4)+FORMAT+Null');
    const head = ok.slice(0, ok.indexOf('\r\n\r\n'));
    const progress = head.split('\r\n').filter((l) => l.startsWith('X-ClickHouse-Progress: '));
    assert.ok(progress.length >= 2, head);
    assert.match(progress[0]!, /^X-ClickHouse-Progress: \{"read_rows":"\d+","read_bytes":"\d+",("[a-z_]+":"\d+",)*"elapsed_ns":"\d+"\}$/);
    assert.doesNotMatch(progress[0]!, /"written_rows"/);
    assert.match(head, /\r\nX-ClickHouse-Summary: \{"read_rows":"4","read_bytes":"32","written_rows":"0",/);
    const failed = await rawRequest(port, '/?send_progress_in_http_headers=1&http_headers_progress_interval_ms=10&max_block_size=1' +
      '&query=SELECT+sleepEachRow(0.05),throwIf(number=2)+FROM+numbers(4)+FORMAT+Null');
    assert.match(failed, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(failed, /\r\nX-ClickHouse-Exception-Code: 395\r\n/);
    assert.match(failed, /Code: 395\. DB::Exception/);
  } finally {
    await server.close();
  }
});

test('CORS: add_http_cors_header with an Origin; HEAD carries the GET headers without a body', async () => {
  const cors = await app.inject({ method: 'GET', url: '/?add_http_cors_header=1&query=SELECT+1', headers: { origin: 'http://x' } });
  assert.equal(cors.headers['access-control-allow-origin'], '*');
  const head = await app.inject({ method: 'HEAD', url: '/?query=SELECT+1&query_id=h1' });
  assert.equal(head.body, '');
  assert.equal(head.headers['x-clickhouse-query-id'], 'h1');
  assert.equal(head.headers['content-type'], 'text/tab-separated-values; charset=UTF-8');
});
