// 64 clients mixing inserts and counting selects on one table of each
// reference (ClickHouse over HTTP; StarRocks by Stream Load on the BE and
// SELECT over the MySQL port) for SOAK_SECONDS (5 in npm test; `npm run soak`
// runs 30, and with SOAK_REAL=1 the ClickHouse soak on real 26.7 too): every
// acknowledged row is there, and nothing else; StarRocks loads collide on labels.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { Agent, request } from 'undici';
import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';
import { runSoak } from './soak/run-clients.ts';
import { rssMb } from './fuzz/campaign.ts';
import { findLibChdb } from '../../steps/targets/clickhouse_chdb.ts';

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

/** The ClickHouse soak against any server speaking ClickHouse's HTTP interface. */
async function clickhouseSoak(t: RunningTarget, label: string): Promise<void> {
  const url = `${t.url}/`;
  const auth = { authorization: `Basic ${Buffer.from(`${t.user}:${t.password}`).toString('base64')}` };
  const post = async (u: string, body: string) => {
    const res = await request(u, { method: 'POST', body, headers: auth, dispatcher: agent, headersTimeout: 30_000, bodyTimeout: 30_000 });
    return { status: res.statusCode, text: await res.body.text() };
  };
  const created = await post(url, 'CREATE TABLE soak (client UInt32, seq UInt32, n UInt32) ENGINE = MergeTree ORDER BY (client, seq)');
  assert.equal(created.status, 200, created.text);
  const rssBefore = rssMb(t.pid?.());
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
  const rssAfter = rssMb(t.pid?.());
  // Memory after a few idle seconds: what the server keeps once the traffic is gone.
  await new Promise((r) => setTimeout(r, 3000));
  const rssIdle = rssMb(t.pid?.());
  const mb = (x: number | undefined) => (x === undefined ? '?' : x.toFixed(0));
  console.log(`${label} soak: ${report.inserts} inserts (${report.acknowledged} rows), ${report.selects} selects in ${SECONDS} s; ` +
    `RSS ${mb(rssBefore)} → ${mb(rssAfter)} MB, ${mb(rssIdle)} MB after 3 s idle`);
  assert.deepEqual(report.problems, []);
  assert.ok(report.inserts > CLIENTS && report.selects > CLIENTS, `too little traffic: ${JSON.stringify(report)}`);
}

test(`ClickHouse: ${CLIENTS} clients inserting and counting for ${SECONDS} s lose and add no row`, { timeout: (SECONDS + 60) * 1000 }, async () => {
  await clickhouseSoak(target, 'clickhouse');
});

// `npm run soak` (SOAK_REAL=1) runs the same soak on real ClickHouse 26.7 (libchdb), when it is installed.
const chdb = process.env.SOAK_REAL === '1' ? await findLibChdb() : { why: 'SOAK_REAL=1 runs it (npm run soak does)' };
test(`ClickHouse 26.7 (libchdb): ${CLIENTS} clients inserting and counting for ${SECONDS} s lose and add no row`,
  { skip: chdb.why, timeout: (SECONDS + 120) * 1000 }, async () => {
    const real = await startTarget('clickhouse-chdb');
    try {
      await clickhouseSoak(real, 'clickhouse 26.7');
      assert.equal(real.death?.(), undefined);
    } finally {
      await real.stop();
    }
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
          // Every fifth load takes a label all clients share at that step: one of them loads, the rest are refused.
          headers: { Authorization: ROOT, label: seq % 5 === 0 ? `soak_shared_${seq}` : `soak_${client}_${seq}`, column_separator: ',' },
        });
        const reply = JSON.parse(await res.body.text()) as { Status: string; NumberLoadedRows: number; Message?: string };
        if (seq % 5 === 0 && reply.Status === 'Label Already Exists') return false;
        if (reply.Status !== 'Success') throw new Error(`${res.statusCode} ${JSON.stringify(reply)}`);
        if (reply.NumberLoadedRows !== rows) throw new Error(`loaded ${reply.NumberLoadedRows} of ${rows} rows`);
        return true;
      },
      async count() {
        const [rows] = await pool.query('SELECT COUNT(*) AS n FROM soak.t');
        return Number((rows as { n: number | string }[])[0]!.n);
      },
    }, CLIENTS, SECONDS);
    console.log(`starrocks soak: ${report.inserts} loads (${report.acknowledged} rows, ${report.refused} refused for a taken label), ${report.selects} selects in ${SECONDS} s`);
    assert.deepEqual(report.problems, []);
    assert.ok(report.inserts > CLIENTS && report.selects > CLIENTS, `too little traffic: ${JSON.stringify(report)}`);
  } finally {
    await pool.end();
  }
});
