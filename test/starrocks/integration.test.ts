// The cluster and the engine as one StarRocks: tables created in StarRocks
// DDL give the HTTP side its tablets, partitions and DDL text; loads go
// through the engine's key models; stream loads and INSERT WITH LABEL share
// one label namespace; views are not OLAP tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, createTable, engineContext, rows, setup, sql } from './helpers.ts';
import { allTablets } from '../../reference/starrocks/cluster/tables.ts';
import { STARROCKS_COMMIT, STARROCKS_VERSION } from '../../reference/starrocks/version.ts';
import { Router } from '../../reference/starrocks/http/router.ts';

const load = (s: ReturnType<typeof setup>, table: string, headers: Record<string, string>, payload: string) =>
  s.be.inject({ method: 'PUT', url: `/api/d/${table}/_stream_load`, headers: { authorization: ROOT, column_separator: ',', ...headers }, payload })
    .then((r) => JSON.parse(r.body) as Record<string, unknown>);

async function srRows(s: ReturnType<typeof setup>, statement: string): Promise<unknown[][]> {
  const e = s.cluster.engine;
  const r = await e.execute(e.parse(statement), engineContext('d'));
  const out: unknown[][] = [];
  if (r.kind === 'rows') for await (const b of r.blocks) out.push(...b.rows);
  return out;
}

test('the cluster engine is a StarRocks FE: its schemas and its release', async () => {
  const s = setup();
  assert.deepEqual([...s.cluster.engine.catalog.databases.keys()].sort(), ['_statistics_', 'information_schema', 'sys']);
  assert.deepEqual(await srRows(s, 'SELECT current_version()'), [[`${STARROCKS_VERSION} ${STARROCKS_COMMIT}`]]);
  assert.deepEqual(await srRows(s, 'SELECT @@version_comment'), [[`${STARROCKS_VERSION}-${STARROCKS_COMMIT}`]]);
  assert.equal(s.cluster.databases().length, 0);
});

test('tablets are partitions × buckets of the DDL; _get_ddl is SHOW CREATE TABLE; _schema follows TableSchemaAction', async () => {
  const s = setup();
  await createTable(s.cluster, `CREATE TABLE d.p (id INT NOT NULL, price DECIMAL(10, 2), name VARCHAR(20)) DUPLICATE KEY(id)
    PARTITION BY RANGE(id) (PARTITION p1 VALUES LESS THAN ("10"), PARTITION p2 VALUES LESS THAN ("20")) DISTRIBUTED BY HASH(id) BUCKETS 3`);
  const meta = s.cluster.tables.find('d', 'p')!;
  assert.deepEqual(meta.partitions.map((p) => [p.name, p.lower, p.upper, p.tablets.length]), [['p1', undefined, '10', 3], ['p2', '10', '20', 3]]);
  assert.equal(allTablets(meta).length, 6);
  let r = await s.fe.inject({ method: 'GET', url: '/api/_get_ddl?db=d&tbl=p', headers: { authorization: ROOT } });
  const [[, create]] = (await srRows(s, 'SHOW CREATE TABLE d.p')) as [string, string][];
  assert.equal(JSON.parse(r.body).TABLE[0], create);
  r = await s.fe.inject({ method: 'GET', url: '/api/d/p/_schema', headers: { authorization: ROOT } });
  assert.equal(r.body, '{"properties":[{"type":"INT","name":"id","comment":""},{"name":"price","scale":"2","comment":"","type":"DECIMAL64","precision":"10"},'
    + '{"type":"VARCHAR","name":"name","comment":""}],"status":200}');
  r = await s.fe.inject({ method: 'GET', url: '/api/_migration?db=d&tbl=p', headers: { authorization: ROOT } });
  assert.equal(JSON.parse(r.body).length, 6);
});

test('loads route rows to their partitions, `partitions` limits them, SELECT … PARTITION reads one', async () => {
  const s = setup();
  await createTable(s.cluster, `CREATE TABLE d.p (id INT NOT NULL, name VARCHAR(20)) DUPLICATE KEY(id)
    PARTITION BY RANGE(id) (PARTITION p1 VALUES LESS THAN ("10"), PARTITION p2 VALUES LESS THAN ("20")) DISTRIBUTED BY HASH(id) BUCKETS 1`);
  let j = await load(s, 'p', {}, '1,a\n15,b\n');
  assert.equal(j.Status, 'Success', String(j.Message));
  const meta = s.cluster.tables.find('d', 'p')!;
  assert.deepEqual(meta.partitions.map((p) => p.visibleVersion), [2, 2]);
  j = await load(s, 'p', { partitions: 'p1', max_filter_ratio: '1' }, '2,c\n16,d\n');
  assert.deepEqual([j.Status, j.NumberLoadedRows, j.NumberFilteredRows], ['Success', 1, 1]);
  assert.deepEqual(await srRows(s, 'SELECT id FROM d.p PARTITION (p1) ORDER BY id'), [[1], [2]]);
  assert.deepEqual(await srRows(s, 'SELECT id FROM d.p PARTITION (p2)'), [[15]]);
});

test('a primary key table upserts and partial_update keeps the other columns, through the engine', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.pk (id INT NOT NULL, name VARCHAR(20), score INT) PRIMARY KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 2');
  await load(s, 'pk', {}, '1,a,10\n2,b,20\n');
  let j = await load(s, 'pk', { partial_update: 'true', columns: 'id, score' }, '1,99\n');
  assert.equal(j.Status, 'Success', String(j.Message));
  assert.deepEqual(await srRows(s, 'SELECT id, name, score FROM d.pk ORDER BY id'), [[1, 'a', 99], [2, 'b', 20]]);
  await createTable(s.cluster, 'CREATE TABLE d.dup (id INT NOT NULL, score INT) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 1');
  j = await load(s, 'dup', { partial_update: 'true', columns: 'id' }, '1\n');
  assert.equal(j.Message, 'partial update only support primary key table');
});

