// The suite as a library: what the command line (cli/) and other tools may use
// of steps/ and nothing else. Start a target by its spec, learn what it serves,
// run the features against it with cucumber, and read back how each scenario
// ended (steps/results.ts). The step definitions and their support stay
// internal to the suite.

import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResultCollector, type Envelope, type RunResults } from './results.ts';
import type { SuiteParameters, TargetInfo } from './support/run_state.ts';
import { detectVersion } from './support/target_version.ts';
import type { RunningTarget } from './targets/start_target.ts';
import { describeStarRocks } from './targets/starrocks_version.ts';

export { startTarget, targetSlug, type RunningTarget, type TargetOptions } from './targets/start_target.ts';
export { TargetUnavailable } from './targets/target.ts';
export { dockerCall, dockerEndpoint, imageLabels, type DockerEndpoint } from './targets/docker_api.ts';
export { outsideRange, sinceRequirement, untilRequirement } from './support/version.ts';
export { ResultCollector, type Envelope, type RunResults, type ScenarioResult, type ScenarioStatus } from './results.ts';
export type { TargetInfo } from './support/run_state.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface TargetDescription {
  /** What the scenarios are told about the target (the World's parameters). */
  info: TargetInfo;
  /** What it serves, one item per product, for a person: `ClickHouse 26.7.2.1 (http://…)`. */
  serves: string[];
  /** Why part of it could not be described; the scenarios then show what fails. */
  warning?: string;
}

/** Asks a started target what it serves: ClickHouse's `SELECT version()`, StarRocks' version. */
export async function describeTarget(target: RunningTarget, spec: string): Promise<TargetDescription> {
  const version = target.url ? await detectVersion(target.url, target.user, target.password) : '';
  const starrocks = target.starrocks ? await describeStarRocks(target.starrocks) : undefined;
  const info: TargetInfo = {
    name: target.name, spec, url: target.url, user: target.user, password: target.password, version,
    ...(target.httpsUrl ? { httpsUrl: target.httpsUrl } : {}),
    ...(starrocks ? { starrocks: starrocks.info } : {}),
  };
  const serves = [
    ...(target.url ? [`ClickHouse ${version} (${target.url})`] : []),
    ...(starrocks ? [`StarRocks ${starrocks.info.version} (FE ${starrocks.info.fe})`] : []),
  ];
  return { info, serves, ...(starrocks?.warning ? { warning: starrocks.warning } : {}) };
}

export interface FeatureRun {
  target: TargetInfo;
  /** A cucumber tag expression; every feature when absent. */
  tags?: string;
  /** Where junit.xml, report.html and messages.ndjson go. */
  reportDir: string;
  /** Cucumber's formatter on stdout: its dots ('progress') or only the closing 'summary'. */
  consoleFormat: 'progress' | 'summary';
  /** Every cucumber message as it comes (a progress line, say). */
  onMessage?: (envelope: Envelope) => void;
}

/** Runs the features (cucumber.json) against a described target; how each scenario ended, without expectations applied. */
export async function runFeatures(run: FeatureRun): Promise<RunResults> {
  const { target, reportDir } = run;
  const parameters: SuiteParameters = { target };
  const environment = { cwd: ROOT };
  const { runConfiguration } = await loadConfiguration({
    file: 'cucumber.json',
    provided: {
      format: [
        run.consoleFormat,
        ['junit', join(reportDir, 'junit.xml')],
        ['html', join(reportDir, 'report.html')],
        ['message', join(reportDir, 'messages.ndjson')],
      ],
      formatOptions: { junit: { suiteName: `olapspec ${target.name}` } },
      worldParameters: parameters as Record<string, unknown> as never,
      ...(run.tags !== undefined ? { tags: run.tags } : {}),
    },
  }, environment);
  const collector = new ResultCollector();
  const startedAt = new Date();
  await runCucumber(runConfiguration, environment, (envelope) => {
    collector.onMessage(envelope);
    run.onMessage?.(envelope);
  });
  return collector.results({ target: target.name, url: target.url || (target.starrocks?.fe ?? ''),
    version: target.version || (target.starrocks?.version ?? ''), date: startedAt });
}
