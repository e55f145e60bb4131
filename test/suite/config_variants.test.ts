import assert from 'node:assert/strict';
import { test } from 'node:test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../reference/clickhouse/config.ts';
import { configVariantOf, stopVariants, variantTarget, whyNoVariant } from '../../steps/support/config_variants.ts';
import type { TargetInfo } from '../../steps/support/run_state.ts';
import { writeTargetConfig } from '../../steps/targets/target_config.ts';

const target = (spec: string | undefined): TargetInfo =>
  ({ name: spec ?? 'x', ...(spec !== undefined ? { spec } : {}), url: 'http://127.0.0.1:1', user: 'default', password: '', version: '24.8.1.1' });

test('a scenario names at most one configuration variant', () => {
  assert.equal(configVariantOf(['@clickhouse', '@since:21.10']), undefined);
  assert.equal(configVariantOf(['@clickhouse', '@server-config:cors']), 'cors');
  assert.throws(() => configVariantOf(['@server-config:a', '@server-config:b']), /one server configuration/);
});

test('only targets the suite starts can be started again with a variant', () => {
  assert.equal(whyNoVariant(target('reference')), undefined);
  assert.equal(whyNoVariant(target('clickhouse-binary')), undefined);
  assert.equal(whyNoVariant(target('clickhouse-binary=/opt/clickhouse-server')), undefined);
  assert.match(whyNoVariant(target('http://db:8123'))!, /not started by olapspec/);
  assert.match(whyNoVariant(target(undefined))!, /not started by olapspec/);
});

test('a variant is written as a config.d override that the reference merges', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'olapspec-variant-test-'));
  try {
    const plain = loadConfig(await writeTargetConfig(dir, { httpPort: 0, tcpPort: 0, httpsPort: 0 }));
    assert.equal(plain.httpOptionsResponse, undefined, 'config.xml itself must not configure http_options_response');
    const configFile = await writeTargetConfig(dir, { httpPort: 0, tcpPort: 0, httpsPort: 0 }, 'cors');
    assert.ok(existsSync(join(dir, 'config.d', 'cors.xml')));
    assert.deepEqual(loadConfig(configFile).httpOptionsResponse, [
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Headers', 'origin, x-requested-with'],
      ['Access-Control-Allow-Methods', 'POST, GET, OPTIONS'],
      ['Access-Control-Max-Age', '86400'],
    ]);
    await assert.rejects(writeTargetConfig(dir, { httpPort: 0, tcpPort: 0, httpsPort: 0 }, '../config'), /not a configuration variant/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a variant of the reference is a second reference server, started once and stopped with the others', async () => {
  const main = target('reference');
  try {
    const first = await variantTarget(main, 'cors');
    const again = await variantTarget(main, 'cors');
    assert.equal(again.url, first.url);
    assert.notEqual(first.url, main.url);
    assert.equal(first.version, main.version);
    const res = await fetch(`${first.url}/`, { method: 'OPTIONS' });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-max-age'), '86400');
  } finally {
    await stopVariants();
  }
});
