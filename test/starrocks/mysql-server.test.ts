// The FE query port, driven by the mysql2 client: handshake and auth,
// session variables clients read on connect, result metadata, OK/ERR packets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import type { FieldPacket } from 'mysql2/promise';
import { startFeQueryServer } from '../../reference/starrocks/mysql/server.ts';
import type { FeQueryServer } from '../../reference/starrocks/mysql/server.ts';
import { STARROCKS_COMMIT, STARROCKS_VERSION } from '../../reference/starrocks/version.ts';

let server: FeQueryServer;
const connect = (opts: { user?: string; password?: string; database?: string } = {}) =>
  mysql.createConnection({ host: '127.0.0.1', port: server.port, user: opts.user ?? 'root', password: opts.password ?? '', ...(opts.database ? { database: opts.database } : {}) });

async function failure(p: Promise<unknown>): Promise<{ errno: number; sqlState: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { errno: number; sqlState: string; message: string };
    return { errno: err.errno, sqlState: err.sqlState, message: err.message };
  }
  throw new Error('expected a MySQL error');
}

before(async () => {
  server = await startFeQueryServer({ port: 0, users: { root: '', alice: 'secret' } });
});
after(async () => {
  await server.close();
});

test('the handshake announces 5.1.0 and @@version_comment names the StarRocks release', async () => {
  assert.match(server.url, /^mysql:\/\/127\.0\.0\.1:\d+$/);
  const c = await connect();
  assert.equal((c as unknown as { connection: { serverVersion?: string; _handshakePacket: { serverVersion: string } } }).connection._handshakePacket.serverVersion, '5.1.0');
  const [rows] = await c.query('select @@version_comment limit 1');
  assert.deepEqual(rows, [{ '@@version_comment': `${STARROCKS_VERSION}-${STARROCKS_COMMIT}` }]);
  const [iso] = await c.query('SELECT @@session.transaction_isolation, @@autocommit');
  assert.deepEqual(iso, [{ '@@session.transaction_isolation': 'REPEATABLE-READ', '@@autocommit': 1 }]);
  await c.query('SET NAMES utf8mb4');
  await c.query('SET autocommit=1');
  await c.ping();
  await c.end();
});

test('wrong passwords and unknown users get 1045; a password user logs in', async () => {
  assert.deepEqual(await failure(connect({ password: 'nope' })), { errno: 1045, sqlState: '28000', message: "Access denied for user 'root'@'127.0.0.1' (using password: YES)" });
  assert.deepEqual(await failure(connect({ user: 'bob' })), { errno: 1045, sqlState: '28000', message: "Access denied for user 'bob'@'127.0.0.1' (using password: NO)" });
  const c = await connect({ user: 'alice', password: 'secret' });
  const [rows] = await c.query('select current_user()');
  assert.deepEqual(rows, [{ 'current_user()': "'alice'@'%'" }]);
  await c.end();
});

test('DDL, INSERT with its label info, SELECT with MySQL column types', async () => {
  const c = await connect();
  await c.query('CREATE DATABASE shop');
  await c.query('USE shop');
  await c.query(`CREATE TABLE orders (id BIGINT NOT NULL, price DECIMAL(10, 2), note STRING, day DATE, ts DATETIME, paid BOOLEAN, qty TINYINT)
    PRIMARY KEY (id) DISTRIBUTED BY HASH(id) BUCKETS 2 PROPERTIES ("replication_num" = "1")`);
  const [ok] = await c.query('INSERT INTO orders WITH LABEL first_load VALUES (1, 9.5, "a", "2024-01-02", "2024-01-02 03:04:05", true, 3), (2, NULL, NULL, NULL, NULL, NULL, NULL)');
  const header = ok as mysql.ResultSetHeader;
  assert.equal(header.affectedRows, 2);
  assert.match(header.info, /^\{'label':'first_load', 'status':'VISIBLE', 'txnId':'\d+'\}$/);
  const [rows, fields] = await c.query({ sql: 'SELECT * FROM orders ORDER BY id', rowsAsArray: true, dateStrings: true });
  assert.deepEqual(rows, [['1', '9.50', 'a', '2024-01-02', '2024-01-02 03:04:05', 1, 3], [2, null, null, null, null, null, null]].map((r, i) => (i === 0 ? [1, ...r.slice(1)] : r)));
  assert.deepEqual((fields as FieldPacket[]).map((f) => f.columnType), [8, 246, 253, 10, 12, 1, 1]);
  const [tables] = await c.query('SHOW TABLES');
  assert.deepEqual(tables, [{ Tables_in_shop: 'orders' }]);
  await c.end();
});

test('errors carry the StarRocks number and SQLSTATE; COM_INIT_DB checks the database', async () => {
  const c = await connect();
  assert.deepEqual(await failure(c.query('SELECT * FROM nodb.t')), { errno: 1064, sqlState: 'HY000', message: "Getting analyzing error. Detail message: Unknown database 'nodb'." });
  assert.deepEqual(await failure(c.query('CREATE TABLE t (a INT)')), { errno: 1046, sqlState: '3D000', message: 'No database selected' });
  assert.equal((await failure(c.query('SELEC 1'))).errno, 1064);
  assert.deepEqual(await failure(c.changeUser({ database: 'nodb' })), { errno: 1049, sqlState: '42000', message: "Unknown database 'nodb'" });
  await c.end();
  assert.deepEqual(await failure(connect({ database: 'nodb' })), { errno: 1049, sqlState: '42000', message: "Unknown database 'nodb'" });
});

test('each connection has its own database and variables', async () => {
  const a = await connect();
  const b = await connect({ database: 'sys' });
  await a.query('SET query_timeout = 10');
  const [ra] = await a.query('SELECT database(), @@query_timeout');
  const [rb] = await b.query('SELECT database(), @@query_timeout');
  assert.deepEqual(ra, [{ 'database()': null, '@@query_timeout': 10 }]);
  assert.deepEqual(rb, [{ 'database()': 'sys', '@@query_timeout': 300 }]);
  await a.end();
  await b.end();
});
