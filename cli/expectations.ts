// Expectation files: per real target (vendor, host and version), the scenarios
// known to fail there, each with its reason and evidence, as wpt's expectation
// files and LocalStack's parity lists keep them. An expected failure does not
// fail the run; an expected failure that passes does, so the file stays true.
// They record how a host differs from clickhouse-server, never a wrong scenario.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { RunResults, ScenarioResult } from '../steps/runner.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EXPECTATIONS_DIR = join(ROOT, 'expectations');

export interface Expectation {
  feature: string;
  scenario: string;
  reason: string;
  evidence: string;
}

export interface ExpectationFile {
  path: string;
  expected: Expectation[];
}

/** `clickhouse-chdb` and `26.7.2.1` → expectations/clickhouse-chdb-26.7.yaml. */
export function expectationsPath(host: string, version: string): string {
  const line = version.split('.').slice(0, 2).join('.');
  return join(EXPECTATIONS_DIR, `${host}-${line}.yaml`);
}

function fail(path: string, why: string): never {
  throw new Error(`${path}: ${why}`);
}

/** Reads and checks a file; undefined when the target has none. */
export async function loadExpectations(path: string): Promise<ExpectationFile | undefined> {
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (text === undefined) return undefined;
  const doc = parse(text) as { 'expected-failures'?: unknown } | null;
  const list = doc?.['expected-failures'] ?? [];
  if (!Array.isArray(list)) fail(path, 'expected-failures must be a list');
  const expected = list.map((entry: Record<string, unknown>, i) => {
    for (const key of ['feature', 'scenario', 'reason', 'evidence']) {
      if (typeof entry?.[key] !== 'string' || entry[key] === '') fail(path, `entry ${i + 1} has no ${key}`);
    }
    return entry as unknown as Expectation;
  });
  // A name that no feature has any more is a stale entry: say so rather than let it hide nothing.
  for (const e of expected) {
    const feature = await readFile(join(ROOT, e.feature), 'utf8').catch(() => fail(path, `no feature file ${e.feature}`));
    if (!new RegExp(`^\\s*Scenario(?: Outline)?: ${escapeRegExp(e.scenario)}\\s*$`, 'm').test(feature)) {
      fail(path, `${e.feature} has no scenario named "${e.scenario}"`);
    }
  }
  return { path, expected };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function expectationOf(file: ExpectationFile, sc: ScenarioResult): Expectation | undefined {
  return file.expected.find((e) => e.feature === sc.uri && e.scenario === sc.name);
}

/** Results with expected failures marked: `expected-failure`, or `unexpected-pass` when one passed. */
export function applyExpectations(results: RunResults, file: ExpectationFile | undefined): RunResults {
  if (!file) return results;
  const counts: RunResults['counts'] = {};
  const scenarios = results.scenarios.map((sc) => {
    const expected = expectationOf(file, sc);
    let marked = sc;
    if (expected && sc.status === 'failed') marked = { ...sc, status: 'expected-failure', reason: expected.reason };
    else if (expected && sc.status === 'passed') marked = { ...sc, status: 'unexpected-pass', reason: expected.reason };
    counts[marked.status] = (counts[marked.status] ?? 0) + 1;
    return marked;
  });
  return { ...results, expectations: file.path.slice(ROOT.length), counts, scenarios };
}

/** A run passes when nothing failed that was not expected to, and nothing expected to fail passed. */
export function runSucceeded(results: RunResults): boolean {
  return results.scenarios.every((sc) => ['passed', 'skipped', 'expected-failure'].includes(sc.status));
}
