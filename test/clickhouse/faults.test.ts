// --faults on the ClickHouse port, seen by a real HTTP client (undici): a
// late head, a paced stream, a connection closed mid-body or before any
// answer, N rows then 26.7's mid-stream exception, and none of it without
// --faults. Timings are asserted from below only: a loaded machine is slower,
// never faster.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import type { FastifyInstance } from 'fastify';
import { buildClickHouseServer } from '../../reference/clickhouse/server.ts';
import { parseFaultOption } from '../../reference/http/faults/spec.ts';
import { rawExchange } from './raw-exchange.ts';

/** libuv counts timers in whole milliseconds from the loop's cached clock: a wait can look 1 ms short. */
const TIMER_SLACK_MS = 1;

const servers: FastifyInstance[] = [];
const agent = new Agent({ keepAliveTimeout: 1000 });

async function start(faults?: string): Promise<{ url: string; port: number }> {
  const app = buildClickHouseServer({ displayName: 'faults-test', ...(faults !== undefined ? { faults: parseFaultOption(faults) } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  servers.push(app);
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port };
}

let plain: { url: string; port: number };
let on: { url: string; port: number };

before(async () => {
  plain = await start();
  on = await start('on');
});
after(async () => {
  await agent.close();
  await Promise.all(servers.map((s) => s.close()));
});

const q = (sql: string, extra = ''): string => `/?query=${encodeURIComponent(sql)}${extra}`;

async function get(base: string, path: string, fault?: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const res = await request(base + path, { dispatcher: agent, headers: fault !== undefined ? { 'x-olapspec-fault': fault } : {} });
  return { status: res.statusCode, headers: res.headers, body: Buffer.from(await res.body.arrayBuffer()) };
}

/** The bytes that arrived before the body broke off, and how it broke. */
async function readUntilBroken(base: string, path: string, fault: string): Promise<{ status: number; body: Buffer; error?: Error }> {
  const res = await request(base + path, { dispatcher: agent, headers: { 'x-olapspec-fault': fault } });
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of res.body) chunks.push(chunk as Buffer);
    return { status: res.statusCode, body: Buffer.concat(chunks) };
  } catch (error) {
    return { status: res.statusCode, body: Buffer.concat(chunks), error: error as Error };
  }
}

const NUMBERS = 'SELECT number, toString(number * 7) AS s FROM numbers(50000)';

test('without --faults the header changes nothing: same status, headers and body bytes', async () => {
  const path = q('SELECT number FROM numbers(10)', '&max_block_size=3');
  const a = await get(plain.url, path);
  const b = await get(plain.url, path, 'error-after-rows=2,drop-after-bytes=3,delay=50ms');
  assert.equal(b.status, a.status);
  assert.deepEqual(b.body, a.body);
  const varying = new Set(['date', 'x-clickhouse-query-id', 'x-clickhouse-summary', 'x-clickhouse-exception-tag']);
  const stable = (h: Record<string, unknown>): [string, unknown][] => Object.entries(h).filter(([k]) => !varying.has(k));
  assert.deepEqual(stable(b.headers), stable(a.headers));
  assert.deepEqual(Object.keys(b.headers), Object.keys(a.headers));
});

test('with --faults on and no header, answers are the same as without --faults', async () => {
  const path = q(NUMBERS);
  const [a, b] = [await get(plain.url, path), await get(on.url, path)];
  assert.equal(b.status, 200);
  assert.deepEqual(b.body, a.body);
});

test('delay: the head comes no sooner than the delay', async () => {
  const t0 = performance.now();
  const res = await request(`${on.url}${q('SELECT 1')}`, { dispatcher: agent, headers: { 'x-olapspec-fault': 'delay=300ms' } });
  const headAt = performance.now() - t0;
  assert.equal(res.statusCode, 200);
  assert.equal(await res.body.text(), '1\n');
  assert.ok(headAt >= 300 - TIMER_SLACK_MS, `head after ${headAt} ms`);
});

test('chunk-delay: each block of the body waits its turn', async () => {
  const t0 = performance.now();
  const r = await get(on.url, q('SELECT number FROM numbers(5)', '&max_block_size=1'), 'chunk-delay=40ms');
  const took = performance.now() - t0;
  assert.equal(r.body.toString(), '0\n1\n2\n3\n4\n');
  assert.ok(took >= 5 * 40 - TIMER_SLACK_MS, `took ${took} ms for 5 blocks`);
});

