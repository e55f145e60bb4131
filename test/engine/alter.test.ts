import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine, run } from './helpers.ts';

// Expected answers are ClickHouse 26.7's (checked against libchdb).
test('ALTER TABLE on MergeTree: columns added where asked with their DEFAULT, modified, renamed, dropped; mutations', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE m (a UInt32, b String) ENGINE = MergeTree ORDER BY a');
  await run(e, "INSERT INTO m VALUES (1, 'x'), (2, 'y'), (3, 'z')");
  await run(e, 'ALTER TABLE m ADD COLUMN c UInt8 DEFAULT a * 2 AFTER a, ADD COLUMN d String FIRST');
  const added = await run(e, 'SELECT * FROM m ORDER BY a');
  assert.deepEqual(added.columns.map((c) => `${c.name} ${c.type}`), ['d String', 'a UInt32', 'c UInt8', 'b String']);
  assert.deepEqual(added.rows, [['', 1, 2, 'x'], ['', 2, 4, 'y'], ['', 3, 6, 'z']]);
  await run(e, 'ALTER TABLE m MODIFY COLUMN c String');
  await run(e, 'ALTER TABLE m RENAME COLUMN d TO dd');
  await run(e, "ALTER TABLE m UPDATE b = concat(b, '!') WHERE a > 1");
  await run(e, 'ALTER TABLE m DELETE WHERE a = 3');
  assert.deepEqual((await run(e, 'SELECT * FROM m ORDER BY a')).rows, [['', 1, '2', 'x'], ['', 2, '4', 'y!']]);
  await run(e, 'ALTER TABLE m DROP COLUMN dd, DROP COLUMN IF EXISTS nope, ADD COLUMN IF NOT EXISTS b UInt8');
  assert.deepEqual((await run(e, 'DESCRIBE TABLE m')).rows.map((r) => r.slice(0, 4)), [['a', 'UInt32', '', ''], ['c', 'String', 'DEFAULT', 'a * 2'], ['b', 'String', '', '']]);
});

test('ALTER TABLE errors as ClickHouse words them', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE m (a UInt32, b String) ENGINE = MergeTree ORDER BY a');
  await assert.rejects(run(e, 'ALTER TABLE m ADD COLUMN a UInt8'), { code: 15, message: 'Cannot add column `a`: column with this name already exists' });
  await assert.rejects(run(e, 'ALTER TABLE m DROP COLUMN zz'), { code: 10, message: 'Wrong column name. Cannot find column `zz` to drop' });
  await assert.rejects(run(e, 'ALTER TABLE m MODIFY COLUMN zz UInt8'), { code: 10, message: 'Wrong column. Cannot find column `zz` to modify' });
  await assert.rejects(run(e, 'ALTER TABLE m RENAME COLUMN b TO a'), { code: 15, message: 'Cannot rename to `a`: column with this name already exists' });
  await assert.rejects(run(e, 'ALTER TABLE m UPDATE a = 5 WHERE 1'), { code: 420, message: 'Cannot UPDATE key column `a`' });
  await assert.rejects(run(e, 'ALTER TABLE m UPDATE zz = 5 WHERE 1'), { code: 16, message: 'There is no column `zz` in table' });
  await assert.rejects(run(e, 'ALTER TABLE m ADD COLUMN c UInt8 AFTER nope'), { code: 16, message: 'Wrong column name. Cannot find column nope to insert after' });
  await assert.rejects(run(e, 'ALTER TABLE nosuch ADD COLUMN c UInt8'), { code: 60, message: 'Could not find table: nosuch' });
});

test('a Memory table: new columns read as their type default, a renamed column loses its values (as 26.7 does)', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE t (k UInt8, v String) ENGINE = Memory');
  await run(e, "INSERT INTO t VALUES (1, 'x'), (3, 'y')");
  await run(e, 'ALTER TABLE t ADD COLUMN x UInt16 DEFAULT 7 AFTER k');
  await run(e, 'ALTER TABLE t RENAME COLUMN v TO w');
  assert.deepEqual((await run(e, 'SELECT * FROM t ORDER BY k')).rows, [[1, 0, ''], [3, 0, '']]);
});

test('a column ALTER cannot find is named with a hint when one is close', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE h (k UInt8, v String, value UInt8) ENGINE = Memory');
  await assert.rejects(run(e, 'ALTER TABLE h RENAME COLUMN n TO q'), { message: "Wrong column name. Cannot find column `n` to rename. Maybe you meant: ['k']" });
  await assert.rejects(run(e, 'ALTER TABLE h DROP COLUMN valeu'), { message: "Wrong column name. Cannot find column `valeu` to drop. Maybe you meant: ['value']" });
  await assert.rejects(run(e, 'ALTER TABLE h DROP COLUMN zzz'), { message: 'Wrong column name. Cannot find column `zzz` to drop' });
});

test('a DEFAULT reads the row it fills (CREATE and INSERT of some columns)', async () => {
  const e = createClickHouseEngine();
  await run(e, "CREATE TABLE dd (a UInt32, c UInt8 DEFAULT a * 2, s String DEFAULT concat('x', toString(c))) ENGINE = Memory");
  await run(e, 'INSERT INTO dd (a) VALUES (1), (7)');
  assert.deepEqual((await run(e, 'SELECT * FROM dd ORDER BY a')).rows, [[1, 2, 'x2'], [7, 14, 'x14']]);
});
