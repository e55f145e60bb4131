// The query port inside the cluster: users and roles created over MySQL
// drive the HTTP auth levels; SHOW PROC / BACKENDS / FRONTEND CONFIG read the
// cluster; queries feed profiles, query_detail, /api/connection and metrics.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { startFeQueryServer } from '../../reference/starrocks/mysql/server.ts';
import type { FeQueryServer } from '../../reference/starrocks/mysql/server.ts';
import { clusterFrontend } from '../../reference/starrocks/mysql/frontend.ts';
import { basic, setup } from './helpers.ts';

const s = setup();
let server: FeQueryServer;
const connect = (user = 'root', password = '') =>
  mysql.createConnection({ host: '127.0.0.1', port: server.port, user, password, rowsAsArray: true });

before(async () => {
  server = await startFeQueryServer({
    port: 0, engine: s.cluster.engine, users: (u) => s.cluster.users.users.get(u)?.password, frontend: clusterFrontend(s.cluster),
  });
});
after(async () => {
  await server.close();
});

test('CREATE USER and GRANT decide the HTTP auth levels; DROP USER removes the user', async () => {
  const c = await connect();
  await c.query("CREATE USER 'u1'@'%' IDENTIFIED BY 'pa:ss'");
  await assert.rejects(c.query("CREATE USER 'u1'@'%' IDENTIFIED BY 'x'"), { errno: 1396, message: "Operation CREATE USER failed for 'u1'@'%'" });
  let r = await s.fe.inject({ method: 'GET', url: '/api/_get_ddl?db=nodb&tbl=t', headers: { authorization: basic('u1', 'pa:ss') } });
  assert.deepEqual([r.statusCode, r.body], [401, '{"status":"FAILED","code":"1","msg":"Access denied for user \\u0027u1\\u0027@\\u0027%\\u0027. Please ask the admin to grant permission(s) or try activating existing roles using \\u003cset [default] role\\u003e. Current role(s): [public]. Inactivated role(s): [].","message":"Access denied for user \\u0027u1\\u0027@\\u0027%\\u0027. Please ask the admin to grant permission(s) or try activating existing roles using \\u003cset [default] role\\u003e. Current role(s): [public]. Inactivated role(s): []."}']);
  await c.query("GRANT db_admin, user_admin TO USER 'u1'@'%'");
  await c.query("SET DEFAULT ROLE ALL TO 'u1'@'%'");
  r = await s.fe.inject({ method: 'GET', url: '/api/_get_ddl?db=nodb&tbl=t', headers: { authorization: basic('u1', 'pa:ss') } });
  assert.equal(JSON.parse(r.body).msg, 'Database[nodb] does not exist');
  const u1 = await connect('u1', 'pa:ss');
  await u1.end();
  await c.query("DROP USER 'u1'@'%'");
  await assert.rejects(connect('u1', 'pa:ss'), { errno: 1045 });
  await c.end();
});

test('SHOW PROC, SHOW BACKENDS / COMPUTE NODES and ADMIN SHOW FRONTEND CONFIG read the cluster', async () => {
  const c = await connect();
  await c.query('CREATE DATABASE cg');
  await c.query('CREATE TABLE cg.t (id INT, name VARCHAR(20)) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 2 PROPERTIES ("colocate_with" = "grp")');
  const [groups, fields] = await c.query("SHOW PROC '/colocation_group'");
  assert.deepEqual((fields as { name: string }[]).map((f) => f.name), ['GroupId', 'GroupName', 'TableIds', 'TableNames', 'BucketsNum', 'ReplicationNum', 'DistCols', 'IsStable']);
  const row = (groups as string[][])[0]!;
  const dbId = s.cluster.dbId('cg');
  assert.match(row[0]!, new RegExp(`^${dbId}\\.\\d+$`));
  assert.deepEqual(row.slice(1), [`${dbId}_grp`, String(s.cluster.tables.find('cg', 't')!.id), 't', '2', '1', 'int(11)', 'true']);
  const [backends, beFields] = await c.query('SHOW BACKENDS');
  const names = (beFields as { name: string }[]).map((f) => f.name);
  assert.equal((backends as string[][])[0]![names.indexOf('BackendId')], String(s.cluster.backends[0]!.id));
  assert.equal((backends as string[][])[0]![names.indexOf('HttpPort')], String(s.cluster.backends[0]!.httpPort));
  const [cns] = await c.query('SHOW COMPUTE NODES');
  assert.equal((cns as string[][]).length, 1);
  const [config] = await c.query("ADMIN SHOW FRONTEND CONFIG LIKE 'label_keep_max_second'");
  assert.deepEqual(config, [['label_keep_max_second', '[]', '259200', 'long', 'true', '']]);
  await assert.rejects(c.query("SHOW PROC '/olapspec'"), { errno: 1064 });
  await c.query('DROP DATABASE cg FORCE');
  await c.end();
});

test('queries feed last_query_id, profiles, query_detail, /api/connection and the query metrics', async () => {
  s.cluster.feConfig.defs.enable_collect_query_detail_info!.value = 'true';
  const before = s.cluster.feMetrics.value('query_total');
  const c = await connect();
  await c.query('SET enable_profile = true');
  await c.query("SELECT 'olapspec-marker'");
  const [[[qid]]] = (await c.query('SELECT last_query_id()')) as unknown as [[[string]]];
  assert.match(qid, /^[0-9a-f]{8}-[0-9a-f]{4}-/);
  // /api/profile asks for credentials (QueryProfileAction is a RestBaseAction).
  let r = await s.fe.inject({ method: 'GET', url: `/api/profile?query_id=${qid}`, headers: { authorization: basic('root') } });
  assert.equal(r.statusCode, 200);
  assert.match(r.body, new RegExp(`Query ID: ${qid}`));
  r = await s.fe.inject({ method: 'GET', url: '/api/query_detail?event_time=0', headers: { authorization: basic('root') } });
  const detail = (JSON.parse(r.body) as Record<string, unknown>[]).find((d) => d.queryId === qid)!;
  assert.deepEqual(Object.keys(detail).slice(0, 12), ['eventTime', 'queryId', 'isQuery', 'remoteIP', 'connId', 'startTime', 'endTime', 'latency', 'state', 'database', 'sql', 'user']);
  assert.deepEqual([detail.sql, detail.state, detail.isQuery], ["SELECT 'olapspec-marker'", 'FINISHED', true]);
  r = await s.fe.inject({ method: 'GET', url: `/api/connection?connection_id=${detail.connId}` });
  assert.match(r.body, /^\{"query_id" : "[0-9a-f-]+"\}$/);
  assert.ok(s.cluster.feMetrics.value('query_total') >= before + 2);
  r = await s.fe.inject({ method: 'GET', url: '/metrics' });
  assert.match(r.body, /^# HELP starrocks_fe_query_latency_ms $/m);
  assert.match(r.body, /^# TYPE starrocks_fe_query_latency_ms summary$/m);
  assert.match(r.body, /^starrocks_fe_query_latency_ms\{quantile="0\.999"\} [\d.]+$/m);
  assert.match(r.body, /^starrocks_fe_query_latency_ms_count [1-9]\d*$/m);
  await c.end();
});
