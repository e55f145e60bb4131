import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine, run } from './helpers.ts';

// Expected answers are ClickHouse 26.7's (checked against libchdb).
const e = createClickHouseEngine();

test('scalar subqueries: Nullable, a tuple of several columns, numbered names', async () => {
  const one = await run(e, 'SELECT (SELECT 1), (SELECT 2)');
  assert.deepEqual(one.columns.map((c) => `${c.name} ${c.type}`), ['_subquery_1 Nullable(UInt8)', '_subquery_2 Nullable(UInt8)']);
  const t = await run(e, "SELECT (SELECT 1 AS x, 'a' AS y) AS t");
  assert.deepEqual(t.columns.map((c) => c.type), ['Tuple(x UInt8, y String)']);
  assert.deepEqual(t.rows, [[[1, 'a']]]);
  const none = await run(e, 'SELECT (SELECT number, toString(number) FROM numbers(0)) AS t');
  assert.deepEqual(none.columns.map((c) => c.type), ['Nullable(Tuple(UInt64, String))']);
  assert.deepEqual(none.rows, [[null]]);
  assert.deepEqual((await run(e, 'SELECT number IN (SELECT 1) FROM numbers(2)')).columns.map((c) => c.name), ['in(number, _subquery_1)']);
  assert.deepEqual((await run(e, 'SELECT (1, 2) IN (SELECT 1, 2)')).rows, [[1]]);
});
