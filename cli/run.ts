// `olapspec run`: start (or reach) a target, run the features against it with
// cucumber, write the reports, and take the target down again.

import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectVersion } from '../steps/support/target_version.ts';
import type { SuiteParameters } from '../steps/support/run_state.ts';
import { startTarget, targetSlug } from '../steps/targets/start_target.ts';
import { describeStarRocks } from '../steps/targets/starrocks_version.ts';
import { applyExpectations, expectationsPath, loadExpectations, runSucceeded } from './expectations.ts';
import { Progress, progressWanted } from './progress.ts';
import { ResultCollector, type RunResults } from './results.ts';

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
    const version = target.url ? await detectVersion(target.url, target.user, target.password) : '';
    const starrocks = target.starrocks ? await describeStarRocks(target.starrocks) : undefined;
    if (starrocks?.warning) process.stderr.write(`olapspec: ${starrocks.warning}\n`);
    const serves = [
      ...(target.url ? [`ClickHouse ${version} (${target.url})`] : []),
      ...(starrocks ? [`StarRocks ${starrocks.info.version} (FE ${starrocks.info.fe})`] : []),
    ];
    process.stdout.write(`olapspec: running the features against ${target.name}: ${serves.join(', ')}\n`);

    const parameters: SuiteParameters = {
      target: { name: target.name, spec: options.target, url: target.url, user: target.user, password: target.password, version,
        ...(target.httpsUrl ? { httpsUrl: target.httpsUrl } : {}),
        ...(starrocks ? { starrocks: starrocks.info } : {}) },
    };
    const environment = { cwd: ROOT };
    // On a terminal one updating line (progress.ts) and cucumber's summary at the end; elsewhere its dots as before.
    const progress = progressWanted() ? new Progress() : undefined;
    const { runConfiguration } = await loadConfiguration({
      file: 'cucumber.json',
      provided: {
        format: [
          progress ? 'summary' : 'progress',
          ['junit', join(reportDir, 'junit.xml')],
          ['html', join(reportDir, 'report.html')],
          ['message', join(reportDir, 'messages.ndjson')],
        ],
        formatOptions: { junit: { suiteName: `olapspec ${target.name}` } },
        worldParameters: parameters as Record<string, unknown> as never,
        ...(options.tags !== undefined ? { tags: options.tags } : {}),
      },
    }, environment);

    const collector = new ResultCollector();
    const startedAt = new Date();
    const expectations = target.host && version ? await loadExpectations(expectationsPath(target.host, version)) : undefined;
    try {
      await runCucumber(runConfiguration, environment, (envelope) => {
        collector.onMessage(envelope);
        progress?.onMessage(envelope);
      });
    } finally {
      progress?.stop();
    }
    const results = applyExpectations(collector.results({ target: target.name, url: target.url || (starrocks?.info.fe ?? ''),
      version: version || (starrocks?.info.version ?? ''), date: startedAt }), expectations);
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
