import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine, run } from './helpers.ts';

// Expected answers are ClickHouse 26.7's (checked against libchdb).
const e = createClickHouseEngine();
const rows = async (sql: string) => (await run(e, `SELECT * FROM (${sql}) ORDER BY ALL`)).rows;

test('INTERSECT and EXCEPT as multisets, DISTINCT forms, INTERSECT before UNION and EXCEPT', async () => {
  assert.deepEqual(await rows('SELECT arrayJoin([1, 1, 2, 3]) AS x INTERSECT SELECT arrayJoin([1, 2, 2])'), [[1], [2]]);
  assert.deepEqual(await rows('SELECT arrayJoin([1, 1, 2, 3]) AS x EXCEPT SELECT arrayJoin([2])'), [[1], [1], [3]]);
  assert.deepEqual(await rows('SELECT arrayJoin([1, 1, 2, 3]) AS x EXCEPT DISTINCT SELECT arrayJoin([2])'), [[1], [3]]);
  assert.deepEqual(await rows('SELECT arrayJoin([1, 1, 2]) AS x UNION DISTINCT SELECT arrayJoin([2, 5])'), [[1], [2], [5]]);
  assert.deepEqual(await rows('SELECT 1 AS x UNION ALL SELECT 2 INTERSECT SELECT 2'), [[1], [2]]);
  assert.deepEqual(await rows('SELECT 1 AS x UNION ALL SELECT 1 EXCEPT SELECT 1 UNION ALL SELECT 3'), [[1], [3]]);
});

test('set operation errors as ClickHouse words them', async () => {
  await assert.rejects(run(e, 'SELECT 1 UNION SELECT 2'),
    { code: 558, message: 'Expected ALL or DISTINCT in SelectWithUnion query, because setting (union_default_mode) is empty: While processing SELECT 1 UNION SELECT 2' });
  await assert.rejects(run(e, 'SELECT 1 AS x, 2 AS y INTERSECT SELECT 1'),
    { code: 596, message: 'Different number of columns in INTERSECT_ALL elements: x, y and 1' });
});

test('WITH name AS (SELECT …): read in FROM, in JOIN and as an IN set', async () => {
  const w = createClickHouseEngine();
  await run(w, 'CREATE TABLE t (a UInt32, b String) ENGINE = Memory');
  await run(w, "INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z')");
  assert.deepEqual((await run(w, 'WITH s AS (SELECT a, b FROM t WHERE a > 1) SELECT * FROM s ORDER BY ALL')).rows, [[2, 'y'], [3, 'z']]);
  assert.deepEqual((await run(w, 'WITH s AS (SELECT a FROM t WHERE a != 2) SELECT b FROM t WHERE a IN s ORDER BY b')).rows, [['x'], ['z']]);
  const joined = await run(w, 'WITH s AS (SELECT a FROM t WHERE a > 2) SELECT * FROM t JOIN s ON t.a = s.a');
  assert.deepEqual(joined.columns.map((c) => c.name), ['a', 'b', 's.a']);
  assert.deepEqual(joined.rows, [[3, 'z', 3]]);
});
