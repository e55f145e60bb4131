// The StarRocks dialect of the engine: DDL, SHOW/DESC texts, errors with
// their MySQL numbers, and the key models' load semantics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Settings } from '../../reference/engine/index.ts';
import { createClickHouseEngine } from '../../reference/engine/dialects/clickhouse/index.ts';
import { createStarRocksEngine, loadRows } from '../../reference/starrocks/dialect/index.ts';
import type { StarRocksEngine } from '../../reference/starrocks/dialect/index.ts';
import { starRocksMeta } from '../../reference/starrocks/dialect/meta.ts';
import type { QueryContext } from '../../reference/engine/api.ts';
import { Dec } from '../../reference/engine/values/decimal.ts';

function setup(): { engine: StarRocksEngine; ctx: QueryContext; sql: (s: string) => Promise<unknown[][]>; fails: (s: string) => Promise<{ code?: number; state?: string; message: string }> } {
  const engine = createStarRocksEngine({ release: '3.3.0-test', commit: 'abc1234' }, 'UTC');
  const ctx: QueryContext = {
    database: '', user: 'root', queryId: 'q', settings: new Settings(), readonly: 0,
    progress: { readRows: 0, readBytes: 0, writtenRows: 0, writtenBytes: 0, totalRowsToRead: 0, resultRows: 0, resultBytes: 0 },
    onUseDatabase: (db) => { ctx.database = db; },
  };
  const sql = async (s: string): Promise<unknown[][]> => {
    const r = await engine.execute(engine.parse(s), ctx);
    if (r.kind === 'none') return [];
    const rows: unknown[][] = [];
    for await (const b of r.blocks) rows.push(...b.rows);
    return rows;
  };
  const fails = async (s: string) => {
    try {
      await sql(s);
    } catch (e) {
      const err = e as { mysqlCode?: number; sqlState?: string; message: string };
      return { code: err.mysqlCode, state: err.sqlState, message: err.message };
    }
    throw new Error(`expected ${s} to fail`);
  };
  return { engine, ctx, sql, fails };
}

test('a StarRocks catalog starts with the FE databases and versions come from the release', async () => {
  const { sql } = setup();
  assert.deepEqual(await sql('SHOW DATABASES'), [['_statistics_'], ['information_schema'], ['sys']]);
  assert.deepEqual(await sql('select @@version_comment limit 1'), [['3.3.0-test-abc1234']]);
  assert.deepEqual(await sql('SELECT current_version(), @@version, @@session.transaction_isolation'), [['3.3.0-test abc1234', '5.1.0', 'REPEATABLE-READ']]);
});

