import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine, run } from './helpers.ts';

// Expected answers are ClickHouse 26.7's (checked against libchdb).
async function engine() {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE w (k UInt8, v String, n Nullable(Int32)) ENGINE = Memory');
  await run(e, "INSERT INTO w VALUES (1, 'a', 5), (2, 'a', NULL), (2, 'b', 3), (4, 'a', 1), (0, 'b', -2), (2, 'a', 7)");
  return e;
}

test('ranking functions, their names and types', async () => {
  const e = await engine();
  const r = await run(e, 'SELECT k, v, row_number() OVER (ORDER BY k), rank() OVER (ORDER BY k), dense_rank() OVER (PARTITION BY v ORDER BY k DESC) FROM w ORDER BY ALL');
  assert.deepEqual(r.columns.map((c) => c.name), ['k', 'v', 'row_number() OVER (ORDER BY k ASC)', 'rank() OVER (ORDER BY k ASC)', 'dense_rank() OVER (PARTITION BY v ORDER BY k DESC)']);
  assert.deepEqual(r.columns.slice(2).map((c) => c.type), ['UInt64', 'UInt64', 'UInt64']);
  assert.deepEqual(r.rows.map((row) => row.slice(2).map(Number)), [[1, 1, 2], [2, 2, 3], [3, 3, 2], [5, 3, 2], [4, 3, 1], [6, 6, 1]]);
  // Without ORDER BY the rows come sorted on the window's partition and order keys.
  assert.deepEqual((await run(e, 'SELECT k, v, row_number() OVER (PARTITION BY v ORDER BY k) FROM w')).rows.map((row) => row.slice(0, 2)),
    [[1, 'a'], [2, 'a'], [2, 'a'], [4, 'a'], [0, 'b'], [2, 'b']]);
});

test('aggregates over frames: ROWS, RANGE with offsets, the default frames, WINDOW names', async () => {
  const e = await engine();
  const r = await run(e, 'SELECT k, sum(k) OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s, count() OVER () AS c, max(n) OVER (PARTITION BY v) AS m FROM w ORDER BY ALL');
  assert.deepEqual(r.columns.map((c) => c.type), ['UInt8', 'UInt64', 'UInt64', 'Nullable(Int32)']);
  assert.deepEqual(r.rows, [[0, 0n, 6n, 3], [1, 1n, 6n, 7], [2, 3n, 6n, 7], [2, 4n, 6n, 3], [2, 4n, 6n, 7], [4, 6n, 6n, 7]]);
  const range = await run(e, 'SELECT k, avg(k) OVER (ORDER BY k RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS a, min(v) OVER (ORDER BY k DESC) AS b, sum(n) OVER (PARTITION BY v ORDER BY k) AS c FROM w ORDER BY ALL');
  assert.deepEqual(range.rows.map((row) => row[1]), [0.5, 1.4, 1.75, 1.75, 1.75, 4]);
  assert.deepEqual(range.rows.map((row) => row[3]), [-2n, 5n, 1n, 12n, 12n, 13n]);
  assert.deepEqual((await run(e, 'SELECT k, sum(k) OVER w1 AS s FROM w WINDOW w1 AS (ORDER BY k) ORDER BY ALL')).rows.map((row) => row[1]), [0n, 1n, 7n, 7n, 7n, 11n]);
  await assert.rejects(run(e, 'SELECT k, sum(k) OVER (ORDER BY v RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM w'), { code: 48 });
  await assert.rejects(run(e, 'SELECT nosuch() OVER () FROM w'), { code: 63, message: "Aggregate function with name 'nosuch' does not exist. In scope SELECT nosuch() OVER () FROM w" });
});

test('lagInFrame and leadInFrame stay in the frame; lag and lead do not', async () => {
  const e = await engine();
  const r = await run(e, 'SELECT k, lagInFrame(k) OVER (ORDER BY k) AS a, leadInFrame(k) OVER (ORDER BY k) AS b, leadInFrame(k) OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS c, lagInFrame(k, 2, 99) OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS d, lead(k) OVER (ORDER BY k) AS e FROM w ORDER BY ALL');
  assert.deepEqual(r.rows, [[0, 0, 0, 1, 99, 1], [1, 0, 0, 2, 99, 2], [2, 1, 2, 2, 0, 2], [2, 2, 0, 4, 2, 4], [2, 2, 2, 2, 1, 2], [4, 2, 0, 0, 2, 0]]);
});

test('window functions over GROUP BY read the groups: their keys and aggregates', async () => {
  const e = await engine();
  assert.deepEqual((await run(e, 'SELECT v, count() AS c, sum(count()) OVER () AS t FROM w GROUP BY v ORDER BY ALL')).rows, [['a', 4n, 6n], ['b', 2n, 6n]]);
  assert.deepEqual((await run(e, 'SELECT k, sum(n) AS s, rank() OVER (ORDER BY sum(n) DESC) AS r FROM w GROUP BY k ORDER BY ALL')).rows,
    [[0, -2n, 4n], [1, 5n, 2n], [2, 10n, 1n], [4, 1n, 3n]]);
});

test('peers: without ORDER BY every row is one; in a ROWS frame each row is its own', async () => {
  const e = await engine();
  const r = await run(e, 'SELECT k, rank() OVER () AS r, rank() OVER (ORDER BY k ROWS UNBOUNDED PRECEDING) AS s, row_number() OVER (ORDER BY k) AS n FROM w ORDER BY n');
  assert.deepEqual(r.rows.map((row) => row.slice(1).map(Number)), [[1, 1, 1], [1, 2, 2], [1, 3, 3], [1, 4, 4], [1, 5, 5], [1, 6, 6]]);
});
