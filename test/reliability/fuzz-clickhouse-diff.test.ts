// Differential fuzzing: the ClickHouse HTTP fuzzer's comparable cases sent to
// the reference and to real ClickHouse 26.7 (libchdb), which must answer each
// with the same status, X-ClickHouse-Exception-Code and body error code (see
// fuzz/clickhouse-differential.ts). Agreement may not fall below the
// committed baseline, which is only ever raised (DIFF_UPDATE_BASELINE=1).
// DIFF_CASES (default 400), DIFF_SEED and DIFF_CASE replay; DIFF_SHOW lists more mismatches.
// Skipped when libchdb is not installed.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';
import { findLibChdb } from '../../steps/targets/clickhouse_chdb.ts';
import { CLICKHOUSE_PLAINS, PROBE_DDL, clickhouseRequestArb } from './fuzz/clickhouse-requests.ts';
import { describeMismatch, runDifferential, sampleCases } from './fuzz/clickhouse-differential.ts';
import { makePool } from './fuzz/payloads.ts';

const BASELINE = fileURLToPath(new URL('./fuzz/clickhouse-differential-baseline.json', import.meta.url));
const CASES = Number(process.env.DIFF_CASES ?? 400);
const SEED = Number(process.env.DIFF_SEED ?? 2607);
const ONLY = process.env.DIFF_CASE !== undefined ? Number(process.env.DIFF_CASE) : undefined;

const chdb = await findLibChdb();
let reference: RunningTarget | undefined;
let real: RunningTarget | undefined;

async function create(t: RunningTarget): Promise<void> {
  const res = await fetch(`${t.url}/`, { method: 'POST', body: PROBE_DDL, signal: AbortSignal.timeout(10_000) });
  assert.equal(res.status, 200, `${t.name}: ${await res.text()}`);
}

before(async () => {
  if (!chdb.path) return;
  [reference, real] = await Promise.all([startTarget('reference'), startTarget('clickhouse-chdb')]);
  await Promise.all([create(reference), create(real)]);
});
after(async () => {
  await Promise.all([reference?.stop(), real?.stop()]);
});

test(`ClickHouse HTTP, differential: ${CASES} fuzzed requests answered as real 26.7 answers them`, { skip: chdb.why, timeout: 600_000 }, async () => {
  const pool = await makePool(CLICKHOUSE_PLAINS);
  const requests = sampleCases(clickhouseRequestArb(pool), SEED, CASES);
  const port = (t: RunningTarget) => () => Number(new URL(t.url).port);
  const report = await runDifferential(requests, SEED, { port: port(reference!) },
    { port: port(real!), death: () => real!.death?.(), restart: () => real!.restart!() }, ONLY);
  const show = Number(process.env.DIFF_SHOW ?? 25);
  for (const m of report.mismatches.slice(0, show)) console.log(describeMismatch(m, SEED));
  console.log(`clickhouse differential: seed ${SEED}: ${report.agreed}/${report.compared} agree (${report.percent}%), ` +
    `${report.skipped} not comparable, ${report.crashed} crashed libchdb (not counted)`);
  if (ONLY !== undefined) return;
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, number>;
  const key = `seed ${SEED}, ${CASES} cases`;
  if (process.env.DIFF_UPDATE_BASELINE === '1' && report.percent > (baseline[key] ?? 0)) {
    baseline[key] = report.percent;
    writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
  }
  assert.ok(report.compared >= CASES / 2, `only ${report.compared} of ${CASES} cases were comparable: the generator changed`);
  const mark = baseline[key];
  if (mark !== undefined) assert.ok(report.percent >= mark, `agreement ${report.percent}% is below the baseline ${mark}% for ${key}`);
});
