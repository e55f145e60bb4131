// StarRocks scenarios: run only where the target has a StarRocks cluster (and
// ClickHouse scenarios only where it has ClickHouse), fail on an error answer
// no step looked at, and drop what the scenario created over MySQL.

import { After, Before, Status } from '@cucumber/cucumber';
import { existingSession } from './support/session.ts';
import { starrocksFailure } from './support/failures.ts';
import type { OlapWorld } from '../support/world.ts';

const hasTag = (tags: readonly { name: string }[], name: string) => tags.some((tag) => tag.name === name);

// Product tags say what a scenario needs; a target without it shows the scenario as skipped.
Before(function (this: OlapWorld, { pickle }) {
  if (hasTag(pickle.tags, '@starrocks') && !this.target.starrocks) return 'skipped';
  if (hasTag(pickle.tags, '@clickhouse') && !this.target.url) return 'skipped';
  // They stop the node they talk to; a run takes them only when asked to (README, shutdown.feature).
  if (hasTag(pickle.tags, '@destructive') && process.env.OLAPSPEC_DESTRUCTIVE !== '1') return 'skipped';
  return undefined;
});

// Registered before the clean-up hook, so it runs after it (After hooks run in reverse).
After(function (this: OlapWorld, { pickle, result }) {
  if (!hasTag(pickle.tags, '@starrocks') || result?.status !== Status.PASSED) return;
  if (!this.lastResponse || this.outcomeChecked) return;
  const failure = starrocksFailure(this.lastResponse);
  if (failure) throw new Error(`the last answer reported a failure that no step expected: ${failure}`);
});

After({ timeout: 120_000 }, async function (this: OlapWorld, { pickle }) {
  if (!hasTag(pickle.tags, '@starrocks')) return;
  await existingSession(this)?.cleanUp();
});
