import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine, context, run, value } from './helpers.ts';

test('databases and tables: create, exists, show, describe, drop', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE DATABASE d1');
  await assert.rejects(run(e, 'CREATE DATABASE d1'), { code: 82 });
  await run(e, 'CREATE DATABASE IF NOT EXISTS d1');
  await run(e, "CREATE TABLE d1.t (a UInt8, s String DEFAULT 'x' COMMENT 'c') ENGINE = Memory");
  await assert.rejects(run(e, 'CREATE TABLE d1.t (a UInt8) ENGINE = Memory'), { code: 57, message: 'Table d1.t already exists' });
  assert.equal(await value(e, 'EXISTS TABLE d1.t'), 1);
  assert.equal(await value(e, 'EXISTS d1.nope'), 0);
  assert.deepEqual((await run(e, 'SHOW TABLES FROM d1')).rows, [['t']]);
  assert.ok((await run(e, 'SHOW DATABASES')).rows.some((r) => r[0] === 'd1'));
  const d = await run(e, 'DESCRIBE TABLE d1.t');
  assert.deepEqual(d.columns.map((c) => c.name), ['name', 'type', 'default_type', 'default_expression', 'comment', 'codec_expression', 'ttl_expression']);
  assert.deepEqual(d.rows[1], ['s', 'String', 'DEFAULT', "'x'", 'c', '', '']);
  await run(e, 'DROP TABLE d1.t');
  await assert.rejects(run(e, 'DROP TABLE d1.t'), { code: 60, message: 'Table d1.t does not exist' });
  await run(e, 'DROP TABLE IF EXISTS d1.t');
  await run(e, 'DROP DATABASE d1');
  await assert.rejects(run(e, 'SHOW TABLES FROM d1'), { code: 81, message: 'Database d1 does not exist' });
});

test('MergeTree needs ORDER BY; with it the table behaves like Memory', async () => {
  const e = createClickHouseEngine();
  await assert.rejects(run(e, 'CREATE TABLE m (a UInt8) ENGINE = MergeTree'), { code: 36 });
  await run(e, 'CREATE TABLE m (a UInt8) ENGINE = MergeTree ORDER BY a');
  await run(e, 'INSERT INTO m VALUES (2), (1)');
  assert.equal(await value(e, 'SELECT sum(a) FROM m'), 3n);
  assert.match(String(await value(e, 'SHOW CREATE TABLE m')), /ENGINE = MergeTree\nORDER BY a/);
});

test('INSERT VALUES / SELECT, TRUNCATE, CREATE AS SELECT', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE t (a UInt8, b Nullable(String)) ENGINE = Memory');
  await run(e, "INSERT INTO t VALUES (1, 'x'), (2, NULL), (1 + 2, concat('a', 'b'))");
  await run(e, 'INSERT INTO t (a) SELECT number FROM numbers(2)');
  assert.deepEqual((await run(e, 'SELECT a, b FROM t')).rows, [[1, 'x'], [2, null], [3, 'ab'], [0, null], [1, null]]);
  await run(e, 'CREATE TABLE c ENGINE = Memory AS SELECT a * 2 AS d FROM t WHERE a > 1');
  assert.deepEqual((await run(e, 'SELECT d FROM c')).rows, [[4], [6]]);
  await run(e, 'TRUNCATE TABLE t');
  assert.equal(await value(e, 'SELECT count() FROM t'), 0n);
});

test('INSERT column lists with * and * EXCEPT; placeholders in VALUES; the summary of an INSERT', async () => {
  const e = createClickHouseEngine();
  await run(e, "CREATE TABLE t (a UInt32, s String, n Nullable(UInt8)) ENGINE = Memory");
  await run(e, "INSERT INTO t (* EXCEPT (n)) VALUES (1, 'x')");
  await run(e, 'INSERT INTO t (* EXCEPT n, n) VALUES (2, \'y\', 5)');
  // A name EXCEPT does not find leaves nothing out (ClickHouse's EXCEPT is not strict there).
  await run(e, "INSERT INTO t (* EXCEPT (nope)) VALUES (3, 'z', 6)");
  await run(e, "INSERT INTO t (*) VALUES (4, 'w', NULL)");
  const ctx = context({ queryParameters: new Map([['a', '7'], ['s', "it\\'s"]]) });
  await run(e, 'INSERT INTO t (a, s) VALUES ({a: UInt32}, {s: String})', ctx);
  assert.deepEqual((await run(e, 'SELECT a, s, n FROM t ORDER BY a')).rows, [[1, 'x', null], [2, 'y', 5], [3, 'z', 6], [4, 'w', null], [7, "it's", null]]);
  // Only the columns the rows bring count, a String as its bytes and an 8-byte offset; the result is what was written.
  assert.deepEqual(ctx.progress, { readRows: 1, readBytes: 4 + 4 + 8, writtenRows: 1, writtenBytes: 4 + 4 + 8, totalRowsToRead: 0, resultRows: 1, resultBytes: 16 });
});

test('a failed INSERT stores nothing', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE t (a UInt8, d Date) ENGINE = Memory');
  await assert.rejects(run(e, "INSERT INTO t VALUES (1, '2024-01-01'), (2, 'bad')"));
  assert.equal(await value(e, 'SELECT count() FROM t'), 0n);
  await assert.rejects(run(e, 'INSERT INTO t SELECT number, throwIf(number = 3) FROM numbers(5)'), { code: 395 });
  assert.equal(await value(e, 'SELECT count() FROM t'), 0n);
});

test('readonly refuses modifying statements', async () => {
  const e = createClickHouseEngine();
  const ctx = context({ readonly: 2, readonlyHint: '. For queries over HTTP, method GET implies readonly. You should use method POST for modifying queries' });
  await assert.rejects(run(e, 'CREATE TABLE t (a UInt8) ENGINE = Memory', ctx), {
    code: 164,
    message: 'default: Cannot execute query in readonly mode. For queries over HTTP, method GET implies readonly. You should use method POST for modifying queries',
  });
  assert.equal(await value(e, 'SELECT 1', ctx), 1);
});

test('SET writes into the context settings; USE reports the database', async () => {
  const e = createClickHouseEngine();
  const ctx = context();
  await run(e, 'SET max_result_rows = 5', ctx);
  assert.equal(ctx.settings.get('max_result_rows'), 5);
  let used = '';
  ctx.onUseDatabase = (db) => { used = db; };
  const r = await e.execute(e.parse('USE system'), ctx);
  assert.equal(used, 'system');
  assert.deepEqual(r, { kind: 'none', database: 'system' });
  await assert.rejects(e.execute(e.parse('USE nope'), ctx), { code: 81 });
});

test('system tables', async () => {
  const e = createClickHouseEngine();
  assert.equal(await value(e, 'SELECT dummy FROM system.one'), 0);
  assert.equal(await value(e, "SELECT value FROM system.settings WHERE name = 'max_block_size'"), '65409');
  assert.deepEqual((await run(e, "SELECT name FROM system.databases WHERE name IN ('default', 'system') ORDER BY name")).rows, [['default'], ['system']]);
  await run(e, 'CREATE TABLE t (a UInt8) ENGINE = Memory');
  assert.equal(await value(e, "SELECT engine FROM system.tables WHERE database = 'default' AND name = 't'"), 'Memory');
  assert.deepEqual((await run(e, 'SELECT number FROM numbers LIMIT 2', context({ database: 'system' }))).rows, [[0n], [1n]]);
});
