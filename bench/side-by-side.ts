// The reference next to real ClickHouse servers, in one run, with one load
// generator: ClickHouse 26.7 (libchdb) and 18.16 (clickhouse-server) when the
// machine has them. Every figure is measured on every target in turn, so the
// ratios compare numbers taken minutes apart on the same noisy machine, and the
// ratios, not the absolute figures, are what to read. Writes
// reports/bench.json and reports/bench.svg (the ratios as bars).
//
//   node bench/side-by-side.ts [--quick]

import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { findClickHouseBinary } from '../steps/targets/clickhouse_binary.ts';
import { findLibChdb } from '../steps/targets/clickhouse_chdb.ts';
import { startTarget, type RunningTarget } from '../steps/targets/start_target.ts';
import { ratioChart } from './ratio-chart.ts';

const REPORTS = fileURLToPath(new URL('../reports/', import.meta.url));
const quick = process.argv.includes('--quick');
const SCALE = quick ? 0.1 : 1;
const rows = (n: number) => Math.max(1000, Math.round(n * SCALE));

interface Figure {
  name: string;
  unit: string;
  /** Larger is better (req/s, MB/s, rows/s); false for memory. */
  higherIsBetter: boolean;
  values: Record<string, number | null>;
}

const figures: Figure[] = [];

function auth(target: RunningTarget): Record<string, string> {
  return target.password || target.user !== 'default'
    ? { authorization: `Basic ${Buffer.from(`${target.user}:${target.password}`).toString('base64')}` }
    : {};
}

async function post(target: RunningTarget, path: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: number }> {
  const res = await request(`${target.url}${path}`, { method: 'POST', body, headers: { ...auth(target), ...headers } });
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Buffer).length;
  return { status: res.statusCode, bytes };
}

async function exec(target: RunningTarget, sql: string): Promise<void> {
  const res = await request(`${target.url}/`, { method: 'POST', body: sql, headers: auth(target) });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`${target.name}: ${sql}: ${res.statusCode} ${text}`);
}

