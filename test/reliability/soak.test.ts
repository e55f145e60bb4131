// 64 clients mixing inserts and counting selects on one table of each
// reference (ClickHouse over HTTP; StarRocks by Stream Load on the BE and
// SELECT over the MySQL port) for SOAK_SECONDS (5 in npm test; `npm run soak`
// runs 30): every acknowledged row is there, and nothing else.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { Agent, request } from 'undici';
import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';
import { runSoak } from './soak/run-clients.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 5);
const CLIENTS = 64;
const ROOT = `Basic ${Buffer.from('root:').toString('base64')}`;

let target: RunningTarget;
const agent = new Agent({ connections: CLIENTS, pipelining: 1 });

before(async () => {
  target = await startTarget('reference');
});
after(async () => {
  await agent.close();
  await target?.stop();
});

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const res = await request(url, { method: 'POST', body, dispatcher: agent, headersTimeout: 30_000, bodyTimeout: 30_000 });
  return { status: res.statusCode, text: await res.body.text() };
}

test(`ClickHouse: ${CLIENTS} clients inserting and counting for ${SECONDS} s lose and add no row`, { timeout: (SECONDS + 60) * 1000 }, async () => {
  const url = `${target.url}/`;
  assert.equal((await post(url, 'CREATE TABLE soak (client UInt32, seq UInt32, n UInt32) ENGINE = MergeTree ORDER BY (client, seq)')).status, 200);
  const report = await runSoak({
    async insert(client, seq, rows) {
      const data = Array.from({ length: rows }, (_, i) => `${client}\t${seq}\t${i}\n`).join('');
      const r = await post(`${url}?query=${encodeURIComponent('INSERT INTO soak FORMAT TSV')}`, data);
      if (r.status !== 200) throw new Error(`${r.status} ${r.text}`);
      return true;
    },
    async count() {
      const r = await post(url, 'SELECT count() FROM soak');
      if (r.status !== 200) throw new Error(`${r.status} ${r.text}`);
      return Number(r.text);
    },
  }, CLIENTS, SECONDS);
  console.log(`clickhouse soak: ${report.inserts} inserts (${report.acknowledged} rows), ${report.selects} selects in ${SECONDS} s`);
  assert.deepEqual(report.problems, []);
  assert.ok(report.inserts > CLIENTS && report.selects > CLIENTS, `too little traffic: ${JSON.stringify(report)}`);
});

test(`StarRocks: ${CLIENTS} clients loading and counting for ${SECONDS} s lose and add no row`, { timeout: (SECONDS + 60) * 1000 }, async () => {
  const sr = target.starrocks!;
  const pool = mysql.createPool({ host: sr.queryHost, port: sr.queryPort, user: sr.user, password: sr.password, connectionLimit: CLIENTS });
  try {
    await pool.query('CREATE DATABASE soak');
    await pool.query('CREATE TABLE soak.t (client INT, seq INT, n INT) DUPLICATE KEY(client) DISTRIBUTED BY HASH(client) BUCKETS 1 PROPERTIES ("replication_num" = "1")');
    const report = await runSoak({
      async insert(client, seq, rows) {
        const data = Array.from({ length: rows }, (_, i) => `${client},${seq},${i}\n`).join('');
        const res = await request(`${sr.be}/api/soak/t/_stream_load`, {
          method: 'PUT', body: data, dispatcher: agent, headersTimeout: 30_000, bodyTimeout: 30_000,
          headers: { Authorization: ROOT, label: `soak_${client}_${seq}`, column_separator: ',' },
        });
        const reply = JSON.parse(await res.body.text()) as { Status: string; NumberLoadedRows: number; Message?: string };
        if (reply.Status !== 'Success') throw new Error(`${res.statusCode} ${JSON.stringify(reply)}`);
        if (reply.NumberLoadedRows !== rows) throw new Error(`loaded ${reply.NumberLoadedRows} of ${rows} rows`);
        return true;
      },
      async count() {
        const [rows] = await pool.query('SELECT COUNT(*) AS n FROM soak.t');
        return Number((rows as { n: number | string }[])[0]!.n);
      },
    }, CLIENTS, SECONDS);
    console.log(`starrocks soak: ${report.inserts} loads (${report.acknowledged} rows), ${report.selects} selects in ${SECONDS} s`);
    assert.deepEqual(report.problems, []);
    assert.ok(report.inserts > CLIENTS && report.selects > CLIENTS, `too little traffic: ${JSON.stringify(report)}`);
  } finally {
    await pool.end();
  }
});
