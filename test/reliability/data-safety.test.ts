// What fails stores nothing: each case leaves its table exactly as it was
// (same rows, counted and summed), whether an INSERT fails on its last row,
// the client leaves in the middle of an upload, a Stream Load filters too
// much, a transaction is rolled back or times out, or a query is killed; one
// label loads once however many clients race with it; one session serves one
// request at a time.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';

let target: RunningTarget;
let sr: mysql.Connection;
const ROOT = `Basic ${Buffer.from('root:').toString('base64')}`;

async function ch(sql: string, params = ''): Promise<{ status: number; text: string }> {
  const res = await fetch(`${target.url}/?${params}`, { method: 'POST', body: sql, signal: AbortSignal.timeout(60_000) });
  return { status: res.status, text: await res.text() };
}

/** Rows and a checksum of them: "exactly as it was" means both. */
async function chState(table: string): Promise<string> {
  return (await ch(`SELECT count(), sum(cityHash64(*)) FROM ${table}`)).text;
}

async function srState(table: string): Promise<string> {
  const [rows] = await sr.query(`SELECT COUNT(*) AS n, SUM(k) AS s FROM ${table}`);
  return JSON.stringify(rows);
}

before(async () => {
  target = await startTarget('reference');
  const s = target.starrocks!;
  sr = await mysql.createConnection({ host: s.queryHost, port: s.queryPort, user: s.user, password: s.password });
  await sr.query('CREATE DATABASE safe');
  await ch('CREATE TABLE safe_t (x UInt32, s String) ENGINE = MergeTree ORDER BY x');
  await ch("INSERT INTO safe_t VALUES (1, 'before'), (2, 'before')");
});
after(async () => {
  await sr?.end();
  await target?.stop();
});

test('ClickHouse: an INSERT whose last row is bad, after a million good ones, stores none of them', { timeout: 120_000 }, async () => {
  const before = await chState('safe_t');
  const body = `${'7,good\n'.repeat(1_000_000)}oops,bad\n`;
  const r = await ch(`INSERT INTO safe_t FORMAT CSV\n${body}`);
  assert.notEqual(r.status, 200, 'the bad row was accepted');
  assert.match(r.text, /^Code: \d+\. DB::Exception: /);
  assert.equal(await chState('safe_t'), before);
});

/** Sends the head and part of a body, then goes away (reset, or a half-close when `fin`). */
function leaveMidUpload(port: number, head: string, part: string, fin: boolean): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(head);
      socket.write(part, () => setTimeout(() => {
        if (fin) socket.end();
        else socket.resetAndDestroy();
        setTimeout(resolve, 200);
      }, 100));
    });
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
  });
}

test('ClickHouse: a client that leaves in the middle of an upload stores nothing', async () => {
  const before = await chState('safe_t');
  const port = Number(new URL(target.url).port);
  const rows = '5,partial\n'.repeat(10_000);
  const q = encodeURIComponent('INSERT INTO safe_t FORMAT CSV');
  for (const fin of [false, true]) {
    await leaveMidUpload(port, `POST /?query=${q} HTTP/1.1\r\nHost: x\r\nContent-Length: ${rows.length * 2}\r\n\r\n`, rows, fin);
    await leaveMidUpload(port, `POST /?query=${q} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n`, `${rows.length.toString(16)}\r\n${rows}\r\n`, fin);
  }
  assert.equal(await chState('safe_t'), before);
});

test('ClickHouse: a killed INSERT … SELECT stores nothing', async () => {
  const before = await chState('safe_t');
  const running = ch('INSERT INTO safe_t SELECT number, \'killed\' FROM numbers(40) WHERE sleepEachRow(0.05) = 0', 'query_id=safe_kill&max_block_size=1000');
  await sleep(300);
  const kill = await ch("KILL QUERY WHERE query_id = 'safe_kill' SYNC");
  assert.equal(kill.status, 200, kill.text);
  const r = await running;
  assert.match(r.text, /Code: 394\. DB::Exception: .*(cancelled|Cancelled)/, r.text);
  assert.equal(await chState('safe_t'), before);
});

