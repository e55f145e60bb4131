// Fuzzing ClickHouse's HTTP port of the reference over raw TCP (see
// fuzz/campaign.ts for the rules; FUZZ_CASES, FUZZ_SEED, FUZZ_PATH replay).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';
import { caseBudget, memoryProblem, runCampaign } from './fuzz/campaign.ts';
import { clickhouseDialect } from './fuzz/clickhouse-dialect.ts';
import { CLICKHOUSE_PLAINS, PROBE, PROBE_DDL, clickhouseRequestArb } from './fuzz/clickhouse-requests.ts';
import { describeCase, httpCaseArb, runHttpCase, writtenRows } from './fuzz/http-case.ts';
import { makePool } from './fuzz/payloads.ts';

let target: RunningTarget;
/** The server's own last lines, for a report when it dies. */
const serverLog: string[] = [];

async function query(sql: string): Promise<string> {
  const res = await fetch(`${target.url}/`, { method: 'POST', body: sql, signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${sql}: ${res.status} ${text}`);
  return text;
}

before(async () => {
  target = await startTarget('reference', { log: (line) => { serverLog.push(line); if (serverLog.length > 60) serverLog.shift(); } });
  await query(PROBE_DDL);
});
after(async () => {
  await target?.stop();
});

test(`ClickHouse HTTP: ${caseBudget(0.5)} fuzzed exchanges answer as HTTP, in ClickHouse's format, and store only what they acknowledge`, { timeout: 600_000 }, async () => {
  const port = Number(new URL(target.url).port);
  const pool = await makePool(CLICKHOUSE_PLAINS);
  const report = await runCampaign({
    name: 'clickhouse-http', cases: caseBudget(0.5), batch: 16, pid: target.pid?.(),
    arb: httpCaseArb(clickhouseRequestArb(pool)),
    async run(c) {
      const o = await runHttpCase(port, c, clickhouseDialect);
      const acknowledged = o.responses.filter((r) => r.status === 200 && !r.truncated).reduce((n, r) => n + writtenRows(r), 0);
      return { problems: o.problems, acknowledged, ms: o.ms, describe: () => describeCase(c, o) };
    },
    async health() {
      try {
        const res = await fetch(`${target.url}/ping`, { signal: AbortSignal.timeout(1000) });
        const text = await res.text();
        return res.status === 200 && text === 'Ok.\n' ? undefined : `/ping answered ${res.status} ${JSON.stringify(text)}`;
      } catch (e) {
        return `/ping: ${(e as Error).message}; the server's last output:\n${serverLog.join('\n')}`;
      }
    },
    async count() {
      try {
        return Number(await query(`SELECT count() FROM ${PROBE}`));
      } catch (e) {
        throw new Error(`counting the probe table failed: ${(e as Error).message}; the server's last output:\n${serverLog.join('\n')}`);
      }
    },
  });
  assert.equal(memoryProblem(report), undefined);
  assert.ok(report.acknowledged > 0, 'no fuzzed load stored a row: the accounting was never put to the test');
  console.log(`clickhouse-http: ${report.cases} cases in ${report.ms} ms, ${report.acknowledged} rows stored, RSS ${report.rssStartMb?.toFixed(0)} → ${report.rssEndMb?.toFixed(0)} MB`);
});
