import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine, Settings, context, run, value } from './helpers.ts';

const HELP = '\n\nIf you have installed ClickHouse and forgot password you can reset it in the configuration file.\n'
  + 'The password for default user is typically located at /etc/clickhouse-server/users.d/default-password.xml\n'
  + 'and deleting this file will reset the password.\n'
  + 'See also /etc/clickhouse-server/users.xml on the server where ClickHouse is installed.\n\n';

test('authenticate: default user, wrong password, unknown user, networks, sha256', () => {
  const e = createClickHouseEngine({
    access: {
      users: {
        default: { password: '' },
        alice: { passwordSha256Hex: '8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92', networks: { ip: ['127.0.0.1/8', '::1'] } },
      },
      profiles: { default: {} },
    },
  });
  assert.equal(e.authenticate('default', '').name, 'default');
  assert.throws(() => e.authenticate('default', 'x'), { code: 516, message: `default: Authentication failed: password is incorrect, or there is no user with such name${HELP}` });
  assert.throws(() => e.authenticate('nobody', ''), { code: 516, message: 'nobody: Authentication failed: password is incorrect, or there is no user with such name' });
  assert.equal(e.authenticate('alice', '123456', '127.0.0.1').name, 'alice');
  assert.equal(e.authenticate('alice', '123456', '::ffff:127.0.0.1').name, 'alice');
  assert.throws(() => e.authenticate('alice', '123456', '10.0.0.1'), { code: 516 });
});

test('profiles: inheritance, readonly, unknown profile', () => {
  const e = createClickHouseEngine({
    access: {
      users: { default: { password: '', profile: 'web' } },
      profiles: { default: {}, base: { settings: { max_threads: 3 } }, web: { profiles: ['base'], settings: { readonly: 1, max_rows_to_read: 100 } } },
    },
  });
  const s = new Settings();
  e.applyUserSettings('default', s);
  assert.equal(s.get('max_threads'), 3);
  assert.equal(s.get('readonly'), 1);
  assert.throws(() => s.set('max_rows_to_read', '5'), { code: 164 });
  assert.throws(() => e.applyProfile(new Settings(), 'nope'), {
    code: 180, message: 'There is no settings profile `nope` in user directories: , while trying to set settings profile nope',
  });
});

test('roles: create, grant, role parameter, SET ROLE, currentRoles()', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE ROLE r1');
  await run(e, 'CREATE ROLE IF NOT EXISTS r1, r2');
  await assert.rejects(run(e, 'CREATE ROLE r1'), { code: 493, message: 'role `r1`: cannot insert because role `r1` already exists in local_directory' });
  await run(e, "CREATE USER u IDENTIFIED WITH plaintext_password BY 'pw'");
  await run(e, 'GRANT r1 TO u');
  assert.equal(e.authenticate('u', 'pw').name, 'u');
  assert.deepEqual(e.checkRoles('u', ['r1', 'r1']), ['r1']);
  assert.throws(() => e.checkRoles('u', ['nope']), { code: 511, message: 'There is no role `nope` in user directories' });
  assert.throws(() => e.checkRoles('u', ['r2']), { code: 512, message: 'Role r2 should be granted to set as a current' });
  assert.deepEqual(await value(e, 'SELECT currentRoles()', context({ user: 'u' })), ['r1']);
  const scope = e.createSessionScope('s');
  await run(e, 'SET ROLE NONE', context({ user: 'u', scope }));
  assert.deepEqual(await value(e, 'SELECT currentRoles()', context({ user: 'u', scope })), []);
  await assert.rejects(run(e, 'SET ROLE r2', context({ user: 'u', scope })), { code: 512, message: 'Role should be granted to set current' });
  assert.deepEqual((await run(e, 'SHOW GRANTS FOR u')).rows, [['GRANT r1 TO u']]);
  assert.deepEqual((await run(e, 'SHOW ROLES')).rows, [['r1'], ['r2']]);
  assert.deepEqual((await run(e, "SELECT granted_role_name FROM system.role_grants WHERE user_name = 'u'")).rows, [['r1']]);
  await assert.rejects(run(e, 'GRANT r1 TO default'), { code: 495, message: 'Cannot update user `default` in users_xml because this storage is readonly' });
  await assert.rejects(run(e, 'DROP USER default'), { code: 495, message: 'Cannot remove user `default` from users_xml because this storage is readonly' });
});

test('privileges: SELECT columns, INSERT, CREATE, via roles; ACCESS_DENIED texts', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE t (a UInt8, b String) ENGINE = Memory');
  await run(e, "INSERT INTO t VALUES (1, 'x')");
  await run(e, 'CREATE USER u IDENTIFIED WITH no_password');
  const u = () => context({ user: 'u' });
  await assert.rejects(run(e, 'SELECT a FROM t', u()), { code: 497, message: "u: Not enough privileges. To execute this query, it's necessary to have the grant SELECT(a) ON default.t" });
  await assert.rejects(run(e, 'SELECT count() FROM t', u()), { code: 497, message: "u: Not enough privileges. To execute this query, it's necessary to have the grant SELECT for at least one column on default.t" });
  assert.deepEqual((await run(e, 'SELECT 1', u())).rows, [[1]]);
  await run(e, 'GRANT SELECT(a) ON default.t TO u');
  assert.deepEqual((await run(e, 'SELECT a FROM t', u())).rows, [[1]]);
  await assert.rejects(run(e, 'SELECT * FROM t', u()), { message: /grant SELECT\(a, b\) ON default\.t$/ });
  await run(e, 'CREATE ROLE writer');
  await run(e, 'GRANT INSERT, SELECT ON default.* TO writer');
  await run(e, 'GRANT writer TO u');
  await run(e, "INSERT INTO t VALUES (2, 'y')", u());
  await assert.rejects(run(e, 'CREATE TABLE t2 (a UInt8) ENGINE = Memory', u()), { message: "u: Not enough privileges. To execute this query, it's necessary to have the grant CREATE TABLE ON default.t2" });
  await assert.rejects(run(e, 'CREATE ROLE x', u()), { message: "u: Not enough privileges. To execute this query, it's necessary to have the grant CREATE ROLE ON *.*" });
  await run(e, 'REVOKE SELECT(a) ON default.t FROM u');
  assert.deepEqual((await run(e, 'SHOW GRANTS FOR u, writer')).rows, [['GRANT writer TO u'], ['GRANT SELECT, INSERT ON default.* TO writer']]);
  assert.deepEqual((await run(e, 'SHOW GRANTS')).rows, [['GRANT ALL ON *.* TO default WITH GRANT OPTION']]);
  assert.deepEqual((await run(e, 'SHOW TABLES', context({ user: 'u', roles: [] }))).rows, [['t']]);
});

test('KILL QUERY of another user needs the KILL QUERY grant', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE USER u IDENTIFIED WITH no_password');
  const settings = new Settings();
  settings.set('max_block_size', '1');
  const ctx = context({ queryId: 'slow', settings });
  const r = await e.execute(e.parse('SELECT sleepEachRow(0.05) FROM numbers(100)'), ctx);
  await assert.rejects(run(e, "KILL QUERY WHERE query_id = 'slow'", context({ user: 'u' })), { code: 497, message: 'User u attempts to kill query created by default' });
  e.finishQuery(ctx);
  void r;
});
