// `olapspec truth`: is every ClickHouse scenario checked against a real server?
// From the runs under a reports folder, each scenario of the latest real
// ClickHouse 26.7 run is in one of three states, or the check fails:
//   - passed there;
//   - an expected failure there (its expectation file gives the reason);
//   - outside that version's range, and passing on a run that covers its range:
//     a real ClickHouse 18.16, or the reference in its 24.8 mode.
// A scenario in none of these has not been checked against anything real.

import type { RunResults, ScenarioResult } from './results.ts';

export interface TruthReport {
  /** The 26.7 run the check is about. */
  modern: string;
  checked: number;
  expected: number;
  ranged: number;
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

export function checkTruth(runs: RunResults[]): TruthReport | undefined {
  const modern = latest(runs, '26.7', REAL_26_7);
  if (!modern) return undefined;
  const older = runs.filter((r) => OLD_RANGE(r.target));
  const passedElsewhere = new Map<string, string>();
  for (const run of older) {
    for (const sc of run.scenarios) if (sc.status === 'passed') passedElsewhere.set(key(sc), `${run.target} ${run.version}`);
  }
  const report: TruthReport = { modern: `${modern.target} ${modern.version}`, checked: 0, expected: 0, ranged: 0, unchecked: [] };
  for (const sc of modern.scenarios.filter(isClickHouse)) {
    if (sc.status === 'passed') report.checked++;
    else if (sc.status === 'expected-failure') report.expected++;
    else if (sc.status === 'skipped' && passedElsewhere.has(key(sc))) report.ranged++;
    else {
      report.unchecked.push({ scenario: sc, why: sc.status === 'skipped'
        ? 'skipped on 26.7 and passing on no run that covers its version range'
        : `${sc.status} on 26.7 and not in its expectation file` });
    }
  }
  return report;
}
