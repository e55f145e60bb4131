// `olapspec run`: start (or reach) a target, run the features against it with
// cucumber, write the reports, and take the target down again.

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeTarget, runFeatures, startTarget, targetSlug, type RunResults } from '../steps/runner.ts';
import { applyExpectations, expectationsPath, loadExpectations, runSucceeded } from './expectations.ts';
import { Progress, progressWanted } from './progress.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RunOptions {
  target: string;
  tags?: string;
  report?: string;
  user?: string;
  password?: string;
  /** The StarRocks FE's MySQL query port, for a starrocks target. */
  queryPort?: number;
}

/** Runs the suite; resolves to the process exit status. */
export async function run(options: RunOptions): Promise<number> {
  const reportDir = resolve(options.report ?? join(ROOT, 'reports', targetSlug(options.target)));
  const target = await startTarget(options.target, {
    ...(options.user !== undefined ? { user: options.user } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.queryPort !== undefined ? { queryPort: options.queryPort } : {}),
  });
  // A started server must not outlive an interrupted run, even one interrupted while stopping.
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= target.stop());
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`olapspec: ${signal}: stopping ${target.name}\n`);
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await mkdir(reportDir, { recursive: true });
    const { info, serves, warning } = await describeTarget(target, options.target);
    if (warning) process.stderr.write(`olapspec: ${warning}\n`);
    process.stdout.write(`olapspec: running the features against ${target.name}: ${serves.join(', ')}\n`);

    // On a terminal one updating line (progress.ts) and cucumber's summary at the end; elsewhere its dots as before.
    const progress = progressWanted() ? new Progress() : undefined;
    const expectations = target.host && info.version ? await loadExpectations(expectationsPath(target.host, info.version)) : undefined;
    let collected: RunResults;
    try {
      collected = await runFeatures({
        target: info, reportDir, consoleFormat: progress ? 'summary' : 'progress',
        ...(options.tags !== undefined ? { tags: options.tags } : {}),
        ...(progress ? { onMessage: progress.onMessage } : {}),
      });
    } finally {
      progress?.stop();
    }
    const results = applyExpectations(collected, expectations);
    await writeFile(join(reportDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(expectationSummary(results));
    process.stdout.write(`olapspec: reports in ${reportDir}\n`);
    return runSucceeded(results) ? 0 : 1;
  } finally {
    await stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function expectationSummary(results: RunResults): string {
  if (!results.expectations) return '';
  const expected = results.counts['expected-failure'] ?? 0;
  const lines = [`olapspec: ${expected} expected failures (${results.expectations})\n`];
  for (const sc of results.scenarios.filter((s) => s.status === 'unexpected-pass')) {
    lines.push(`olapspec: PASSED, but ${results.expectations} expects it to fail: ${sc.uri}: ${sc.name}\n`);
  }
  return lines.join('');
}
