// `olapspec serve --data-dir`: what a server stored is there again after a
// restart on the same directory, definitions and rows identical (SHOW
// CREATE TABLE, SELECT * byte for byte, system.tables' counts), for
// ClickHouse's MergeTree and Log tables and StarRocks' key models; what
// ClickHouse itself does not keep (a Memory table's rows, a Memory
// database's tables) is gone, as there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { ch, startServe, streamLoad } from './persistence/serve-process.ts';
import type { ServeProcess } from './persistence/serve-process.ts';

const CH_TABLES = ['default.mt', 'default.types', 'default.rmt', 'db1.log', 'db1.tiny', 'db1.stripe', 'db1.renamed', 'db1.emptied', 'default.mem'];
const SR_TABLES = ['srdb.dup', 'srdb.pk', 'srdb.agg'];

async function clickhouseSetup(url: string): Promise<void> {
  const q = (sql: string): Promise<string> => ch(url, sql);
  await q('CREATE DATABASE db1');
  await q('CREATE DATABASE memdb ENGINE = Memory');
  await q(`CREATE TABLE default.mt (id UInt64, i64 Int64, d Decimal(38, 10), s String, n Nullable(Int32), a Array(Nullable(String)),
    dt DateTime('Europe/Berlin'), day Date, f Float64, b Bool, def UInt32 DEFAULT 40 + 2 COMMENT 'answer') ENGINE = MergeTree ORDER BY id COMMENT 'kept'`);
  await q(`INSERT INTO default.mt (id, i64, d, s, n, a, dt, day, f, b) VALUES (18446744073709551615, -9223372036854775808, '12345678901234567890.0123456789',
    'naïve \\'quoted\\' \\t tab', NULL, ['x', NULL, ''], '2024-03-31 02:30:00', '2106-02-07', nan, true)`);
  await q(`INSERT INTO default.mt (id, i64, d, s, n, a, dt, day, f, b) VALUES (1, 2, -0.0000000001, '', -7, [], 0, 0, -0., false), (2, 3, 1, 'z', 2147483647, ['é'], 1, 1, inf, true)`);
  await q('INSERT INTO default.mt (id, s) SELECT number, toString(number) FROM numbers(300)');
  await q(`CREATE TABLE default.types (u UUID, i4 IPv4, i6 IPv6, fs FixedString(3), en Enum8('a' = 1, 'b c' = -2), d32 Date32,
    dt64 DateTime64(3, 'UTC'), u128 UInt128, i256 Int256, tup Tuple(a Int32, b String), m Map(String, UInt64), lc LowCardinality(String),
    lcn LowCardinality(Nullable(String)), an Array(Nullable(Decimal(9, 2)))) ENGINE = MergeTree ORDER BY u`);
  await q(`INSERT INTO default.types VALUES ('61f0c404-5cb3-11e7-907b-a6006ad3dba0', '1.2.3.4', '2001:db8::1', 'ab', 'b c', '1900-01-01',
    '2020-01-01 00:00:00.123', 340282366920938463463374607431768211455, -57896044618658097711785492504343953926634992332820282019728792003956564819968,
    (1, 'x'), {'k': 18446744073709551615}, 'lc', NULL, [1.25, NULL])`);
  await q('CREATE TABLE default.rmt (k String, v Int32) ENGINE = ReplacingMergeTree PARTITION BY k ORDER BY k SETTINGS index_granularity = 128');
  await q("INSERT INTO default.rmt VALUES ('a', 1), ('b', 2)");
  await q('CREATE TABLE db1.log (x Int32, y String DEFAULT concat(\'y\', \'z\')) ENGINE = Log');
  await q('INSERT INTO db1.log (x) VALUES (1), (2)');
  await q("INSERT INTO db1.log VALUES (3, 'three')");
  await q('CREATE TABLE db1.tiny (x Array(Array(UInt8))) ENGINE = TinyLog');
  await q('INSERT INTO db1.tiny VALUES ([[1, 2], []]), ([])');
  await q('CREATE TABLE db1.stripe (x Float32) ENGINE = StripeLog');
  await q('INSERT INTO db1.stripe VALUES (0.1), (-3.5e38)');
  await q('CREATE TABLE db1.before (x UInt8) ENGINE = MergeTree ORDER BY x');
  await q('INSERT INTO db1.before VALUES (5)');
  await q('RENAME TABLE db1.before TO db1.renamed');
  await q('INSERT INTO db1.renamed VALUES (6)');
  await q('CREATE TABLE db1.emptied (x UInt8) ENGINE = Log');
  await q('INSERT INTO db1.emptied VALUES (1)');
  await q('TRUNCATE TABLE db1.emptied');
  await q('INSERT INTO db1.emptied VALUES (2)');
  await q('CREATE TABLE db1.dropped (x UInt8) ENGINE = Log');
  await q('INSERT INTO db1.dropped VALUES (1)');
  await q('DROP TABLE db1.dropped');
  await q('CREATE DATABASE gone');
  await q('CREATE TABLE gone.t (x UInt8) ENGINE = Log');
  await q('DROP DATABASE gone');
  await q('CREATE TABLE default.mem (x UInt8) ENGINE = Memory');
  await q('INSERT INTO default.mem VALUES (1)');
  await q('CREATE TABLE memdb.t (x UInt8) ENGINE = Log');
}