test('double quotes make strings and LIMIT m, n skips m rows', async () => {
  const { sql } = setup();
  assert.deepEqual(await sql('SELECT "a" = \'a\', concat("x", "y")'), [[1, 'xy']]);
  await sql('CREATE DATABASE d');
  await sql('USE d');
  await sql('CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  await sql('INSERT INTO t VALUES (1), (2), (3), (4)');
  assert.deepEqual(await sql('SELECT k FROM t ORDER BY k LIMIT 1, 2'), [[2], [3]]);
});

test('CREATE TABLE keeps the StarRocks metadata in the catalog', async () => {
  const { engine, sql } = setup();
  await sql('CREATE DATABASE d');
  await sql(`CREATE TABLE d.agg (dt DATE NOT NULL, city VARCHAR(20), pv BIGINT SUM DEFAULT "0", last STRING REPLACE_IF_NOT_NULL)
    AGGREGATE KEY(dt, city) COMMENT "pv" PARTITION BY RANGE(dt) (PARTITION p1 VALUES LESS THAN ("2024-01-01"))
    DISTRIBUTED BY HASH(dt) BUCKETS 8 PROPERTIES ("replication_num" = "1", "storage_medium" = "SSD")`);
  const meta = starRocksMeta(engine.catalog.table('d', 'agg'))!;
  assert.equal(meta.keysType, 'AGG_KEYS');
  assert.deepEqual(meta.keyColumns, ['dt', 'city']);
  assert.deepEqual(meta.columns.map((c) => c.aggregate ?? null), [null, null, 'SUM', 'REPLACE_IF_NOT_NULL']);
  assert.deepEqual(meta.partition, {
    kind: 'RANGE', columns: ['dt'], text: 'RANGE(dt) (PARTITION p1 VALUES LESS THAN ("2024-01-01"))', partitions: [{ name: 'p1', upper: '2024-01-01' }],
  });
  assert.deepEqual(meta.distribution, { kind: 'HASH', columns: ['dt'] });
  assert.equal(meta.buckets, 8);
  assert.ok(meta.properties.some(([k, v]) => k === 'storage_medium' && v === 'SSD'));
  assert.equal(meta.comment, 'pv');
});

test('SHOW CREATE TABLE prints the FE layout', async () => {
  const { sql } = setup();
  await sql('CREATE DATABASE d');
  await sql('CREATE TABLE d.t (k1 TINYINT, k2 DECIMAL(10, 2) DEFAULT "10.5", v1 CHAR(10) REPLACE, v2 INT SUM) ENGINE=olap AGGREGATE KEY(k1, k2) COMMENT "my first starrocks table" DISTRIBUTED BY HASH(k1) BUCKETS 10');
  const [[name, ddl]] = await sql('SHOW CREATE TABLE d.t') as [[string, string]];
  assert.equal(name, 't');
  assert.equal(ddl, [
    'CREATE TABLE `t` (',
    '  `k1` tinyint(4) NULL COMMENT "",',
    '  `k2` decimal64(10, 2) NULL DEFAULT "10.5" COMMENT "",',
    '  `v1` char(10) REPLACE NULL COMMENT "",',
    '  `v2` int(11) SUM NULL COMMENT ""',
    ') ENGINE=OLAP ',
    'AGGREGATE KEY(`k1`, `k2`)',
    'COMMENT "my first starrocks table"',
    'DISTRIBUTED BY HASH(`k1`) BUCKETS 10 ',
    'PROPERTIES (',
    '"compression" = "LZ4",',
    '"fast_schema_evolution" = "true",',
    '"replicated_storage" = "true",',
    '"replication_num" = "1"',
    ');',
  ].join('\n'));
});

test('DESC lists Field, Type, Null, Key, Default, Extra', async () => {
  const { sql } = setup();
  await sql('CREATE DATABASE d');
  await sql('CREATE TABLE d.t (id BIGINT NOT NULL, amount DECIMAL(20, 4), big LARGEINT, doc JSON) PRIMARY KEY(id) DISTRIBUTED BY HASH(id)');
  assert.deepEqual(await sql('DESC d.t'), [
    ['id', 'bigint', 'NO', 'true', null, ''],
    ['amount', 'decimal128(20,4)', 'YES', 'false', null, ''],
    ['big', 'largeint', 'YES', 'false', null, ''],
    ['doc', 'json', 'YES', 'false', null, ''],
  ]);
});

test('StarRocks errors carry their MySQL numbers and texts', async () => {
  const { sql, fails } = setup();
  assert.deepEqual(await fails('USE nope'), { code: 1064, state: 'HY000', message: "Unknown database 'nope'" });
  assert.deepEqual(await fails('CREATE TABLE t (a INT)'), { code: 1046, state: '3D000', message: 'No database selected' });
  await sql('CREATE DATABASE d');
  assert.deepEqual(await fails('CREATE DATABASE d'), { code: 1007, state: 'HY000', message: "Can't create database 'd'; database exists" });
  assert.deepEqual(await fails('DROP DATABASE nope'), { code: 1008, state: 'HY000', message: "Can't drop database 'nope'; database doesn't exist" });
  await sql('CREATE TABLE d.t (a INT)');
  assert.deepEqual(await fails('CREATE TABLE d.t (a INT)'), { code: 1050, state: '42S01', message: "Table 't' already exists" });
  assert.deepEqual(await fails('SELECT * FROM d.nope'), { code: 1064, state: 'HY000', message: "Getting analyzing error. Detail message: Unknown table 'd.nope'." });
  assert.deepEqual(await fails('SELECT b FROM d.t'), { code: 1064, state: 'HY000', message: "Getting analyzing error. Detail message: Column 'b' cannot be resolved." });
  assert.equal((await fails('SELEC 1')).code, 1064);
  assert.match((await fails('CREATE TABLE d.u (a INT, b INT) PRIMARY KEY(b)')).message, /Key columns should be a ordered prefix of the schema/);
  assert.equal((await fails('SELECT @@nope')).code, 1193);
  await sql('DROP TABLE IF EXISTS d.nope');
  await sql('CREATE DATABASE IF NOT EXISTS d');
});

test('PRIMARY KEY tables upsert, AGGREGATE tables aggregate, DUPLICATE tables append', async () => {
  const { sql } = setup();
  await sql('CREATE DATABASE d');
  await sql('USE d');
  await sql('CREATE TABLE pk (id INT NOT NULL, v VARCHAR(10)) PRIMARY KEY(id) DISTRIBUTED BY HASH(id)');
  await sql('INSERT INTO pk VALUES (1, "a"), (2, "b"), (1, "c")');
  await sql('INSERT INTO pk VALUES (2, "d")');
  assert.deepEqual(await sql('SELECT * FROM pk ORDER BY id'), [[1, 'c'], [2, 'd']]);
  await sql('CREATE TABLE agg (k INT, s BIGINT SUM, mx INT MAX, mn INT MIN, r INT REPLACE, rn INT REPLACE_IF_NOT_NULL) AGGREGATE KEY(k) DISTRIBUTED BY HASH(k)');
  await sql('INSERT INTO agg VALUES (1, 10, 5, 5, 1, 1), (1, 5, 9, 2, 2, NULL)');
  await sql('INSERT INTO agg VALUES (1, 1, 1, 7, NULL, 3)');
  assert.deepEqual(await sql('SELECT * FROM agg'), [[1, 16n, 9, 2, null, 3]]);
  await sql('CREATE TABLE dup (k INT) DUPLICATE KEY(k)');
  await sql('INSERT INTO dup VALUES (1), (1)');
  await sql('INSERT INTO dup VALUES (1)');
  assert.deepEqual(await sql('SELECT count(*) FROM dup'), [[3n]]);
  await sql('CREATE TABLE uk (k INT, v INT) UNIQUE KEY(k) DISTRIBUTED BY HASH(k)');
  await sql('INSERT INTO uk VALUES (1, 1), (1, 2)');
  assert.deepEqual(await sql('SELECT * FROM uk'), [[1, 2]]);
});

test('loadRows applies defaults, partial updates and __op deletes of primary key tables', async () => {
  const { engine, sql } = setup();
  await sql('CREATE DATABASE d');
  await sql('CREATE TABLE d.pk (id INT NOT NULL, a INT, b VARCHAR(5) DEFAULT "x") PRIMARY KEY(id) DISTRIBUTED BY HASH(id)');
  loadRows(engine, 'd', 'pk', ['id', 'a'], [[1, 10], [2, 20]]);
  assert.deepEqual(await sql('SELECT * FROM d.pk ORDER BY id'), [[1, 10, 'x'], [2, 20, 'x']]);
  loadRows(engine, 'd', 'pk', ['id', 'b'], [[1, 'y']], { partialUpdate: true });
  loadRows(engine, 'd', 'pk', ['id', 'a'], [[2, 0]], { deletes: [true] });
  assert.deepEqual(await sql('SELECT * FROM d.pk ORDER BY id'), [[1, 10, 'y']]);
});

test('DECIMAL is exact and LARGEINT holds 128 bits', async () => {
  const { sql } = setup();
  await sql('CREATE DATABASE d');
  await sql('CREATE TABLE d.m (k INT, amount DECIMAL(38, 9) SUM, big LARGEINT MAX) AGGREGATE KEY(k)');
  await sql('INSERT INTO d.m VALUES (1, 0.1, 170141183460469231731687303715884105727), (1, 0.2, -5)');
  const [[k, amount, big]] = await sql('SELECT * FROM d.m') as [[number, Dec, bigint]];
  assert.equal(k, 1);
  assert.equal(amount.toString(), '0.300000000');
  assert.equal(big, 170141183460469231731687303715884105727n);
  assert.deepEqual((await sql('SELECT sum(amount) FROM d.m'))[0]!.map(String), ['0.300000000']);
});

test('INSERT WITH LABEL uses a label once and SHOW LOAD lists the job', async () => {
  const { engine, ctx, sql, fails } = setup();
  await sql('CREATE DATABASE d');
  await sql('USE d');
  await sql('CREATE TABLE t (k INT)');
  const r = await engine.execute(engine.parse('INSERT INTO t WITH LABEL l1 VALUES (1), (2)'), ctx);
  assert.equal(r.kind, 'none');
  assert.equal(r.kind === 'none' && r.affectedRows, 2);
  assert.match(r.kind === 'none' ? r.info ?? '' : '', /^\{'label':'l1', 'status':'VISIBLE', 'txnId':'\d+'\}$/);
  assert.deepEqual(await fails('INSERT INTO t WITH LABEL l1 VALUES (3)'), { code: 1064, state: 'HY000', message: 'Label [l1] has already been used.' });
  const rows = await sql('SHOW LOAD WHERE LABEL = "l1"');
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0]!.slice(1, 5), ['l1', 'FINISHED', 'ETL:100%; LOAD:100%', 'INSERT']);
  assert.equal(rows[0]![9], 2n);
});

test('SET stores session variables; unknown ones are refused', async () => {
  const { sql, fails } = setup();
  await sql('SET NAMES utf8mb4');
  await sql('SET autocommit = 1, query_timeout = 60');
  assert.deepEqual((await sql('SELECT @@query_timeout, @@autocommit'))[0]!.map(Number), [60, 1]);
  assert.match((await fails('SET nope = 1')).message, /^Unknown system variable 'nope', the most similar variables are \{/);
});

test('the ClickHouse dialect still rejects StarRocks-only syntax', () => {
  const engine = createClickHouseEngine();
  assert.throws(() => engine.parse('CREATE TABLE t (a INT) DUPLICATE KEY(a)'), /Syntax error/);
});
