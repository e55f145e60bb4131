import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickhouseConfigXml, clickhouseUsersXml } from '../../steps/targets/clickhouse_config.ts';
import { startTarget, targetSlug } from '../../steps/targets/start_target.ts';

test('a URL target needs no process and takes credentials from the options first', async () => {
  const target = await startTarget('http://u:p%40ss@127.0.0.1:8123/', { user: 'admin' });
  assert.equal(target.url, 'http://127.0.0.1:8123');
  assert.equal(target.user, 'admin');
  assert.equal(target.password, 'p@ss');
  await target.stop();
});

test('an unknown target names the ones there are', async () => {
  await assert.rejects(startTarget('mysql'), /use reference, clickhouse-binary\[=PATH\] or a URL/);
});

test('report directories are named after the target', () => {
  assert.equal(targetSlug('reference'), 'reference');
  assert.equal(targetSlug('clickhouse-binary=/opt/ch/clickhouse-server'), 'clickhouse-binary');
  assert.equal(targetSlug('http://db.example:8123'), 'db.example_8123');
});

test('the generated ClickHouse configuration stays on loopback and in its directory', () => {
  const xml = clickhouseConfigXml({ dir: '/tmp/x', httpPort: 18123, tcpPort: 19000 });
  assert.match(xml, /<http_port>18123<\/http_port>/);
  assert.match(xml, /<tcp_port>19000<\/tcp_port>/);
  assert.match(xml, /<listen_host>127\.0\.0\.1<\/listen_host>/);
  for (const tag of ['path', 'tmp_path', 'user_files_path', 'format_schema_path']) {
    assert.match(xml, new RegExp(`<${tag}>/tmp/x/`));
  }
  assert.match(clickhouseUsersXml(), /<default>\s*<password><\/password>/);
});
