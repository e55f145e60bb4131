// StarRocks users from the serve config's <starrocks> section (XML or YAML).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { starRocksUsersFromConfig } from '../../reference/starrocks/config.ts';
import { StarRocksUsers } from '../../reference/starrocks/users.ts';

test('users and their roles come from <starrocks><users>; root stays', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'olapspec-sr-config-'));
  try {
    const xml = join(dir, 'config.xml');
    await writeFile(xml, `<clickhouse><http_port>8123</http_port><starrocks><users>
      <etl><password>secret</password><roles>db_admin, user_admin</roles></etl><reader><password/></reader>
    </users></starrocks></clickhouse>`);
    const config = starRocksUsersFromConfig(xml)!;
    assert.deepEqual(config, [{ name: 'etl', password: 'secret', roles: ['db_admin', 'user_admin'] }, { name: 'reader', password: '' }]);
    const users = new StarRocksUsers(config);
    assert.ok(users.isAdmin(users.authenticate('etl', 'secret')!));
    assert.equal(users.isAdmin(users.authenticate('reader', '')!), false);
    assert.ok(users.authenticate('root', ''));
    const yaml = join(dir, 'config.yaml');
    await writeFile(yaml, 'http_port: 8123\nstarrocks:\n  users:\n    etl:\n      password: x\n');
    assert.deepEqual(starRocksUsersFromConfig(yaml), [{ name: 'etl', password: 'x' }]);
    await writeFile(xml, '<clickhouse><http_port>8123</http_port></clickhouse>');
    assert.equal(starRocksUsersFromConfig(xml), undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