test('stream loads and INSERT WITH LABEL share the labels of a database; SHOW LOAD hides stream loads', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (id INT NOT NULL, name VARCHAR(20)) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 1');
  await sql(s.cluster, 'INSERT INTO d.t WITH LABEL ins1 VALUES (1, "a")');
  let j = await load(s, 't', { label: 'ins1' }, '2,b\n');
  assert.deepEqual([j.Status, j.ExistingJobStatus, j.Message], ['Label Already Exists', 'FINISHED', 'Label [ins1] has already been used.']);
  j = await load(s, 't', { label: 'sl1' }, '3,c\n');
  assert.equal(j.Status, 'Success');
  await assert.rejects(sql(s.cluster, 'INSERT INTO d.t WITH LABEL sl1 VALUES (4, "d")'), /Label \[sl1\] has already been used\./);
  // A failed stream load frees its label for an INSERT.
  j = await load(s, 't', { label: 'bad' }, 'x,y,z\n');
  assert.equal(j.Status, 'Fail');
  await sql(s.cluster, 'INSERT INTO d.t WITH LABEL bad VALUES (5, "e")');
  const shown = await srRows(s, 'SHOW LOAD FROM d');
  assert.deepEqual(shown.map((r) => r[1]).sort(), ['bad', 'ins1']);
  assert.deepEqual(await rows(s.cluster, 'SELECT count() FROM d.t'), [[3n]]);
});

test('views read their query and are refused by the OLAP-only actions', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (id INT NOT NULL, name VARCHAR(20)) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 1');
  await load(s, 't', {}, '1,a\n2,b\n');
  await sql(s.cluster, 'CREATE VIEW d.v (k) AS SELECT id FROM d.t WHERE id > 1');
  assert.deepEqual(await srRows(s, 'SELECT k FROM d.v'), [[2]]);
  let r = await s.fe.inject({ method: 'GET', url: '/api/d/v/_count', headers: { authorization: ROOT } });
  assert.deepEqual([r.statusCode, r.body], [403, '{"exception":"Table [v] is not a OlapTable, only support OlapTable currently","status":403}']);
  r = await s.fe.inject({ method: 'GET', url: '/api/_migration?db=d&tbl=v', headers: { authorization: ROOT } });
  assert.equal(JSON.parse(r.body).msg, 'Table[v] is not OlapTable');
  r = await s.fe.inject({ method: 'GET', url: '/api/rowcount?db=d&table=v', headers: { authorization: ROOT } });
  assert.equal(JSON.parse(r.body).msg, 'Table[v] is not OLAP table');
  r = await s.fe.inject({ method: 'GET', url: '/api/_check_storagetype?db=d', headers: { authorization: ROOT } });
  assert.equal(r.body, '{"t":{}}');
});

test('the meta service answers only registered FE addresses', async () => {
  const s = setup();
  let r = await s.fe.inject({ method: 'GET', url: '/info', remoteAddress: '127.0.0.2' });
  assert.deepEqual([r.statusCode, r.body], [400, 'invalid client host.']);
  r = await s.fe.inject({ method: 'GET', url: '/info', remoteAddress: '127.0.0.1' });
  assert.equal(r.statusCode, 200);
});

test('the listening ports show in the nodes and their configuration', async () => {
  const s = setup();
  s.cluster.listening({ feHttp: 18030, beHttp: 18040, cnHttp: 18060, feQuery: 19030 });
  let r = await s.be.inject({ method: 'GET', url: '/varz?raw' });
  assert.match(r.body, /^be_http_port=18040$/m);
  r = await s.cn.inject({ method: 'GET', url: '/varz?raw' });
  assert.match(r.body, /^be_http_port=18060$/m);
  r = await s.fe.inject({ method: 'PUT', url: '/api/d/t/_stream_load', headers: { authorization: ROOT, expect: '100-continue' } });
  assert.equal(r.headers.location, 'http://127.0.0.1:18040/api/d/t/_stream_load');
});

test('routes keep their own variable names where their paths share a trie node', () => {
  const router = new Router<string>();
  router.add('POST', '/api/{db}/{label}/_cancel', 'cancel');
  router.add(['GET', 'POST'], '/api/{db}/{table}/_query_plan', 'plan');
  assert.deepEqual(router.match('POST', '/api/d/t/_query_plan'), { handler: 'plan', params: { db: 'd', table: 't' } });
  assert.deepEqual(router.match('POST', '/api/d/l/_cancel'), { handler: 'cancel', params: { db: 'd', label: 'l' } });
});

test('the FE begin redirects whatever the label; the BE refuses an open or a used label', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (id INT NOT NULL) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 1');
  await load(s, 't', { label: 'used' }, '1\n');
  const h = (label: string) => ({ authorization: ROOT, label, db: 'd', table: 't' });
  let r = await s.fe.inject({ method: 'POST', url: '/api/transaction/begin', headers: h('used') });
  assert.equal(r.statusCode, 307);
  r = await s.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: h('used') });
  assert.equal(r.body, '{\n    "Status": "LABEL_ALREADY_EXISTS",\n    "ExistingJobStatus": "FINISHED",\n    "Message": "Label [used] has already been used."\n}');
  r = await s.fe.inject({ method: 'POST', url: '/api/transaction/commit', headers: h('x'), payload: 'not json' });
  assert.match(r.body, /"Message": "class com\.starrocks\.common\.StarRocksHttpException: Malformed json tablets, label is x"/);
});
