import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine, run } from './helpers.ts';

// Expected answers are ClickHouse 26.7's (checked against libchdb).
async function engineWithTables() {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE t1 (a UInt32, b String) ENGINE = Memory');
  await run(e, 'CREATE TABLE t2 (a UInt32, c Nullable(Int32)) ENGINE = Memory');
  await run(e, "INSERT INTO t1 VALUES (1, 'x'), (2, 'y'), (3, 'z')");
  await run(e, 'INSERT INTO t2 VALUES (2, 20), (3, NULL), (4, 40), (3, 33)');
  return e;
}

const names = (r: { columns: { name: string }[] }) => r.columns.map((c) => c.name);
const types = (r: { columns: { type: string }[] }) => r.columns.map((c) => c.type);

test('INNER, LEFT, RIGHT and FULL JOIN ON: matches, defaults for missing rows, names of clashing columns', async () => {
  const e = await engineWithTables();
  const inner = await run(e, 'SELECT * FROM t1 JOIN t2 ON t1.a = t2.a ORDER BY ALL');
  assert.deepEqual(names(inner), ['a', 'b', 't2.a', 'c']);
  assert.deepEqual(inner.rows, [[2, 'y', 2, 20], [3, 'z', 3, 33], [3, 'z', 3, null]]);
  assert.deepEqual((await run(e, 'SELECT * FROM t1 LEFT JOIN t2 ON t1.a = t2.a ORDER BY ALL')).rows,
    [[1, 'x', 0, null], [2, 'y', 2, 20], [3, 'z', 3, 33], [3, 'z', 3, null]]);
  assert.deepEqual((await run(e, 'SELECT * FROM t1 RIGHT JOIN t2 ON t1.a = t2.a ORDER BY ALL')).rows,
    [[0, '', 4, 40], [2, 'y', 2, 20], [3, 'z', 3, 33], [3, 'z', 3, null]]);
  const full = await run(e, 'SELECT * FROM t1 FULL JOIN t2 ON t1.a = t2.a ORDER BY ALL SETTINGS join_use_nulls = 1');
  assert.deepEqual(types(full), ['Nullable(UInt32)', 'Nullable(String)', 'Nullable(UInt32)', 'Nullable(Int32)']);
  assert.deepEqual(full.rows, [[1, 'x', null, null], [2, 'y', 2, 20], [3, 'z', 3, 33], [3, 'z', 3, null], [null, null, 4, 40]]);
});

test('USING merges the key columns; ANY, SEMI and ANTI strictness', async () => {
  const e = await engineWithTables();
  const full = await run(e, 'SELECT *, t1.a, t2.a FROM t1 FULL JOIN t2 USING a ORDER BY ALL');
  assert.deepEqual(names(full), ['a', 'b', 'c', 'a', 't2.a']);
  assert.deepEqual(full.rows[0], [1, 'x', null, 1, 0]);
  assert.deepEqual(full.rows.at(-1), [4, '', 40, 0, 4]);
  assert.deepEqual((await run(e, 'SELECT * FROM t1 ANY LEFT JOIN t2 USING a ORDER BY ALL')).rows, [[1, 'x', null], [2, 'y', 20], [3, 'z', null]]);
  assert.deepEqual((await run(e, 'SELECT * FROM t1 SEMI LEFT JOIN t2 USING a ORDER BY ALL')).rows, [[2, 'y', 20], [3, 'z', null]]);
  assert.deepEqual((await run(e, 'SELECT * FROM t1 ANTI LEFT JOIN t2 USING a')).rows, [[1, 'x', null]]);
  assert.deepEqual((await run(e, 'SELECT * FROM t1 ANTI RIGHT JOIN t2 USING a')).rows, [[4, '', 40]]);
  assert.deepEqual((await run(e, 'SELECT * FROM t1 SEMI RIGHT JOIN t2 USING a ORDER BY ALL')).rows, [[2, 'y', 20], [3, 'z', 33], [3, 'z', null]]);
  await assert.rejects(run(e, 'SELECT * FROM t1 ANY FULL JOIN t2 USING a'), { code: 48, message: 'ANY FULL JOINs are not implemented' });
  await assert.rejects(run(e, 'SELECT * FROM t1 JOIN t2 USING (a, b)'),
    { code: 47, message: "JOIN  INNER JOIN ... USING (a, b) using identifier 'b' cannot be resolved from right table expression. In scope SELECT * FROM t1 INNER JOIN t2 USING (a, b)" });
});

