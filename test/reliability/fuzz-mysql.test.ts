// Fuzzing the StarRocks FE's MySQL port of the reference over raw TCP: the
// client half-closes after its packets, and the server must answer in framed
// packets (ERR in MySQL's format) and close, never hang, crash or store rows
// it did not acknowledge (FUZZ_CASES, FUZZ_SEED, FUZZ_PATH as for the others).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';
import { caseBudget, memoryProblem, runCampaign } from './fuzz/campaign.ts';
import { insertedRows, judgePackets, mysqlCaseArb, readPackets, showPackets, toWire } from './fuzz/mysql-packets.ts';
import { SR_DB, SR_DDL, SR_TABLE } from './fuzz/starrocks-requests.ts';
import { exchange } from './wire/tcp.ts';

let target: RunningTarget;
const serverLog: string[] = [];
const TIMEOUT_MS = 3000;

before(async () => {
  target = await startTarget('reference', { log: (line) => { serverLog.push(line); if (serverLog.length > 60) serverLog.shift(); } });
  const sr = target.starrocks!;
  const db = await mysql.createConnection({ host: sr.queryHost, port: sr.queryPort, user: sr.user, password: sr.password });
  for (const ddl of SR_DDL) await db.query(ddl);
  await db.end();
});
after(async () => {
  await target?.stop();
});

test(`StarRocks MySQL port: ${caseBudget(0.15)} fuzzed sessions get framed packets and a close, and store only what they acknowledge`, { timeout: 600_000 }, async () => {
  const sr = target.starrocks!;
  const report = await runCampaign({
    name: 'starrocks-mysql', cases: caseBudget(0.15), batch: 16, pid: target.pid?.(), arb: mysqlCaseArb,
    async run(c) {
      const wire = Buffer.concat(c.packets.map(toWire));
      const sent = c.cutAt !== undefined && wire.length > 0 ? wire.subarray(0, c.cutAt % wire.length) : wire;
      // A client speaks after the greeting (one whole packet).
      const greeting = (d: Buffer): boolean => d.length >= 4 && d.length >= 4 + d.readUIntLE(0, 3);
      const ex = await exchange({ port: sr.queryPort, pieces: [sent], endAfter: true, timeoutMs: TIMEOUT_MS, greeting });
      const packets = readPackets(ex.data);
      const problems = judgePackets(packets);
      if (ex.timedOut) problems.push(`no close within ${TIMEOUT_MS} ms after the client's FIN (${ex.data.length} bytes came)`);
      return {
        problems, acknowledged: insertedRows(packets), ms: ex.ms,
        describe: () => [`sent: ${showPackets(sent)}`, `received: ${showPackets(ex.data)}`, ...problems.map((p) => `  - ${p}`)].join('\n'),
      };
    },
    async health() {
      let conn: mysql.Connection | undefined;
      try {
        conn = await mysql.createConnection({ host: sr.queryHost, port: sr.queryPort, user: sr.user, password: sr.password, connectTimeout: 1000 });
        const [rows] = await conn.query({ sql: 'SELECT 1 AS one', timeout: 1000 });
        return (rows as { one: number }[])[0]?.one === 1 ? undefined : `SELECT 1 answered ${JSON.stringify(rows)}`;
      } catch (e) {
        return `${(e as Error).message}; the server's last output:\n${serverLog.join('\n')}`;
      } finally {
        await conn?.end().catch(() => undefined);
      }
    },
    async count() {
      const res = await fetch(`${sr.fe}/api/${SR_DB}/${SR_TABLE}/_count`, { headers: { Authorization: `Basic ${Buffer.from(`${sr.user}:${sr.password}`).toString('base64')}` }, signal: AbortSignal.timeout(5000) });
      const text = await res.text();
      const size = /"size"\s*:\s*(\d+)/.exec(text);
      if (!size) throw new Error(`_count answered ${res.status} ${text}; the server's last output:\n${serverLog.join('\n')}`);
      return Number(size[1]);
    },
  });
  assert.equal(memoryProblem(report), undefined);
  assert.ok(report.acknowledged > 0, 'no fuzzed INSERT stored a row: the accounting was never put to the test');
  console.log(`starrocks-mysql: ${report.cases} cases in ${report.ms} ms, ${report.acknowledged} rows stored, RSS ${report.rssStartMb?.toFixed(0)} → ${report.rssEndMb?.toFixed(0)} MB`);
});
