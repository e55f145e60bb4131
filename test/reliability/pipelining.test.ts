// The framing bugs the first probe found, and the fuzzer after it, as fixed
// cases on ClickHouse's port: read strictly (wire/http-response.ts), every
// answer is framed one way, nothing follows an answer that ends the
// connection, a request behind such an answer never runs, and a malformed
// request is answered only after the well-formed ones in front of it.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';
import { readResponses } from './wire/http-response.ts';
import { exchange } from './wire/tcp.ts';

let target: RunningTarget;
let port: number;

before(async () => {
  target = await startTarget('reference');
  port = Number(new URL(target.url).port);
});
after(async () => {
  await target?.stop();
});

async function wire(request: string, endAfter = false): Promise<ReturnType<typeof readResponses>> {
  const ex = await exchange({ port, pieces: [Buffer.from(request, 'latin1')], endAfter, timeoutMs: 5000 });
  assert.ok(!ex.timedOut, `no answer and no close: ${ex.data.toString('latin1')}`);
  return readResponses(ex.data, ex.closed);
}

async function query(sql: string): Promise<string> {
  return (await fetch(`${target.url}/`, { method: 'POST', body: sql })).text();
}

test('a request pipelined behind an answer delimited by the close never runs', async () => {
  const create = encodeURIComponent('CREATE TABLE pipelined_phantom (x UInt8) ENGINE = Memory');
  const r = await wire(`GET /nope HTTP/1.1\r\nHost: x\r\n\r\nPOST /?query=${create} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n`);
  assert.equal(r.error, undefined);
  assert.deepEqual(r.responses.map((x) => [x.status, x.framing]), [[404, 'close']]);
  assert.equal(await query('EXISTS TABLE pipelined_phantom'), '0\n');
});

test('HTTP/1.0 answers are written in order, and nothing after one that closes', async () => {
  const r = await wire('GET /ping HTTP/1.0\r\n\r\nGET /ping HTTP/1.0\r\n\r\n');
  assert.equal(r.error, undefined);
  assert.deepEqual(r.responses.map((x) => [x.version, x.status, x.body.toString()]), [['1.0', 200, 'Ok.\n']]);
  // A malformed chunk size inside the request whose close-delimited answer is on its way.
  const bad = await wire('POST /replicas_status?x=1 HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nSELECT 1\r\n0\r\n\r\n');
  assert.equal(bad.error, undefined, 'a 400 inside the close-delimited answer');
});

test('a malformed request is answered after the well-formed ones in front of it, never in the middle of their bodies', async () => {
  const big = encodeURIComponent('SELECT number FROM numbers(200000)');
  const r = await wire(`GET /?query=${big} HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n`);
  assert.equal(r.error, undefined);
  assert.deepEqual(r.responses.map((x) => [x.status, x.framing]), [[200, 'chunked'], [400, 'close']]);
  assert.equal(r.responses[0]!.body.toString().split('\n').length, 200001);
  assert.equal(r.responses[0]!.truncated, false);
});

test('a client that half-closes after its request still gets the whole answer; a body cut short gets ClickHouse\'s error', async () => {
  const r = await wire(`GET /?query=${encodeURIComponent('SELECT number FROM numbers(50000)')} HTTP/1.1\r\nHost: x\r\n\r\n`, true);
  assert.equal(r.error, undefined);
  assert.equal(r.responses.length, 1);
  assert.equal(r.responses[0]!.truncated, false);
  assert.equal(r.responses[0]!.body.toString().split('\n').length, 50001);
  const cut = await wire(`POST /?query=${encodeURIComponent('INSERT INTO pipelined_cut FORMAT CSV')} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n1,a\n`, true);
  await query('CREATE TABLE IF NOT EXISTS pipelined_cut (x UInt8, s String) ENGINE = Memory');
  const cutInsert = await wire(`POST /?query=${encodeURIComponent('INSERT INTO pipelined_cut FORMAT CSV')} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n1,a\n`, true);
  for (const x of [cut, cutInsert]) {
    assert.equal(x.error, undefined);
    assert.equal(x.responses.length, 1);
    assert.match(x.responses[0]!.body.toString(), /^Code: \d+\. DB::Exception: /);
  }
  assert.match(cutInsert.responses[0]!.body.toString(), /Unexpected end of file while reading chunk header of HTTP chunked data/);
  assert.equal(await query('SELECT count() FROM pipelined_cut'), '0\n');
});