test('ON with extra conditions, non-equal conditions, CROSS and comma joins, PASTE JOIN', async () => {
  const e = await engineWithTables();
  assert.deepEqual((await run(e, 'SELECT * FROM t1 LEFT JOIN t2 ON t1.a = t2.a AND t2.c > 25 ORDER BY ALL')).rows, [[1, 'x', 0, null], [2, 'y', 0, null], [3, 'z', 3, 33]]);
  assert.equal((await run(e, 'SELECT * FROM t1 JOIN t2 ON t1.a < t2.a')).rows.length, 8);
  assert.equal((await run(e, 'SELECT * FROM t1, t2')).rows.length, 12);
  assert.equal((await run(e, 'SELECT * FROM t1 CROSS JOIN t2 WHERE t1.a = t2.a')).rows.length, 3);
  assert.deepEqual((await run(e, 'SELECT * FROM t1 PASTE JOIN t2')).rows, [[1, 'x', 2, 20], [2, 'y', 3, null], [3, 'z', 4, 40]]);
  assert.deepEqual((await run(e, 'SELECT b, count() FROM t1 LEFT JOIN t2 ON t1.a = t2.a GROUP BY b ORDER BY b')).rows, [['x', 1n], ['y', 1n], ['z', 2n]]);
});

test('names: qualified identifiers drop what they need not say; several joins qualify every table', async () => {
  const e = await engineWithTables();
  assert.deepEqual(names(await run(e, 'SELECT x.a, y.a, a FROM t1 AS x JOIN t2 AS y ON x.a = y.a')), ['a', 'y.a', 'a']);
  assert.deepEqual(names(await run(e, 'SELECT t1.a + 1, t2.a * 2 FROM t1 JOIN t2 ON t1.a = t2.a')), ['plus(a, 1)', 'multiply(t2.a, 2)']);
  assert.deepEqual(names(await run(e, 'SELECT t2.* FROM t1 JOIN t2 ON t1.a = t2.a')), ['t2.a', 'c']);
  const three = await run(e, 'SELECT * FROM t1 JOIN t2 ON t1.a = t2.a JOIN t1 AS t3 ON t3.a = t2.a ORDER BY ALL');
  assert.deepEqual(names(three), ['default.t1.a', 'default.t1.b', 't2.a', 'c', 't3.a', 't3.b']);
  assert.equal(three.rows.length, 3);
  await assert.rejects(run(e, 'SELECT a FROM t1 JOIN t2 ON t1.a = t2.a JOIN t2 AS t3 ON t3.a = t2.a'),
    { code: 207, message: "JOIN  INNER JOIN ... ON t1.a = t2.a ambiguous identifier 'a'. In scope SELECT a FROM t1 INNER JOIN t2 ON t1.a = t2.a INNER JOIN t2 AS t3 ON t3.a = t2.a." });
});

test('joined subqueries and table functions need an alias; key types need a common type', async () => {
  const e = await engineWithTables();
  assert.deepEqual((await run(e, 'SELECT * FROM t1 JOIN (SELECT number AS a FROM numbers(3)) AS s USING a ORDER BY a')).rows, [[1n, 'x'], [2n, 'y']]);
  await assert.rejects(run(e, 'SELECT * FROM t1 JOIN numbers(3) ON t1.a = number'),
    { code: 206, message: 'JOIN  INNER JOIN ... ON t1.a = number no alias for subquery or table function numbers(3). In scope SELECT * FROM t1 INNER JOIN numbers(3) ON t1.a = number (set joined_subquery_requires_alias = 0 to disable restriction).' });
  await assert.rejects(run(e, 'SELECT * FROM t1 JOIN t2 ON t1.b = t2.a'), { code: 386 });
});