async function reqPerSecond(target: RunningTarget, path: string, body?: string): Promise<number> {
  const result = await autocannon({
    url: `${target.url}${path}`, connections: 16, duration: quick ? 2 : 5,
    method: body ? 'POST' : 'GET', headers: auth(target), ...(body ? { body } : {}),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${target.name} ${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function streamMBps(target: RunningTarget, query: string, headers: Record<string, string> = {}): Promise<number> {
  const start = performance.now();
  const { status, bytes } = await post(target, '/', query, headers);
  if (status !== 200) throw new Error(`${target.name}: ${query}: ${status}`);
  return bytes / 1e6 / ((performance.now() - start) / 1000);
}

/** 5M rows of (UInt64, String) in a format, built once. */
function insertBody(format: string, n: number): Buffer {
  const parts: Buffer[] = [];
  let batch = '';
  const flush = () => { parts.push(Buffer.from(batch)); batch = ''; };
  if (format === 'RowBinary') {
    const out: Buffer[] = [];
    for (let i = 0; i < n; i++) {
      const s = Buffer.from(`value_${i}`);
      const row = Buffer.alloc(8 + 1 + s.length);
      row.writeBigUInt64LE(BigInt(i));
      row[8] = s.length;
      s.copy(row, 9);
      out.push(row);
    }
    return Buffer.concat(out);
  }
  for (let i = 0; i < n; i++) {
    if (format === 'TSV') batch += `${i}\tvalue_${i}\n`;
    else if (format === 'CSV') batch += `${i},"value_${i}"\n`;
    else batch += `{"a":${i},"b":"value_${i}"}\n`;
    if (batch.length > 1 << 20) flush();
  }
  flush();
  return Buffer.concat(parts);
}

async function insertRowsPerSecond(target: RunningTarget, format: string, body: Buffer, n: number): Promise<number> {
  const table = `bench_insert_${process.pid}`;
  await exec(target, `DROP TABLE IF EXISTS ${table}`);
  await exec(target, `CREATE TABLE ${table} (a UInt64, b String) ENGINE = Memory`);
  try {
    const start = performance.now();
    const { status } = await post(target, `/?query=${encodeURIComponent(`INSERT INTO ${table} FORMAT ${format}`)}`, body);
    if (status !== 200) throw new Error(`${target.name}: INSERT ${format}: ${status}`);
    return n / ((performance.now() - start) / 1000);
  } finally {
    await exec(target, `DROP TABLE IF EXISTS ${table}`);
  }
}

function rssMiB(pid: number): number {
  // The server and the processes it runs in (libchdb's host is one process).
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

async function peakRssWhileStreaming(target: RunningTarget, n: number): Promise<number | null> {
  const pid = target.pid?.();
  if (pid === undefined) return null;
  let peak = rssMiB(pid);
  let done = false;
  const sampler = (async () => {
    while (!done) {
      peak = Math.max(peak, rssMiB(pid));
      await sleep(50);
    }
  })();
  await post(target, '/', `SELECT number FROM system.numbers LIMIT ${n}`);
  done = true;
  await sampler;
  return peak;
}

async function measure(name: string, unit: string, targets: RunningTarget[], fn: (t: RunningTarget) => Promise<number | null>,
  higherIsBetter = true): Promise<void> {
  const values: Record<string, number | null> = {};
  for (const target of targets) {
    try {
      values[target.name] = await fn(target);
    } catch (err) {
      process.stderr.write(`bench: ${name} on ${target.name}: ${(err as Error).message}\n`);
      values[target.name] = null;
    }
  }
  figures.push({ name, unit, higherIsBetter, values });
  const cells = targets.map((t) => `${t.name} ${values[t.name] === null ? '–' : values[t.name]!.toFixed(1)}`);
  process.stdout.write(`${name.padEnd(44)} ${unit.padEnd(7)} ${cells.join('  ')}\n`);
}

async function starrocksStreamLoad(n: number): Promise<number | null> {
  const curl = spawnSync('curl', ['--version']);
  if (curl.status !== 0) return null;
  const { default: mysql } = await import('mysql2/promise');
  const reference = await startTarget('reference');
  try {
    const sr = reference.starrocks!;
    const conn = await mysql.createConnection({ host: sr.queryHost, port: sr.queryPort, user: sr.user, password: sr.password });
    await conn.query('CREATE DATABASE IF NOT EXISTS bench');
    await conn.query('CREATE TABLE IF NOT EXISTS bench.t (a BIGINT, b VARCHAR(64)) DUPLICATE KEY(a) DISTRIBUTED BY HASH(a) BUCKETS 1 PROPERTIES ("replication_num" = "1")');
    await conn.end();
    const file = `/tmp/olapspec-bench-${process.pid}.csv`;
    await writeFile(file, insertBody('CSV', n).toString().replace(/"/g, ''));
    const start = performance.now();
    const out = spawnSync('curl', ['-s', '--location-trusted', '-u', `${sr.user}:${sr.password}`, '-H', 'column_separator:,',
      '-H', `label:bench_${process.pid}`, '-T', file, `${sr.fe}/api/bench/t/_stream_load`], { maxBuffer: 1 << 24 });
    const seconds = (performance.now() - start) / 1000;
    if (!/"Status":\s*"Success"/.test(out.stdout.toString())) throw new Error(`stream load: ${out.stdout.toString().slice(0, 300)}`);
    return n / seconds;
  } finally {
    await reference.stop();
  }
}

const targets: RunningTarget[] = [await startTarget('reference')];
if ((await findLibChdb()).path) targets.push(await startTarget('clickhouse-chdb'));
else process.stderr.write('bench: no libchdb; ClickHouse 26.7 is left out\n');
const binary = await findClickHouseBinary();
if (binary) targets.push(await startTarget(`clickhouse-binary=${binary}`));
else process.stderr.write('bench: no clickhouse-server; ClickHouse 18.16 is left out\n');

try {
  process.stdout.write(`bench: ${targets.map((t) => t.name).join(', ')}${quick ? ' (quick: a tenth of the rows)' : ''}\n`);
  await measure('SELECT 1 at 16 connections', 'req/s', targets, (t) => reqPerSecond(t, '/', 'SELECT 1'));
  await measure('/ping at 16 connections', 'req/s', targets, (t) => reqPerSecond(t, '/ping'));
  // Memory first, while the servers hold no data: after the inserts below a
  // server's heap stays as large as they made it, whatever streaming needs.
  await measure('RSS at rest', 'MiB', targets, async (t) => { const pid = t.pid?.(); return pid === undefined ? null : rssMiB(pid); }, false);
  await measure(`peak RSS while streaming ${rows(100_000_000)} rows`, 'MiB', targets, (t) => peakRssWhileStreaming(t, rows(100_000_000)), false);
  const ten = rows(10_000_000);
  for (const [format, headers] of [['TSV', {}], ['JSONEachRow', {}], ['RowBinary', {}],
    ['TSV, gzip', { 'accept-encoding': 'gzip' }], ['TSV, zstd', { 'accept-encoding': 'zstd' }]] as const) {
    const fmt = format.split(',')[0];
    const settings = 'accept-encoding' in headers ? ' SETTINGS enable_http_compression = 1' : '';
    await measure(`stream ${ten} rows as ${format}`, 'MB/s', targets,
      (t) => streamMBps(t, `SELECT number, toString(number) FROM system.numbers LIMIT ${ten}${settings} FORMAT ${fmt}`, headers));
  }
  const five = rows(5_000_000);
  for (const format of ['TSV', 'CSV', 'JSONEachRow', 'RowBinary']) {
    const body = insertBody(format, five);
    await measure(`insert ${five} rows as ${format}`, 'rows/s', targets, (t) => insertRowsPerSecond(t, format, body, five));
  }
  for (const n of [rows(1_000_000), rows(3_000_000), ten]) {
    await measure(`scaling: stream ${n} rows as TSV`, 'MB/s', targets,
      (t) => streamMBps(t, `SELECT number, toString(number) FROM system.numbers LIMIT ${n} FORMAT TSV`));
  }
  for (const n of [rows(1_000_000), five]) {
    const body = insertBody('TSV', n);
    await measure(`scaling: insert ${n} rows as TSV`, 'rows/s', targets, (t) => insertRowsPerSecond(t, 'TSV', body, n));
  }
} finally {
  await Promise.all(targets.map((t) => t.stop()));
}
const load = await starrocksStreamLoad(rows(5_000_000)).catch((err: Error) => {
  process.stderr.write(`bench: StarRocks stream load: ${err.message}\n`);
  return null;
});
figures.push({ name: `StarRocks stream load of ${rows(5_000_000)} CSV rows (FE 307 to BE)`, unit: 'rows/s', higherIsBetter: true,
  values: { reference: load } });
process.stdout.write(`StarRocks stream load (FE 307 to BE)          rows/s  reference ${load?.toFixed(0) ?? '–'}\n`);

// Ratios: the reference over each real server, oriented so that more is better for the reference.
const real = targets.filter((t) => t.name !== 'reference').map((t) => t.name);
const ratios = figures.flatMap((f) => real.flatMap((name) => {
  const ours = f.values.reference;
  const theirs = f.values[name];
  if (ours == null || theirs == null || theirs === 0 || ours === 0) return [];
  return [{ figure: f.name, against: name, ratio: f.higherIsBetter ? ours / theirs : theirs / ours }];
}));
process.stdout.write('\nratios (reference / real server; above 1 the reference is ahead):\n');
for (const r of ratios) process.stdout.write(`  ${r.figure.padEnd(44)} vs ${r.against.padEnd(18)} ${r.ratio.toFixed(2)}x\n`);
await mkdir(REPORTS, { recursive: true });
await writeFile(`${REPORTS}bench.json`, `${JSON.stringify({ date: new Date().toISOString(), quick, targets: targets.map((t) => t.name), figures, ratios }, null, 2)}\n`);
await writeFile(`${REPORTS}bench.svg`, ratioChart(ratios));
process.stdout.write(`bench: reports/bench.json, reports/bench.svg\n`);
