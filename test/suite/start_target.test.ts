import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderTemplate, writeTargetConfig } from '../../steps/targets/target_config.ts';
import { startTarget, targetSlug } from '../../steps/targets/start_target.ts';

test('a URL target needs no process and takes credentials from the options first', async () => {
  const target = await startTarget('http://u:p%40ss@127.0.0.1:8123/', { user: 'admin' });
  assert.equal(target.url, 'http://127.0.0.1:8123');
  assert.equal(target.user, 'admin');
  assert.equal(target.password, 'p@ss');
  await target.stop();
});

test('an unknown target names the ones there are', async () => {
  await assert.rejects(startTarget('mysql'), /use reference, clickhouse-binary\[=PATH\].* or a URL/);
});

test('report directories are named after the target', () => {
  assert.equal(targetSlug('reference'), 'reference');
  assert.equal(targetSlug('clickhouse-binary=/opt/ch/clickhouse-server'), 'clickhouse-binary');
  assert.equal(targetSlug('http://db.example:8123'), 'db.example_8123');
});

test('the configuration template fills in every placeholder or refuses', () => {
  assert.equal(renderTemplate('<a>{{dir}}/x</a><p>{{http_port}}</p>', { dir: '/t', http_port: 1 }), '<a>/t/x</a><p>1</p>');
  assert.throws(() => renderTemplate('{{nope}}', {}), /\{\{nope\}\}/);
});

test('the written ClickHouse configuration stays on loopback and in its directory', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'olapspec-config-test-'));
  try {
    const configFile = await writeTargetConfig(dir, { httpPort: 18123, tcpPort: 19000, httpsPort: 18443 });
    const xml = await readFile(configFile, 'utf8');
    assert.match(xml, /<http_port>18123<\/http_port>/);
    assert.match(xml, /<tcp_port>19000<\/tcp_port>/);
    assert.match(xml, /<https_port>18443<\/https_port>/);
    assert.match(xml, /<listen_host>127\.0\.0\.1<\/listen_host>/);
    assert.doesNotMatch(xml, /\{\{/);
    for (const tag of ['path', 'tmp_path', 'user_files_path', 'format_schema_path', 'certificateFile', 'privateKeyFile']) {
      assert.match(xml, new RegExp(`<${tag}>${dir}/`));
    }
    assert.match(await readFile(join(dir, 'server.crt'), 'utf8'), /BEGIN CERTIFICATE/);
    assert.match(await readFile(join(dir, 'users.xml'), 'utf8'), /<default>\s*<password><\/password>/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
