// Run-wide set-up (which target, which version), per-scenario version gating,
// and the checks that keep scenarios honest: clean up what they made, and never
// let an error answer pass unnoticed.

import { After, AfterAll, Before, BeforeAll, Status, setDefaultTimeout } from '@cucumber/cucumber';
import { startTarget, type RunningTarget } from '../targets/start_target.ts';
import { parseClickHouseError } from './clickhouse_error.ts';
import { configVariantOf, stopVariants, variantTarget, whyNoVariant } from './config_variants.ts';
import { closeHttp } from './http.ts';
import { setRunTarget, type SuiteParameters } from './run_state.ts';
import { describeStarRocks } from '../targets/starrocks_version.ts';
import { detectVersion } from './target_version.ts';
import { outsideRange } from './version.ts';
import { reviveDead } from '../targets/started_targets.ts';
import type { OlapWorld } from './world.ts';

setDefaultTimeout(60_000);

let started: RunningTarget | undefined;

BeforeAll({ timeout: 120_000 }, async function (this: { parameters: SuiteParameters }) {
  const given = this.parameters?.target;
  if (given) {
    setRunTarget(given);
    return;
  }
  // Plain `cucumber-js`: no target was handed over, so start one here.
  const spec = process.env.OLAPSPEC_TARGET || 'reference';
  started = await startTarget(spec, {
    ...(process.env.OLAPSPEC_USER ? { user: process.env.OLAPSPEC_USER } : {}),
    ...(process.env.OLAPSPEC_PASSWORD !== undefined ? { password: process.env.OLAPSPEC_PASSWORD } : {}),
    ...(process.env.OLAPSPEC_QUERY_PORT ? { queryPort: Number(process.env.OLAPSPEC_QUERY_PORT) } : {}),
  });
  const version = started.url ? await detectVersion(started.url, started.user, started.password) : '';
  const starrocks = started.starrocks ? await describeStarRocks(started.starrocks) : undefined;
  if (starrocks?.warning) process.stderr.write(`olapspec: ${starrocks.warning}\n`);
  setRunTarget({ name: started.name, spec, url: started.url, user: started.user, password: started.password, version,
    ...(started.httpsUrl ? { httpsUrl: started.httpsUrl } : {}),
    ...(starrocks ? { starrocks: starrocks.info } : {}) });
});

AfterAll({ timeout: 60_000 }, async function () {
  await closeHttp();
  await stopVariants();
  await started?.stop();
});

// Scenarios about the behaviour of other versions than the target's are skipped, never passed.
// A StarRocks scenario's range is the StarRocks release's (current_version()), any other's ClickHouse's.
Before(function (this: OlapWorld, { pickle }) {
  const tags = pickle.tags.map((tag) => tag.name);
  const version = tags.includes('@starrocks') ? this.target.starrocks?.version ?? '' : this.target.version;
  const why = outsideRange(/^\d/.test(version) ? version : '', tags);
  if (why === undefined) return undefined;
  this.log(`skipped: the scenario's version range excludes the target (${why})`);
  return 'skipped';
});

// After the version check, so that a variant server starts only for a scenario that will run.
Before({ timeout: 120_000 }, async function (this: OlapWorld, { pickle }) {
  const variant = configVariantOf(pickle.tags.map((tag) => tag.name));
  if (variant === undefined) return undefined;
  const why = whyNoVariant(this.target);
  if (why !== undefined) {
    this.log(`skipped: ${why}`);
    return 'skipped';
  }
  this.target = await variantTarget(this.target, variant);
  return undefined;
});

// Registered before the clean-up hook, so it runs after it (After hooks run in reverse).
After(function (this: OlapWorld, { result }) {
  if (result?.status !== Status.PASSED || !this.lastResponse || this.outcomeChecked) return;
  const res = this.lastResponse;
  const code = res.headers['x-clickhouse-exception-code'];
  if (res.status >= 400 || code !== undefined) {
    const parsed = parseClickHouseError(res.body.toString('utf8'));
    throw new Error(`the last response was an error that no step expected: ${res.status}` +
      `${code !== undefined ? ` (X-ClickHouse-Exception-Code ${code})` : ''}` +
      `${parsed ? ` Code ${parsed.code}: ${parsed.message}` : ''}`);
  }
});

After(async function (this: OlapWorld, { pickle }) {
  // StarRocks scenarios clean up over the MySQL protocol (steps/starrocks/hooks.ts).
  if (pickle.tags.some((tag) => tag.name === '@starrocks')) return;
  for (const name of this.names.values()) {
    // Names are either tables in the default database or databases; dropping both ways is harmless.
    await this.exec(`DROP TABLE IF EXISTS default.${name}`);
    await this.exec(`DROP DATABASE IF EXISTS ${name}`);
  }
});

// Registered last, so that it runs first: a server that died in the scenario
// (the library-hosted ClickHouse aborts on some malformed requests) fails it
// with the reason, never as ClickHouse behaviour, and is started again, so the
// clean-up and the next scenarios find it.
After({ timeout: 120_000 }, async function () {
  const deaths = await reviveDead();
  if (deaths.length > 0) throw new Error(`the target's server died during the scenario: ${deaths.join('; ')}`);
});
