import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configMergeFiles, mergeConfigTrees } from '../../reference/config/config-merge.ts';
import { orderedEntries } from '../../reference/config/config-tree.ts';
import type { ConfigObject } from '../../reference/config/config-tree.ts';
import { loadConfig } from '../../reference/clickhouse/config.ts';

test('override files: <name>.d and conf.d, xml/conf/yaml/yml, no hidden files, in full-path order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-merge-'));
  mkdirSync(join(dir, 'config.d'));
  mkdirSync(join(dir, 'conf.d'));
  for (const name of ['b.xml', 'a.yaml', '.hidden.xml', 'notes.txt']) writeFileSync(join(dir, 'config.d', name), '<clickhouse/>');
  writeFileSync(join(dir, 'conf.d', 'z.conf'), '<clickhouse/>');
  assert.deepEqual(configMergeFiles(join(dir, 'config.xml')),
    [join(dir, 'conf.d', 'z.conf'), join(dir, 'config.d', 'a.yaml'), join(dir, 'config.d', 'b.xml')]);
  assert.deepEqual(configMergeFiles(join(dir, 'users.xml')), [join(dir, 'conf.d', 'z.conf')]);
});

test('merging: sections merge by name, leaves are replaced, new elements are appended, repeats pair up in order', () => {
  const base: ConfigObject = { a: '1', s: { x: '1', y: '2' }, r: [{ n: 'first' }, { n: 'second' }] };
  const over: ConfigObject = { s: { y: '3', z: '4' }, a: '5', r: [{ v: 'one' }, { v: 'two' }, { v: 'three' }], b: '6' };
  const merged = mergeConfigTrees(base, over);
  assert.deepEqual(JSON.parse(JSON.stringify(merged)), {
    a: '5', s: { x: '1', y: '3', z: '4' }, r: [{ n: 'first', v: 'one' }, { n: 'second', v: 'two' }, { v: 'three' }], b: '6',
  });
  assert.deepEqual(orderedEntries(merged).map(([name]) => name), ['a', 's', 'r', 'r', 'r', 'b']);
  assert.deepEqual(base.s, { x: '1', y: '2' }, 'the base is left as it was');
});

test('loadConfig merges config.d: an http_options_response from an override', () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-merge-'));
  writeFileSync(join(dir, 'config.xml'), '<yandex><display_name>base</display_name><http_port>0</http_port></yandex>');
  mkdirSync(join(dir, 'config.d'));
  writeFileSync(join(dir, 'config.d', 'cors.xml'), `<yandex><display_name>merged</display_name><http_options_response>
    <header><name>Access-Control-Allow-Origin</name><value>*</value></header>
    <header><name></name><value>skipped</value></header>
    <header><name>Access-Control-Max-Age</name><value>86400</value></header>
  </http_options_response></yandex>`);
  const cfg = loadConfig(join(dir, 'config.xml'));
  assert.equal(cfg.displayName, 'merged');
  assert.equal(cfg.httpPort, 0);
  assert.deepEqual(cfg.httpOptionsResponse, [['Access-Control-Allow-Origin', '*'], ['Access-Control-Max-Age', '86400']]);
});
