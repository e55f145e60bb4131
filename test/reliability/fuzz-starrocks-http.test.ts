// Fuzzing the StarRocks FE, BE and CN HTTP ports of the reference over raw TCP:
// Stream Loads, the transaction interface in and out of order, and every
// node's routes (see fuzz/campaign.ts for the rules; FUZZ_CASES, FUZZ_SEED,
// FUZZ_PATH replay).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import mysql from 'mysql2/promise';
import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';
import { caseBudget, memoryProblem, runCampaign, type CaseResult } from './fuzz/campaign.ts';
import { describeCase, httpCaseArb, runHttpCase, type HttpCase } from './fuzz/http-case.ts';
import { makePool } from './fuzz/payloads.ts';
import { starrocksDialect } from './fuzz/starrocks-dialect.ts';
import { SR_DB, SR_DDL, SR_TABLE, STARROCKS_PLAINS, starrocksRequestArb, toRequest, txnCaseArb, type Node, type StarRocksRequest, type TxnCase } from './fuzz/starrocks-requests.ts';
import type { WireResponse } from './wire/http-response.ts';

let target: RunningTarget;
let db: mysql.Connection;
const serverLog: string[] = [];

before(async () => {
  target = await startTarget('reference', { log: (line) => { serverLog.push(line); if (serverLog.length > 60) serverLog.shift(); } });
  const sr = target.starrocks!;
  db = await mysql.createConnection({ host: sr.queryHost, port: sr.queryPort, user: sr.user, password: sr.password });
  for (const ddl of SR_DDL) await db.query(ddl);
});
after(async () => {
  await db?.end();
  await target?.stop();
});

function portOf(node: Node): number {
  const sr = target.starrocks!;
  return Number(new URL(node === 'fe' ? sr.fe : node === 'be' ? sr.be! : sr.cn!).port);
}

function json(r: WireResponse | undefined): Record<string, unknown> | undefined {
  if (!r) return undefined;
  try {
    return JSON.parse(r.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Rows a Stream Load reply says it stored. */
function loaded(r: WireResponse | undefined): number {
  const j = json(r);
  return j && (j.Status === 'Success' || j.Status === 'Publish Timeout') ? Number(j.NumberLoadedRows ?? 0) : 0;
}

async function runHttp(c: HttpCase): Promise<CaseResult> {
  // Pipelined requests go to one node: the first one's.
  const node = (c.requests[0] as StarRocksRequest).node;
  const o = await runHttpCase(portOf(node), c, starrocksDialect);
  const acknowledged = o.responses.reduce((n, r, i) => n + (/_stream_load/.test(c.requests[i]?.target ?? '') ? loaded(r) : 0), 0);
  return { problems: o.problems, acknowledged, ms: o.ms, describe: () => `[${node}] ${describeCase(c, o)}` };
}

async function runTxn(t: TxnCase): Promise<CaseResult> {
  const problems: string[] = [];
  const lines: string[] = [];
  let prepared = 0;
  let acknowledged = 0;
  const started = Date.now();
  for (const step of t.steps) {
    const c: HttpCase = { requests: [toRequest(step)] };
    const o = await runHttpCase(portOf(step.node), c, starrocksDialect);
    lines.push(`[${step.node} ${step.op}] ${describeCase(c, o)}`);
    problems.push(...o.problems.map((p) => `${step.op}: ${p}`));
    const j = json(o.responses[0]);
    if (!j) continue;
    if (step.node === 'be' && step.op === 'prepare' && j.Status === 'OK') prepared += Number(j.NumberLoadedRows ?? 0);
    if (step.node === 'be' && step.op === 'commit' && j.Status === 'OK') acknowledged += Number(j.NumberLoadedRows ?? 0);
    // The FE settles a prepared transaction itself and states no rows: they are the prepare's.
    if (step.node === 'fe' && step.op === 'commit' && j.Status === 'OK' && j.Message === '') {
      acknowledged += prepared;
      prepared = 0;
    }
  }
  return { problems, acknowledged, ms: Date.now() - started, describe: () => lines.join('\n') };
}

type SrCase = { kind: 'http'; c: HttpCase } | { kind: 'txn'; t: TxnCase };

test(`StarRocks HTTP: ${caseBudget(0.35)} fuzzed exchanges with the FE, BE and CN answer as HTTP and store only what they acknowledge`, { timeout: 600_000 }, async () => {
  const pool = await makePool(STARROCKS_PLAINS);
  const arb: fc.Arbitrary<SrCase> = fc.oneof(
    { weight: 4, arbitrary: httpCaseArb(starrocksRequestArb(pool)).map((c): SrCase => ({ kind: 'http', c })) },
    { weight: 1, arbitrary: txnCaseArb(pool).map((t): SrCase => ({ kind: 'txn', t })) },
  );
  const report = await runCampaign<SrCase>({
    name: 'starrocks-http', cases: caseBudget(0.35), batch: 16, pid: target.pid?.(), arb,
    run: (x) => (x.kind === 'http' ? runHttp(x.c) : runTxn(x.t)),
    async health() {
      const sr = target.starrocks!;
      for (const url of [`${sr.fe}/api/health`, `${sr.be}/api/health`, `${sr.cn}/api/health`]) {
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
          await res.text();
          if (res.status !== 200) return `${url} answered ${res.status}`;
        } catch (e) {
          return `${url}: ${(e as Error).message}; the server's last output:\n${serverLog.join('\n')}`;
        }
      }
      return undefined;
    },
    async count() {
      // The FE's _count reads the same rows as SELECT COUNT(*), without the MySQL port's 40 ms per query (no TCP_NODELAY there).
      try {
        const sr = target.starrocks!;
        const res = await fetch(`${sr.fe}/api/${SR_DB}/${SR_TABLE}/_count`, { headers: { Authorization: `Basic ${Buffer.from(`${sr.user}:${sr.password}`).toString('base64')}` }, signal: AbortSignal.timeout(5000) });
        const text = await res.text();
        const size = /"size"\s*:\s*(\d+)/.exec(text);
        if (!size) throw new Error(`_count answered ${res.status} ${text}`);
        return Number(size[1]);
      } catch (e) {
        throw new Error(`counting the probe table failed: ${(e as Error).message}; the server's last output:\n${serverLog.join('\n')}`);
      }
    },
  });
  assert.equal(memoryProblem(report), undefined);
  assert.ok(report.acknowledged > 0, 'no fuzzed load stored a row: the accounting was never put to the test');
  console.log(`starrocks-http: ${report.cases} cases in ${report.ms} ms, ${report.acknowledged} rows stored, RSS ${report.rssStartMb?.toFixed(0)} → ${report.rssEndMb?.toFixed(0)} MB`);
});