test('drop-after-bytes: exactly N body bytes arrive, then the chunked body breaks off', async () => {
  const whole = (await get(plain.url, q(NUMBERS))).body;
  const cut = await readUntilBroken(on.url, q(NUMBERS), 'drop-after-bytes=1000');
  assert.equal(cut.status, 200);
  assert.ok(cut.error, 'the body ended normally');
  assert.match(String((cut.error as { code?: string }).code), /UND_ERR_SOCKET/, String(cut.error));
  assert.deepEqual(cut.body, whole.subarray(0, 1000));
});

test('drop-after-bytes: the wire shows the head and N bytes, and no last chunk', async () => {
  const raw = await rawExchange(on.port, `GET ${q(NUMBERS)} HTTP/1.1\r\nHost: x\r\nX-Olapspec-Fault: drop-after-bytes=100\r\n\r\n`);
  assert.match(raw, /^HTTP\/1\.1 200 OK\r\n/);
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  assert.ok(body.startsWith('64\r\n'), JSON.stringify(body.slice(0, 20)));
  assert.equal(body.length, 4 + 100 + 2, JSON.stringify(body));
  assert.ok(!body.endsWith('0\r\n\r\n'));
});

test('drop-after-bytes counts the bytes as they leave: with gzip, N bytes of the compressed body', async () => {
  const path = q(NUMBERS, '&enable_http_compression=1');
  const whole = await request(plain.url + path, { dispatcher: agent, headers: { 'accept-encoding': 'gzip' } });
  assert.equal(whole.headers['content-encoding'], 'gzip');
  const gz = Buffer.from(await whole.body.arrayBuffer());
  const res = await request(on.url + path, { dispatcher: agent, headers: { 'accept-encoding': 'gzip', 'x-olapspec-fault': 'drop-after-bytes=500' } });
  const chunks: Buffer[] = [];
  await assert.rejects((async () => { for await (const c of res.body) chunks.push(c as Buffer); })());
  assert.deepEqual(Buffer.concat(chunks), gz.subarray(0, 500));
});

test('drop-after-bytes over HTTP/1.0: N bytes after the head, then the connection closes', async () => {
  const raw = await rawExchange(on.port, `GET ${q(NUMBERS)} HTTP/1.0\r\nX-Olapspec-Fault: drop-after-bytes=300\r\n\r\n`);
  assert.match(raw, /^HTTP\/1\.0 200 OK\r\n/);
  assert.equal(raw.length - (raw.indexOf('\r\n\r\n') + 4), 300);
});

test('drop-after-bytes=0: no answer at all, though an INSERT was done', async () => {
  const created = await request(`${on.url}/`, { method: 'POST', body: 'CREATE TABLE dropped (x UInt8) ENGINE = Memory', dispatcher: agent });
  assert.equal(created.statusCode, 200, await created.body.text());
  const res = request(`${on.url}${q('INSERT INTO dropped VALUES (1)')}`, { method: 'POST', body: '', dispatcher: agent,
    headers: { 'x-olapspec-fault': 'drop-after-bytes=0' } });
  await assert.rejects(res, (err: Error & { code?: string }) => err.code === 'UND_ERR_SOCKET');
  assert.equal((await get(on.url, q('SELECT count() FROM dropped'))).body.toString(), '1\n');
});

/** 26.7's block after rows already sent (exception-tag.ts): marker, tag, text, its length, tag, marker. */
function exceptionBlock(text: string, tag: string): string {
  return `\r\n__exception__\r\n${tag}\r\n${text}${Buffer.byteLength(text)} ${tag}\r\n__exception__\r\n`;
}

const MEMORY = 'Code: 241. DB::Exception: Query memory limit exceeded: would use 9.32 GiB (attempt to allocate chunk of 4.00 MiB), '
  + 'maximum: 9.31 GiB. Untracked memory across all threads: 1.02 MiB. (MEMORY_LIMIT_EXCEEDED) (version 26.7.2.1)\n';

