// StarRocks as its users reach it: mysql2 on the FE's query port, and Stream
// Load exactly as the StarRocks documentation shows it — curl with
// --location-trusted, Expect: 100-continue, a label and the CSV or JSON
// headers, a PUT to the FE that redirects (307) to a BE. Against the reference
// servers started as their own process, or OLAPSPEC_STARROCKS_TARGET
// (`starrocks=http://fe:8030` for a StarRocks of your own).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import type { Connection, RowDataPacket, ResultSetHeader } from 'mysql2/promise';
import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';
import type { StarRocksEndpoints } from '../../steps/targets/starrocks_endpoints.ts';

const SPEC = process.env.OLAPSPEC_STARROCKS_TARGET ?? 'reference';
const DB = 'client_workflow';
const run = promisify(execFile);

let target: RunningTarget;
let sr: StarRocksEndpoints;
let conn: Connection;
let dir: string;

/** curl as the Stream Load documentation writes it; the answer is the BE's JSON. */
async function streamLoad(table: string, file: string, headers: Record<string, string>): Promise<Record<string, unknown>> {
  const args = ['--silent', '--show-error', '--location-trusted', '-u', `${sr.user}:${sr.password}`, '-H', 'Expect:100-continue'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}:${value}`);
  args.push('-T', join(dir, file), '-XPUT', `${sr.fe}/api/${DB}/${table}/_stream_load`);
  const { stdout } = await run('curl', args);
  return JSON.parse(stdout) as Record<string, unknown>;
}

async function select(sql: string, values?: unknown[]): Promise<RowDataPacket[]> {
  const [rows] = await conn.query<RowDataPacket[]>(sql, values);
  return rows;
}

describe('StarRocks clients: mysql2 and curl stream loads', () => {
  before(async () => {
    target = await startTarget(SPEC);
    if (!target.starrocks) throw new Error(`${SPEC} serves no StarRocks`);
    sr = target.starrocks;
    dir = mkdtempSync(join(tmpdir(), 'olapspec-sr-client-'));
    conn = await mysql.createConnection({ host: sr.queryHost, port: sr.queryPort, user: sr.user, password: sr.password });
    await conn.query(`DROP DATABASE IF EXISTS ${DB}`);
    await conn.query(`CREATE DATABASE ${DB}`);
    await conn.changeUser({ database: DB });
  });
  after(async () => {
    await conn?.end();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await target?.stop();
  });

  test('mysql2: the session, DDL, and the server it talks to', async () => {
    const [[version]] = await conn.query<RowDataPacket[]>('SELECT current_version() AS v');
    assert.match(String(version!.v), /^\d+\.\d+\.\d+/);
    await conn.query(`CREATE TABLE table1 (id INT NOT NULL, name VARCHAR(64), score INT) DUPLICATE KEY(id)
      DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ("replication_num" = "1")`);
    assert.deepEqual((await select('SHOW TABLES')).map((r) => Object.values(r)[0]), ['table1']);
    assert.deepEqual((await select('SELECT DATABASE() AS db'))[0], { db: DB });
  });

  test('curl stream load of CSV with a label and column_separator, as the docs show it', async () => {
    const csv = '1,Lily,23\n2,Rose,23\n3,Alice,24\n4,Julia,25\n';
    writeFileSync(join(dir, 'example1.csv'), csv);
    const loaded = await streamLoad('table1', 'example1.csv', { label: 'client-csv-1', column_separator: ',', columns: 'id, name, score' });
    assert.equal(loaded.Status, 'Success', JSON.stringify(loaded));
    assert.equal(loaded.Message, 'OK');
    assert.equal(loaded.Label, 'client-csv-1');
    assert.equal(loaded.NumberTotalRows, 4);
    assert.equal(loaded.NumberLoadedRows, 4);
    assert.equal(loaded.NumberFilteredRows, 0);
    assert.equal(loaded.LoadBytes, Buffer.byteLength(csv));
    assert.equal(typeof loaded.TxnId, 'number');
    assert.deepEqual(await select('SELECT id, name, score FROM table1 ORDER BY id'),
      [{ id: 1, name: 'Lily', score: 23 }, { id: 2, name: 'Rose', score: 23 }, { id: 3, name: 'Alice', score: 24 }, { id: 4, name: 'Julia', score: 25 }]);
    // Without --location-trusted curl stops at the FE's 307, which names a BE (and, being a redirect, drops nothing yet).
    const { stdout } = await run('curl', ['--silent', '-o', '/dev/null', '-w', '%{http_code} %{redirect_url}', '-u', `${sr.user}:${sr.password}`,
      '-H', 'Expect:100-continue', '-H', 'label:client-csv-redirect', '-T', join(dir, 'example1.csv'), '-XPUT', `${sr.fe}/api/${DB}/table1/_stream_load`]);
    const [status, location] = stdout.split(' ');
    assert.equal(status, '307');
    assert.equal(new URL(location!).pathname, `/api/${DB}/table1/_stream_load`);
    assert.notEqual(new URL(location!).port, new URL(sr.fe).port);
    // The same label again: nothing loads twice.
    const again = await streamLoad('table1', 'example1.csv', { label: 'client-csv-1', column_separator: ',' });
    assert.equal(again.Status, 'Label Already Exists', JSON.stringify(again));
    assert.equal(again.ExistingJobStatus, 'FINISHED');
    assert.deepEqual((await select('SELECT count(*) AS n FROM table1'))[0], { n: 4 });
  });

  test('curl stream load of JSON with jsonpaths and a computed column', async () => {
    await conn.query(`CREATE TABLE table2 (id INT NOT NULL, city VARCHAR(50)) DUPLICATE KEY(id)
      DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ("replication_num" = "1")`);
    writeFileSync(join(dir, 'example2.json'), '{"name": "Beijing", "code": 2}');
    const loaded = await streamLoad('table2', 'example2.json', { label: 'client-json-1', format: 'json', jsonpaths: '["$.name","$.code"]',
      columns: 'city,tmp_id, id = tmp_id * 100' });
    assert.equal(loaded.Status, 'Success', JSON.stringify(loaded));
    assert.deepEqual(await select('SELECT id, city FROM table2'), [{ id: 200, city: 'Beijing' }]);
    writeFileSync(join(dir, 'array.json'), '[{"id": 1, "city": "Paris"}, {"id": 2, "city": "Oslo"}]');
    const array = await streamLoad('table2', 'array.json', { format: 'json', strip_outer_array: 'true' });
    assert.equal(array.Status, 'Success', JSON.stringify(array));
    assert.equal(array.NumberLoadedRows, 2);
    assert.deepEqual(await select('SELECT id, city FROM table2 ORDER BY id'), [{ id: 1, city: 'Paris' }, { id: 2, city: 'Oslo' }, { id: 200, city: 'Beijing' }]);
  });

  test('a load with bad rows fails unless max_filter_ratio lets them go, and the FE without credentials refuses', async () => {
    writeFileSync(join(dir, 'bad.csv'), '5,Eve,26\nnot-a-number,Mallory,1\n');
    const failed = await streamLoad('table1', 'bad.csv', { column_separator: ',' });
    assert.equal(failed.Status, 'Fail', JSON.stringify(failed));
    assert.equal(failed.NumberFilteredRows, 1);
    assert.match(String(failed.ErrorURL), /^http:\/\//);
    const tolerated = await streamLoad('table1', 'bad.csv', { column_separator: ',', max_filter_ratio: '0.5' });
    assert.equal(tolerated.Status, 'Success', JSON.stringify(tolerated));
    assert.deepEqual([tolerated.NumberLoadedRows, tolerated.NumberFilteredRows], [1, 1]);
    const { stdout } = await run('curl', ['--silent', '-o', '/dev/null', '-w', '%{http_code}', '-H', 'Expect:100-continue', '-T', join(dir, 'bad.csv'),
      '-XPUT', `${sr.fe}/api/${DB}/table1/_stream_load`]);
    assert.equal(stdout, '401');
  });

  test('a primary key table: a stream load upserts, and __op deletes', async () => {
    await conn.query(`CREATE TABLE users (id INT NOT NULL, name VARCHAR(20), age INT) PRIMARY KEY(id)
      DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ("replication_num" = "1")`);
    writeFileSync(join(dir, 'users.csv'), '1,ann,30\n2,bob,40\n');
    assert.equal((await streamLoad('users', 'users.csv', { column_separator: ',' })).Status, 'Success');
    writeFileSync(join(dir, 'users2.csv'), '2,bobby,41,0\n1,ann,30,1\n');
    const upsert = await streamLoad('users', 'users2.csv', { column_separator: ',', columns: 'id, name, age, __op' });
    assert.equal(upsert.Status, 'Success', JSON.stringify(upsert));
    assert.deepEqual(await select('SELECT id, name, age FROM users ORDER BY id'), [{ id: 2, name: 'bobby', age: 41 }]);
  });

  test('mysql2: INSERT with placeholders, typed results, errors with StarRocks numbers', async () => {
    await conn.query(`CREATE TABLE typed (id BIGINT NOT NULL, price DECIMAL(10, 2), day DATE, at DATETIME, ok BOOLEAN, note STRING)
      DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ("replication_num" = "1")`);
    const [inserted] = await conn.query<ResultSetHeader>('INSERT INTO typed VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)',
      [1, '9.99', '2024-02-29', '2024-02-29 12:34:56', true, "it's", 2, null, null, null, false, null]);
    assert.equal(inserted.affectedRows, 2);
    assert.match(inserted.info, /'label':'insert_[0-9a-f-]+', 'status':'VISIBLE', 'txnId':'\d+'/);
    const rows = await select('SELECT id, price, day, at, ok, note FROM typed WHERE id = ?', [1]);
    assert.equal(rows.length, 1);
    const [row] = rows as [RowDataPacket];
    assert.equal(row.id, 1);
    assert.equal(row.price, '9.99');
    assert.ok(row.day instanceof Date);
    assert.equal((row.at as Date).getTime(), new Date(2024, 1, 29, 12, 34, 56).getTime());
    assert.equal(row.ok, 1);
    assert.equal(row.note, "it's");
    assert.deepEqual((await select('SELECT id, price, note FROM typed WHERE id = 2'))[0], { id: 2, price: null, note: null });
    await assert.rejects(conn.query('SELECT * FROM no_such_table'), (err: { errno?: number; sqlState?: string; message?: string }) =>
      // The analyzer's SemanticException, as the FE reports it: 1064 (HY000).
      err.errno === 1064 && err.sqlState === 'HY000' && err.message === `Getting analyzing error. Detail message: Unknown table '${DB}.no_such_table'.`);
  });

  test('mysql2: execute() prepares a query, binds typed parameters and reads binary rows; other statements are refused', async () => {
    const [rows] = await conn.execute<RowDataPacket[]>('SELECT id, price, day, at, ok, note FROM typed WHERE id = ? OR note = ? ORDER BY id', [2, "it's"]);
    assert.equal(rows.length, 2);
    assert.deepEqual({ ...rows[0], day: undefined, at: undefined }, { id: 1, price: '9.99', day: undefined, at: undefined, ok: 1, note: "it's" });
    assert.equal((rows[0]!.at as Date).getTime(), new Date(2024, 1, 29, 12, 34, 56).getTime());
    assert.deepEqual(rows[1], { id: 2, price: null, day: null, at: null, ok: 0, note: null });
    // The same statement again, from mysql2's cache of prepared statements, with other values.
    const [again] = await conn.execute<RowDataPacket[]>('SELECT id, price, day, at, ok, note FROM typed WHERE id = ? OR note = ? ORDER BY id', [1, 'none']);
    assert.deepEqual(again.map((r) => r.id), [1]);
    const [values] = await conn.execute<RowDataPacket[]>('SELECT ? AS d, ? AS s, ? AS n, ? AS big', [1.5, 'a ? in a string', null, 9007199254740993n]);
    assert.deepEqual(values, [{ d: 1.5, s: 'a ? in a string', n: null, big: '9007199254740993' }]);
    // Only query statements can be prepared (ConnectProcessor: ERR_UNSUPPORTED_PS).
    await assert.rejects(conn.execute('INSERT INTO typed (id) VALUES (?)', [3]), (err: { errno?: number; sqlState?: string }) =>
      err.errno === 1295 && err.sqlState === 'HY000');
    await conn.unprepare('SELECT ? AS d, ? AS s, ? AS n, ? AS big');
    assert.deepEqual((await select('SELECT count(*) AS n FROM typed'))[0], { n: 2 });
  });

  test('mysql2: a pool of connections sees what the others wrote', async () => {
    const pool = mysql.createPool({ host: sr.queryHost, port: sr.queryPort, user: sr.user, password: sr.password, database: DB, connectionLimit: 3 });
    try {
      const counts = await Promise.all([1, 2, 3, 4, 5, 6].map(async () => {
        const [[r]] = await pool.query<RowDataPacket[]>('SELECT count(*) AS n FROM table1');
        return r!.n as number;
      }));
      assert.deepEqual(counts, [5, 5, 5, 5, 5, 5]);
    } finally {
      await pool.end();
    }
  });
});