async function starrocksSetup(s: ServeProcess): Promise<void> {
  const c = await mysql.createConnection({ host: s.mysql.host, port: s.mysql.port, user: 'root', password: '' });
  try {
    await c.query('CREATE DATABASE srdb');
    await c.query(`CREATE TABLE srdb.dup (k INT NOT NULL, v VARCHAR(20), d DECIMAL(27, 9), big LARGEINT) DUPLICATE KEY(k)
      DISTRIBUTED BY HASH(k) BUCKETS 2 PROPERTIES ("replication_num" = "1")`);
    await c.query("INSERT INTO srdb.dup VALUES (1, 'a', 1.5, 170141183460469231731687303715884105727), (2, NULL, -0.000000001, -1)");
    await c.query(`CREATE TABLE srdb.pk (k INT NOT NULL, v VARCHAR(20)) PRIMARY KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ("replication_num" = "1")`);
    await c.query("INSERT INTO srdb.pk VALUES (1, 'one'), (2, 'two')");
    await c.query("INSERT INTO srdb.pk WITH LABEL pk_insert VALUES (1, 'uno')");
    await c.query(`CREATE TABLE srdb.agg (k INT NOT NULL, total BIGINT SUM DEFAULT "0") AGGREGATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ("replication_num" = "1")`);
    await c.query('INSERT INTO srdb.agg VALUES (1, 10), (1, 5), (2, 1)');
  } finally {
    await c.end();
  }
  const r = await streamLoad(s.be, 'srdb', 'dup', '3\tstream\t2.25\t7\n', { columns: 'k, v, d, big', label: 'dup_stream' });
  assert.equal(r.Status, 'Success', JSON.stringify(r));
  // Each load of a PRIMARY KEY table rewrites it: the labels of the older loads must be carried along.
  for (const [label, body] of [['pk_stream_1', '3\tthree\n'], ['pk_stream_2', '2\tdos\n']] as const) {
    const p = await streamLoad(s.be, 'srdb', 'pk', body, { label });
    assert.equal(p.Status, 'Success', JSON.stringify(p));
  }
}

/** Everything the restart must keep, as text. */
async function snapshot(s: ServeProcess): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of CH_TABLES) {
    out[`ch show ${t}`] = await ch(s.clickhouse, `SHOW CREATE TABLE ${t}`);
    out[`ch rows ${t}`] = await ch(s.clickhouse, `SELECT * FROM ${t} FORMAT TSVWithNamesAndTypes`);
  }
  out['ch tables'] = await ch(s.clickhouse, "SELECT database, name, engine, total_rows, total_bytes, comment FROM system.tables WHERE database NOT IN ('system', 'INFORMATION_SCHEMA', 'information_schema') ORDER BY database, name");
  out['ch databases'] = await ch(s.clickhouse, 'SELECT name, engine FROM system.databases ORDER BY name');
  const c = await mysql.createConnection({ host: s.mysql.host, port: s.mysql.port, user: 'root', password: '' });
  try {
    for (const t of SR_TABLES) {
      out[`sr show ${t}`] = (await c.query(`SHOW CREATE TABLE ${t}`))[0];
      out[`sr rows ${t}`] = (await c.query({ sql: `SELECT * FROM ${t} ORDER BY k`, supportBigNumbers: true, bigNumberStrings: true }))[0];
    }
  } finally {
    await c.end();
  }
  return out;
}