test('error-after-rows: status 200, exactly N rows, then the tagged exception and a broken body (TSV)', async () => {
  const r = await readUntilBroken(on.url, q('SELECT number FROM numbers(100)', '&max_block_size=7'), 'error-after-rows=10');
  assert.equal(r.status, 200);
  assert.ok(r.error, 'the body ended normally');
  const rows = Array.from({ length: 10 }, (_, i) => `${i}\n`).join('');
  const tag = /\r\n__exception__\r\n([a-z]{16})\r\n/.exec(r.body.toString())?.[1] ?? '';
  assert.equal(r.body.toString(), rows + exceptionBlock(MEMORY, tag));
});

test('error-after-rows: the exception code is announced in no header once the status is out, and error=network names 210', async () => {
  const res = await request(`${on.url}${q('SELECT number FROM numbers(20) FORMAT JSONEachRow', '&max_block_size=4')}`,
    { dispatcher: agent, headers: { 'x-olapspec-fault': 'error-after-rows=6,error=network' } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['x-clickhouse-exception-code'], undefined);
  const tag = String(res.headers['x-clickhouse-exception-tag']);
  const chunks: Buffer[] = [];
  await assert.rejects((async () => { for await (const c of res.body) chunks.push(c as Buffer); })());
  const text = 'Code: 210. DB::NetException: Connection reset by peer, while reading from socket (127.0.0.2:9000): '
    + 'While executing Remote. (NETWORK_ERROR) (version 26.7.2.1)\n';
  const rows = Array.from({ length: 6 }, (_, i) => `{"number":${i}}\n`).join('');
  assert.equal(Buffer.concat(chunks).toString(), rows + exceptionBlock(text, tag));
});

test('error-after-rows with http_write_exception_in_output_format=1: the JSON document holds N rows and the exception', async () => {
  const r = await get(on.url, q('SELECT number FROM numbers(20) FORMAT JSON', '&max_block_size=4&http_write_exception_in_output_format=1'),
    'error-after-rows=5,error=timeout');
  assert.equal(r.status, 200);
  const doc = JSON.parse(r.body.toString()) as { data: unknown[]; exception: string };
  assert.equal(doc.data.length, 5);
  assert.equal(doc.exception, 'Code: 209. DB::NetException: Timeout exceeded while reading from socket (127.0.0.2:9000, 300000 ms): '
    + 'While executing Remote. (SOCKET_TIMEOUT) (version 26.7.2.1)');
});

test('error-after-rows: a result of N rows or fewer is whole; N = 0 fails before the head, as a plain error', async () => {
  assert.equal((await get(on.url, q('SELECT number FROM numbers(3)'), 'error-after-rows=3')).body.toString(), '0\n1\n2\n');
  const r = await get(on.url, q('SELECT number FROM numbers(3)'), 'error-after-rows=0');
  assert.equal(r.status, 500);
  assert.equal(r.headers['x-clickhouse-exception-code'], '241');
  assert.equal(r.body.toString(), MEMORY);
});

test('a header that does not parse gets 400 BAD_ARGUMENTS, naming what is wrong', async () => {
  const r = await get(on.url, q('SELECT 1'), 'delay=soon');
  assert.equal(r.status, 400);
  assert.equal(r.body.toString(), "Code: 36. DB::Exception: Invalid X-Olapspec-Fault header: delay must be a duration such as 200ms or 2s, not 'soon'. "
    + '(BAD_ARGUMENTS) (version 26.7.2.1)\n');
});

test('server-wide faults hit every query, and X-Olapspec-Fault: none spares one', async () => {
  const s = await start('error-after-rows=1');
  const hit = await readUntilBroken(s.url, q('SELECT number FROM numbers(5)'), 'error-after-rows=1');
  assert.ok(hit.body.toString().startsWith('0\n\r\n__exception__'), hit.body.toString());
  const spared = await get(s.url, q('SELECT number FROM numbers(5)'), 'none');
  assert.equal(spared.body.toString(), '0\n1\n2\n3\n4\n');
});

test('probability with a seed: the same requests in the same order get the same faults', async () => {
  const run = async (): Promise<string> => {
    const s = await start('error-after-rows=0,probability=0.5,seed=42');
    let pattern = '';
    for (let i = 0; i < 24; i++) pattern += (await get(s.url, q('SELECT 1'))).status === 200 ? '.' : 'x';
    return pattern;
  };
  const first = await run();
  assert.equal(await run(), first);
  assert.match(first, /x/);
  assert.match(first, /\./);
});