test('rows come in the order ClickHouse emits them: the smaller side is the hash table, unjoined rows of a small-integer key by key', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE p1 (k UInt8, v String) ENGINE = Memory');
  await run(e, 'CREATE TABLE p2 (k UInt8, w Float64) ENGINE = Memory');
  await run(e, "INSERT INTO p1 VALUES (3, 'c'), (2, 'b'), (0, 'a'), (9, 'z'), (7, 'q')");
  await run(e, 'INSERT INTO p2 VALUES (0, -3.5), (5, 0.5), (3, -3.5), (1, 0.5), (4, 3.5), (3, 4.5), (0, 1.5), (8, 1)');
  assert.deepEqual((await run(e, 'SELECT * FROM p1 LEFT JOIN p2 USING k')).rows,
    [[0, 'a', -3.5], [3, 'c', -3.5], [3, 'c', 4.5], [0, 'a', 1.5], [2, 'b', 0], [7, 'q', 0], [9, 'z', 0]]);
  assert.deepEqual((await run(e, 'SELECT * FROM p1 ANY LEFT JOIN p2 USING k')).rows, [[0, 'a', -3.5], [3, 'c', -3.5], [2, 'b', 0], [7, 'q', 0], [9, 'z', 0]]);
  assert.deepEqual((await run(e, 'SELECT * FROM p1 ANTI LEFT JOIN p2 USING k')).rows, [[2, 'b', 0], [7, 'q', 0], [9, 'z', 0]]);
  assert.deepEqual((await run(e, 'SELECT * FROM p2 RIGHT JOIN p1 USING k')).rows.map((r) => r[0]), [0, 3, 3, 0, 2, 7, 9]);
});

test('ASOF JOIN: the closest row the last inequality admits, by ON or the last USING column', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE trades (sym String, t UInt32, qty UInt8) ENGINE = Memory');
  await run(e, 'CREATE TABLE quotes (sym String, t UInt32, price Float64) ENGINE = Memory');
  await run(e, "INSERT INTO trades VALUES ('a', 10, 1), ('a', 20, 2), ('b', 5, 3), ('a', 3, 4), ('c', 9, 5)");
  await run(e, "INSERT INTO quotes VALUES ('a', 9, 1.5), ('a', 15, 2.5), ('a', 20, 3.5), ('b', 6, 4.5), ('b', 1, 5.5)");
  assert.deepEqual((await run(e, 'SELECT qty, price FROM trades ASOF JOIN quotes ON trades.sym = quotes.sym AND trades.t >= quotes.t ORDER BY ALL')).rows,
    [[1, 1.5], [2, 3.5], [3, 5.5]]);
  assert.deepEqual((await run(e, 'SELECT qty, price FROM trades ASOF LEFT JOIN quotes ON trades.sym = quotes.sym AND trades.t <= quotes.t ORDER BY ALL')).rows,
    [[1, 2.5], [2, 3.5], [3, 4.5], [4, 1.5], [5, 0]]);
  assert.deepEqual((await run(e, 'SELECT qty, price FROM trades ASOF JOIN quotes USING (sym, t) ORDER BY ALL')).rows, [[1, 1.5], [2, 3.5], [3, 5.5]]);
  await assert.rejects(run(e, 'SELECT * FROM trades ASOF JOIN quotes ON trades.t >= quotes.t'), { code: 48, message: 'ASOF join with hash algorithm needs at least one equi-join column' });
  await assert.rejects(run(e, 'SELECT * FROM trades ASOF RIGHT JOIN quotes USING (sym, t)'), { code: 48, message: 'Wrong ASOF JOIN type. Only ASOF and LEFT ASOF joins are supported' });
});
