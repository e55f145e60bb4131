// What the whole run shares: the target the BeforeAll hook settled on, and a
// nonce that keeps this run's table names apart from any other run's.

import { randomBytes } from 'node:crypto';

export interface TargetInfo {
  name: string;
  url: string;
  user: string;
  password: string;
  /** As `SELECT version()` answered, e.g. `18.16.1` or `24.8.1.1`. */
  version: string;
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