test('serve --data-dir: databases, tables and rows come back after SIGTERM and a restart, as ClickHouse and StarRocks keep them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-persist-'));
  let s = await startServe(dir);
  try {
    await clickhouseSetup(s.clickhouse);
    await starrocksSetup(s);
    const before = await snapshot(s);
    assert.match(String(before['ch rows default.mem']), /^x\nUInt8\n1\n$/, 'the Memory table holds its row before the restart');
    await s.stop('SIGTERM');
    s = await startServe(dir);
    const after = await snapshot(s);
    // A Memory table keeps its definition and loses its rows, as StorageMemory does.
    assert.equal(after['ch rows default.mem'], 'x\nUInt8\n');
    delete before['ch rows default.mem'];
    delete after['ch rows default.mem'];
    before['ch tables'] = String(before['ch tables']).replace(/^default\tmem\tMemory\t1\t1\t/m, 'default\tmem\tMemory\t0\t0\t').replace(/^memdb\tt\t.*\n/m, '');
    // A Memory database comes back without its tables; a dropped table and database stay dropped.
    assert.equal(await ch(s.clickhouse, "SELECT count() FROM system.tables WHERE database IN ('memdb', 'gone') OR name IN ('dropped', 'before')"), '0\n');
    assert.deepEqual(after, before);
    // StarRocks remembers the labels of the loads it kept: retries are refused, new labels load.
    for (const [table, label] of [['dup', 'dup_stream'], ['pk', 'pk_stream_1'], ['pk', 'pk_stream_2']]) {
      const retry = await streamLoad(s.be, 'srdb', table!, '9\tnine\n', { label: label! });
      assert.equal(retry.Status, 'Label Already Exists', `${label}: ${JSON.stringify(retry)}`);
    }
    const sr = await mysql.createConnection({ host: s.mysql.host, port: s.mysql.port, user: 'root', password: '' });
    try {
      await assert.rejects(sr.query("INSERT INTO srdb.pk WITH LABEL pk_insert VALUES (9, 'nine')"), /Label \[pk_insert\] has already been used/);
      await sr.query("INSERT INTO srdb.pk WITH LABEL pk_new VALUES (4, 'cuatro')");
    } finally {
      await sr.end();
    }
    // The restarted server goes on storing: new rows, new tables.
    await ch(s.clickhouse, 'INSERT INTO db1.log (x) VALUES (4)');
    assert.equal(await ch(s.clickhouse, 'SELECT sum(x), count() FROM db1.log'), '10\t4\n');
    const c = await mysql.createConnection({ host: s.mysql.host, port: s.mysql.port, user: 'root', password: '' });
    try {
      await c.query('CREATE TABLE srdb.later (k INT NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ("replication_num" = "1")');
      await c.query('INSERT INTO srdb.later VALUES (9)');
      const [tables] = await c.query('SHOW TABLES FROM srdb') as unknown as [Record<string, string>[]];
      assert.deepEqual(tables.map((r) => Object.values(r)[0]).sort(), ['agg', 'dup', 'later', 'pk']);
    } finally {
      await c.end();
    }
    await s.stop('SIGTERM');
    s = await startServe(dir);
    assert.equal(await ch(s.clickhouse, 'SELECT sum(x), count() FROM db1.log'), '10\t4\n');
    const c2 = await mysql.createConnection({ host: s.mysql.host, port: s.mysql.port, user: 'root', password: '' });
    try {
      assert.deepEqual((await c2.query('SELECT k FROM srdb.later'))[0], [{ k: 9 }]);
      assert.deepEqual((await c2.query('SELECT * FROM srdb.pk ORDER BY k'))[0], [{ k: 1, v: 'uno' }, { k: 2, v: 'dos' }, { k: 3, v: 'three' }, { k: 4, v: 'cuatro' }]);
      await assert.rejects(c2.query("INSERT INTO srdb.pk WITH LABEL pk_new VALUES (5, 'cinco')"), /Label \[pk_new\] has already been used/);
    } finally {
      await c2.end();
    }
  } finally {
    await s.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
