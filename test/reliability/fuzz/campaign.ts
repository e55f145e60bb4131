// Runs a fuzz campaign with fast-check: each run is a batch of cases sent at
// once; after every batch the server must still answer its health check
// within a second, and the probe table must have changed by exactly the rows
// the server acknowledged. Memory is sampled from /proc at the start and the
// end. A failure names the seed and path to replay it (FUZZ_SEED, FUZZ_PATH)
// and prints every failing case as bytes.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';

export interface CaseResult {
  problems: string[];
  describe(): string;
  /** Rows the server said it stored in the probe table (0 for a refusal). */
  acknowledged: number;
  ms?: number;
}

export interface Campaign<C> {
  name: string;
  /** Cases in all (FUZZ_CASES scales it: see caseBudget). */
  cases: number;
  /** Cases sent at the same time. */
  batch: number;
  arb: fc.Arbitrary<C>;
  run(c: C): Promise<CaseResult>;
  /** undefined when the server answered in time, else why not. */
  health(): Promise<string | undefined>;
  /** Rows in the probe table. */
  count?(): Promise<number>;
  pid?: number;
}

export interface CampaignReport {
  cases: number;
  /** Rows the answers acknowledged in all: a campaign that never stores anything checks little. */
  acknowledged: number;
  ms: number;
  rssStartMb?: number;
  /** RSS half way through: the server's allocators have mostly grown to their plateau by then. */
  rssMidMb?: number;
  rssEndMb?: number;
}

/** This file's share of FUZZ_CASES (default 10,000 for the whole of npm test). */
export function caseBudget(share: number): number {
  const total = Number(process.env.FUZZ_CASES ?? 10_000);
  return Math.max(1, Math.round(total * share));
}

export function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The seed: FUZZ_SEED to replay, else a fixed one per campaign so npm test is the same every time. */
export function seedFor(name: string): number {
  if (process.env.FUZZ_SEED) return Number(process.env.FUZZ_SEED);
  let h = 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

export async function runCampaign<C>(c: Campaign<C>): Promise<CampaignReport> {
  const started = Date.now();
  const runs = Math.max(1, Math.ceil(c.cases / c.batch));
  const seed = seedFor(c.name);
  let rssStart: number | undefined;
  let rssMid: number | undefined;
  let done = 0;
  let lastCount: number | undefined;
  let acknowledgedTotal = 0;
  const property = fc.asyncProperty(fc.array(c.arb, { minLength: c.batch, maxLength: c.batch }), async (cases) => {
    // Nothing else writes the probe table, so the count after one batch is the count before the next.
    const before = lastCount ?? (c.count ? await c.count() : 0);
    const t0 = Date.now();
    const results = await Promise.all(cases.map((x) => c.run(x)));
    if (process.env.FUZZ_TIMING) console.log(`batch ${Date.now() - t0} ms; slowest ${Math.max(...results.map((r) => r.ms ?? 0))} ms`);
    const failures = results.filter((r) => r.problems.length > 0).map((r) => r.describe());
    const t1 = Date.now();
    const health = await c.health();
    if (process.env.FUZZ_TIMING) console.log(`health ${Date.now() - t1} ms`);
    if (health) failures.push(`the server stopped serving after this batch: ${health}`);
    if (c.count) {
      const after = await c.count();
      lastCount = after;
      const acknowledged = results.reduce((n, r) => n + r.acknowledged, 0);
      acknowledgedTotal += acknowledged;
      if (after - before !== acknowledged) {
        failures.push(`the probe table went from ${before} to ${after} rows, but the answers acknowledged ${acknowledged}:\n${results.map((r) => r.describe()).join('\n')}`);
      }
    }
    done += cases.length;
    if (rssStart === undefined && done >= Math.min(c.cases / 10, 500)) rssStart = rssMb(c.pid);
    if (rssMid === undefined && done >= c.cases / 2) rssMid = rssMb(c.pid);
    if (process.env.FUZZ_TIMING && done % 2000 < c.batch) console.log(`${done} cases, RSS ${rssMb(c.pid)?.toFixed(0)} MB, ${Date.now() - started} ms`);
    if (failures.length > 0) throw new Error(`${c.name}: ${failures.length} failing case(s) in a batch of ${cases.length}:\n${failures.join('\n\n')}`);
  });
  await fc.assert(property, {
    numRuns: runs, seed,
    ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
    // Shrinking re-sends whole batches; on by request only (FUZZ_SHRINK=1), the printed cases are usually enough.
    endOnFailure: process.env.FUZZ_SHRINK !== '1',
  });
  return { cases: runs * c.batch, acknowledged: acknowledgedTotal, ms: Date.now() - started, ...(rssStart !== undefined ? { rssStartMb: rssStart } : {}), ...(rssMid !== undefined ? { rssMidMb: rssMid } : {}), ...(rssMb(c.pid) !== undefined ? { rssEndMb: rssMb(c.pid)! } : {}) };
}

/**
 * Memory: RSS never returns to its start (zlib, zstd, brotli and lzma keep
 * what glibc gave them: plain zlib.gunzip of bad input grows RSS the same way),
 * but it reaches a plateau, and a leak does not. So the second half of a
 * campaign may add only a little to what the first half reached.
 */
export function memoryProblem(r: CampaignReport): string | undefined {
  if (r.rssMidMb === undefined || r.rssEndMb === undefined) return undefined;
  const allowed = r.rssMidMb + Math.max(96, r.rssMidMb * 0.2);
  return r.rssEndMb > allowed
    ? `RSS grew from ${r.rssMidMb.toFixed(0)} MB half way to ${r.rssEndMb.toFixed(0)} MB at the end of ${r.cases} cases (allowed ${allowed.toFixed(0)} MB; ${r.rssStartMb?.toFixed(0)} MB after warming up)`
    : undefined;
}
