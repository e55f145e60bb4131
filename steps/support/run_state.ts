// What the whole run shares: the target the BeforeAll hook settled on, and a
// nonce that keeps this run's table names apart from any other run's.

import { randomBytes } from 'node:crypto';
import type { StarRocksInfo } from '../targets/starrocks_endpoints.ts';

export interface TargetInfo {
  name: string;
  /** How the target was named (`reference`, `clickhouse-binary=PATH`, a URL), to start another like it. */
  spec?: string;
  url: string;
  /** Base URL of its HTTPS port; @https scenarios are skipped without one. */
  httpsUrl?: string;
  user: string;
  password: string;
  /** As `SELECT version()` answered, e.g. `18.16.1` or `24.8.1.1`; '' when the target has no ClickHouse (url ''). */
  version: string;
  /** The StarRocks cluster of the target, if it has one; @starrocks scenarios are skipped otherwise. */
  starrocks?: StarRocksInfo;
}

/** World parameters `olapspec run` passes; with none, the hooks start a target themselves. */
export interface SuiteParameters {
  target?: TargetInfo;
}

let current: TargetInfo | undefined;
let scenarioCounter = 0;

export const runNonce = randomBytes(3).toString('hex');

export function setRunTarget(target: TargetInfo): void {
  current = target;
}

export function runTarget(): TargetInfo {
  if (!current) throw new Error('no target: the BeforeAll hook did not run or failed');
  return current;
}

export function nextScenarioNumber(): number {
  return ++scenarioCounter;
}
