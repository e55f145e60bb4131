// `olapspec truth`: is every ClickHouse scenario checked against a real server?
// From the runs under a reports folder, each scenario of the latest real
// ClickHouse 26.7 run is in one of three states, or the check fails:
//   - passed there;
//   - an expected failure there (its expectation file gives the reason);
//   - outside that version's range, and passing on a run that covers its range:
//     a real ClickHouse 18.16, or the reference in its 24.8 mode;
//   - outside the range of every run here (say 24.11 to 25.10), with the
//     ClickHouse source file or pull request it was read from named in a comment
//     right above it: no server in CI can check it, and the comment says why it holds.
// A scenario in none of these has not been checked against anything real.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunResults, ScenarioResult } from '../steps/runner.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// A pull request (PR #12345) or a file of ClickHouse's source (src/…, programs/…, a .cpp or .h).
const CITATION = /PR #\d+|\b(?:src|programs|base|tests)\/[\w/.-]+|\b\w+\.(?:cpp|h)\b/;

/** The comment lines right above a scenario (above its tags), as the feature file has them. */
export function commentAbove(uri: string, line: number | undefined, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): string {
  if (line === undefined) return '';
  let lines: string[];
  try {
    lines = read(join(ROOT, uri)).split('\n');
  } catch {
    return '';
  }
  const comments: string[] = [];
  for (let i = line - 2; i >= 0; i--) {
    const text = lines[i]!.trim();
    if (text.startsWith('@')) continue;
    if (!text.startsWith('#')) break;
    comments.unshift(text);
  }
  return comments.join('\n');
}

export interface TruthReport {
  /** The 26.7 run the check is about. */
  modern: string;
  checked: number;
  expected: number;
  ranged: number;
  /** Outside every run's range, read from the source the comment above it names. */
  fromSource: number;
  unchecked: { scenario: ScenarioResult; why: string }[];
}

const key = (sc: ScenarioResult): string => `${sc.uri}\u0000${sc.line ?? ''}\u0000${sc.name}`;
const isClickHouse = (sc: ScenarioResult): boolean => !sc.tags.includes('@starrocks');

/** The run of the newest real target whose version starts with `line`, or undefined. */
function latest(runs: RunResults[], line: string, targets: (name: string) => boolean): RunResults | undefined {
  return runs.filter((r) => targets(r.target) && r.version.startsWith(`${line}.`))
    .sort((a, b) => a.date.localeCompare(b.date)).at(-1);
}

// Real servers only: the reference never counts as the truth for 26.7.
const REAL_26_7 = (name: string): boolean => name.startsWith('clickhouse-');
const OLD_RANGE = (name: string): boolean => name === 'clickhouse-binary' || name.startsWith('clickhouse-container') || name === 'reference=24.8';

export function checkTruth(runs: RunResults[], comments: (sc: ScenarioResult) => string = (sc) => commentAbove(sc.uri, sc.line)): TruthReport | undefined {
  const modern = latest(runs, '26.7', REAL_26_7);
  if (!modern) return undefined;
  const older = runs.filter((r) => OLD_RANGE(r.target));
  const passedElsewhere = new Map<string, string>();
  for (const run of older) {
    for (const sc of run.scenarios) if (sc.status === 'passed') passedElsewhere.set(key(sc), `${run.target} ${run.version}`);
  }
  const report: TruthReport = { modern: `${modern.target} ${modern.version}`, checked: 0, expected: 0, ranged: 0, fromSource: 0, unchecked: [] };
  const skippedByAll = (sc: ScenarioResult): boolean => older.every((run) => run.scenarios.every((o) => key(o) !== key(sc) || o.status === 'skipped'));
  for (const sc of modern.scenarios.filter(isClickHouse)) {
    if (sc.status === 'passed') report.checked++;
    else if (sc.status === 'expected-failure') report.expected++;
    else if (sc.status === 'skipped' && passedElsewhere.has(key(sc))) report.ranged++;
    else if (sc.status === 'skipped' && skippedByAll(sc) && CITATION.test(comments(sc))) report.fromSource++;
    else {
      report.unchecked.push({ scenario: sc, why: sc.status === 'skipped'
        ? 'skipped on 26.7, passing on no run that covers its version range, and naming no source or PR in a comment'
        : `${sc.status} on 26.7 and not in its expectation file` });
    }
  }
  return report;
}
