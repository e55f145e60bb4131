import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine, run } from './helpers.ts';

// Expected answers are ClickHouse 26.7's (checked against libchdb).
test('a VIEW reads its query; it takes no INSERT; SHOW CREATE prints its query', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE s1 (k UInt8, v String) ENGINE = Memory');
  await run(e, "INSERT INTO s1 VALUES (1, 'x'), (2, 'y'), (3, 'z')");
  await run(e, 'CREATE VIEW v1 AS SELECT k, upper(v) AS u FROM s1 WHERE k > 1');
  assert.deepEqual((await run(e, 'SELECT * FROM v1 ORDER BY ALL')).rows, [[2, 'Y'], [3, 'Z']]);
  assert.deepEqual((await run(e, 'SELECT u FROM v1 WHERE k = 3')).rows, [['Z']]);
  assert.deepEqual((await run(e, "SELECT engine FROM system.tables WHERE name = 'v1'")).rows, [['View']]);
  assert.equal((await run(e, 'SHOW CREATE VIEW v1')).rows[0]![0],
    'CREATE VIEW default.v1\n(\n    `k` UInt8,\n    `u` String\n)\nAS SELECT\n    k,\n    upper(v) AS u\nFROM default.s1\nWHERE k > 1');
  await assert.rejects(run(e, "INSERT INTO v1 VALUES (1, 'a')"), { code: 48, message: 'Method write is not supported by storage View' });
  await assert.rejects(run(e, 'CREATE VIEW v1 AS SELECT 2'), { code: 57 });
  await run(e, 'CREATE OR REPLACE VIEW v1 AS SELECT 3 AS x');
  assert.deepEqual((await run(e, 'SELECT * FROM v1')).rows, [[3]]);
});

test('a MATERIALIZED VIEW turns each inserted block into rows of its TO table, or of its own', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE s1 (k UInt8, v String) ENGINE = Memory');
  await run(e, "INSERT INTO s1 VALUES (1, 'x')");
  await run(e, 'CREATE TABLE tgt (k UInt8, c UInt64) ENGINE = Memory');
  await run(e, 'CREATE MATERIALIZED VIEW mv1 TO tgt AS SELECT k, count() AS c FROM s1 GROUP BY k');
  await run(e, 'CREATE MATERIALIZED VIEW mv2 ENGINE = Memory POPULATE AS SELECT v FROM s1');
  await run(e, "INSERT INTO s1 VALUES (5, 'p'), (5, 'q'), (6, 'r')");
  await run(e, "INSERT INTO s1 SELECT 5, 's'");
  assert.deepEqual((await run(e, 'SELECT * FROM tgt ORDER BY ALL')).rows, [[5, 1n], [5, 2n], [6, 1n]]);
  assert.deepEqual((await run(e, 'SELECT * FROM mv1 ORDER BY ALL')).rows, [[5, 1n], [5, 2n], [6, 1n]]);
  assert.deepEqual((await run(e, 'SELECT * FROM mv2 ORDER BY ALL')).rows, [['p'], ['q'], ['r'], ['s'], ['x']]);
});
