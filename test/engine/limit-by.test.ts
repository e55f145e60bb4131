import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine, run } from './helpers.ts';

// Expected answers are ClickHouse 26.7's (checked against libchdb).
const e = createClickHouseEngine();

test('LIMIT n [OFFSET m] BY keys, before the query LIMIT, over ORDER BY and GROUP BY', async () => {
  assert.deepEqual((await run(e, 'SELECT number % 3 AS k, number FROM numbers(10) ORDER BY k, number LIMIT 2 BY k')).rows,
    [[0, 0n], [0, 3n], [1, 1n], [1, 4n], [2, 2n], [2, 5n]]);
  assert.deepEqual((await run(e, 'SELECT number % 3 AS k, number FROM numbers(10) ORDER BY k, number DESC LIMIT 1, 2 BY k LIMIT 4')).rows,
    [[0, 6n], [0, 3n], [1, 4n], [1, 1n]]);
  assert.deepEqual((await run(e, 'SELECT number % 3 AS k, number FROM numbers(10) ORDER BY number LIMIT 1 OFFSET 1 BY k')).rows,
    [[0, 3n], [1, 4n], [2, 5n]]);
  assert.deepEqual((await run(e, 'SELECT number % 3 AS k, count() AS c FROM numbers(10) GROUP BY k ORDER BY k LIMIT 1 BY c')).rows, [[0, 4n], [1, 3n]]);
});
