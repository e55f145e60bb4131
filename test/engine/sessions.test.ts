import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine, context, run, value } from './helpers.ts';
import { T } from '../../reference/engine/types.ts';

test('temporary tables live in the scope and shadow permanent ones', async () => {
  const e = createClickHouseEngine();
  const scope = e.createSessionScope('s1');
  const ctx = () => context({ scope });
  await run(e, 'CREATE TABLE t (a UInt8) ENGINE = Memory');
  await run(e, 'INSERT INTO t VALUES (1)');
  await run(e, 'CREATE TEMPORARY TABLE t (a UInt8, s String)', ctx());
  await run(e, "INSERT INTO t VALUES (2, 'x')", ctx());
  assert.deepEqual((await run(e, 'SELECT * FROM t', ctx())).rows, [[2, 'x']]);
  assert.deepEqual((await run(e, 'SELECT * FROM default.t', ctx())).rows, [[1]]);
  assert.deepEqual((await run(e, 'SELECT * FROM t')).rows, [[1]]);
  assert.equal(await value(e, 'EXISTS TEMPORARY TABLE t', ctx()), 1);
  assert.deepEqual((await run(e, 'SHOW TEMPORARY TABLES', ctx())).rows, [['t']]);
  const sys = await run(e, "SELECT database, name, is_temporary, engine FROM system.tables WHERE name = 't'", ctx());
  assert.deepEqual(sys.rows, [['default', 't', 0, 'Memory'], ['', 't', 1, 'Memory']]);
  assert.match(String(await value(e, 'SHOW CREATE TABLE t', ctx())), /^CREATE TEMPORARY TABLE t\n/);
  await assert.rejects(run(e, 'CREATE TEMPORARY TABLE t (a UInt8)', ctx()), { code: 57, message: 'Temporary table t already exists' });
  await assert.rejects(run(e, 'CREATE TEMPORARY TABLE d.x (a UInt8)', ctx()), { code: 442 });
  await run(e, 'DROP TEMPORARY TABLE t', ctx());
  await assert.rejects(run(e, 'DROP TEMPORARY TABLE t', ctx()), { code: 60, message: "Temporary table t doesn't exist" });
  await run(e, 'DROP TEMPORARY TABLE IF EXISTS t', ctx());
  assert.deepEqual((await run(e, 'SELECT * FROM t', ctx())).rows, [[1]]);
});

test('without a scope a temporary table lasts one query', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TEMPORARY TABLE tmp (a UInt8)');
  await assert.rejects(run(e, 'SELECT * FROM tmp'), { code: 60 });
});

test('external data: createTemporaryTable, and a second one by the same name is refused', async () => {
  const e = createClickHouseEngine();
  const scope = e.createSessionScope();
  e.createTemporaryTable(scope, '_data', [{ name: 'x', type: T.UInt8 }, { name: 's', type: T.String }], [[1, 'a'], [2, 'b']]);
  assert.deepEqual((await run(e, 'SELECT sum(x), max(s) FROM _data', context({ scope }))).rows, [[3n, 'b']]);
  assert.throws(() => e.createTemporaryTable(scope, '_data', [{ name: 'x', type: T.UInt8 }], []), { code: 57, message: 'Temporary table _data already exists' });
});