test('ClickHouse: a session serves one request at a time; the other is refused, and nothing interleaves', async () => {
  await ch('SELECT 1', 'session_id=safe_s&session_timeout=60');
  const slow = ch("SELECT sleepEachRow(0.1), 'slow' FROM numbers(5) FORMAT TSV", 'session_id=safe_s');
  await sleep(150);
  const concurrent = await ch('SELECT 2', 'session_id=safe_s');
  assert.equal(concurrent.status, 500);
  assert.match(concurrent.text, /^Code: 373\. DB::Exception: Session safe_s is locked by a concurrent client\./, concurrent.text);
  const r = await slow;
  assert.equal(r.text, '0\tslow\n'.repeat(5), 'the first request ran whole, untouched by the refused one');
  assert.equal((await ch('SELECT 3', 'session_id=safe_s')).text, '3\n', 'the session serves again once it is free');
});

/** A Stream Load PUT on the BE, Expect: 100-continue honoured. */
function streamLoad(table: string, body: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const be = new URL(target.starrocks!.be!);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: be.hostname, port: be.port, method: 'PUT', path: `/api/safe/${table}/_stream_load`, agent: false,
      headers: { Authorization: ROOT, Expect: '100-continue', 'Content-Length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString(); });
      res.on('end', () => resolve(JSON.parse(text) as Record<string, unknown>));
    });
    req.on('continue', () => req.end(body));
    req.on('response', () => { if (!req.writableEnded) req.end(); });
    req.on('error', reject);
  });
}

async function srTable(name: string): Promise<void> {
  await sr.query(`CREATE TABLE safe.${name} (k INT NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ("replication_num" = "1")`);
  await sr.query(`INSERT INTO safe.${name} VALUES (1), (2)`);
}

test('StarRocks: a Stream Load over its filter ratio stores none of its good rows', async () => {
  await srTable('ratio');
  const before = await srState('safe.ratio');
  const r = await streamLoad('ratio', '10\n11\nx\ny\n', { max_filter_ratio: '0.1' });
  assert.equal(r.Status, 'Fail');
  assert.equal(r.Message, 'too many filtered rows');
  assert.equal(await srState('safe.ratio'), before);
});

/** One transaction-interface request on the BE. */
async function txn(op: string, label: string, body = '', headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${target.starrocks!.be}/api/transaction/${op}`, {
    method: op === 'load' ? 'PUT' : 'POST', body: op === 'load' ? body : undefined,
    headers: { Authorization: ROOT, label, db: 'safe', table: 'txn', ...headers },
  });
  return JSON.parse(await res.text()) as Record<string, unknown>;
}

test('StarRocks: a rolled-back and a timed-out transaction store nothing of what they loaded', async () => {
  await srTable('txn');
  const before = await srState('safe.txn');
  assert.equal((await txn('begin', 'safe_rb')).Status, 'OK');
  assert.equal((await txn('load', 'safe_rb', '20\n21\n')).Status, 'OK');
  assert.equal((await txn('rollback', 'safe_rb')).Status, 'OK');
  assert.notEqual((await txn('commit', 'safe_rb')).Status, 'OK');
  assert.equal(await srState('safe.txn'), before);
  assert.equal((await txn('begin', 'safe_to', '', { timeout: '1' })).Status, 'OK');
  assert.equal((await txn('load', 'safe_to', '30\n31\n')).Status, 'OK');
  await sleep(1300);
  const commit = await txn('commit', 'safe_to');
  assert.notEqual(commit.Status, 'OK', JSON.stringify(commit));
  assert.equal(await srState('safe.txn'), before);
});

test('StarRocks: eight Stream Loads racing with one label load once', async () => {
  await srTable('race');
  const results = await Promise.all(Array.from({ length: 8 }, () => streamLoad('race', '40\n41\n42\n', { label: 'safe_race' })));
  const statuses = results.map((r) => r.Status).sort();
  assert.deepEqual(statuses.filter((s) => s === 'Success'), ['Success'], JSON.stringify(results));
  for (const r of results.filter((x) => x.Status !== 'Success')) assert.equal(r.Status, 'Label Already Exists', JSON.stringify(r));
  const [rows] = await sr.query('SELECT COUNT(*) AS n FROM safe.race');
  assert.equal(Number((rows as { n: number }[])[0]!.n), 2 + 3);
});
