import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, basic, createTable, setup } from './helpers.ts';
import { STARROCKS_COMMIT, STARROCKS_VERSION } from '../../reference/starrocks/version.ts';

test('FE stream load: auth, the 100-continue rule, 307 with the exact Location', async () => {
  const s = setup();
  let r = await s.fe.inject({ method: 'PUT', url: '/api/d/t/_stream_load', payload: 'x' });
  assert.equal(r.statusCode, 401);
  assert.equal(r.headers['www-authenticate'], 'Basic realm=""');
  assert.equal(r.body, '{"status":"FAILED","code":"1","msg":"Need auth information.","message":"Need auth information."}');
  r = await s.fe.inject({ method: 'PUT', url: '/api/d/t/_stream_load', headers: { authorization: basic('root', 'bad') }, payload: 'x' });
  assert.match(r.body, /Access denied for root@127\.0\.0\.1/);
  r = await s.fe.inject({ method: 'PUT', url: '/api/d/t/_stream_load', headers: { authorization: ROOT }, payload: 'x' });
  assert.equal(r.statusCode, 200);
  assert.equal(r.headers.connection, 'close');
  assert.equal(r.body, '{\n  "Status": "FAILED",\n  "Message": "class com.starrocks.common.DdlException: There is no 100-continue header"\n}');
  r = await s.fe.inject({ method: 'PUT', url: '/api/d/t/_stream_load?q=1', headers: { authorization: ROOT, expect: '100-continue' }, payload: 'x' });
  assert.equal(r.statusCode, 307);
  assert.equal(r.headers.location, 'http://127.0.0.1:8040/api/d/t/_stream_load?q=1');
  assert.equal(r.headers.connection, 'close');
  assert.equal(r.body, '');
});

test('FE unknown paths: 401 without auth, then 404 page / 501 / 405', async () => {
  const s = setup();
  let r = await s.fe.inject({ method: 'GET', url: '/nope' });
  assert.equal(r.statusCode, 401);
  assert.equal(r.body, 'Authentication Failed. <br/> Need auth information.');
  r = await s.fe.inject({ method: 'GET', url: '/nope', headers: { authorization: ROOT } });
  assert.equal(r.statusCode, 404);
  assert.match(r.body, /this is 404 page\./);
  r = await s.fe.inject({ method: 'POST', url: '/nope', headers: { authorization: ROOT } });
  assert.equal(r.statusCode, 501);
  assert.equal(r.body, '{"status":"FAILED","code":"1","msg":"Not implemented","message":"Not implemented"}');
  r = await s.fe.inject({ method: 'DELETE', url: '/nope', headers: { authorization: ROOT } });
  assert.equal(r.statusCode, 405);
  assert.match(r.body, /HTTP method is not allowed: DELETE/);
});

test('admin endpoints refuse non-admins with a 401 that names the user and their roles; _set_config sets and reports', async () => {
  const s = setup({ users: [{ name: 'root' }, { name: 'bob', password: 'p' }] });
  let r = await s.fe.inject({ method: 'GET', url: '/api/_set_config?label_keep_max_second=10', headers: { authorization: basic('bob', 'p') } });
  assert.equal(r.statusCode, 401);
  assert.equal(r.body, '{"status":"FAILED","code":"1","msg":"Access denied for user \\u0027bob\\u0027@\\u0027%\\u0027. Please ask the admin to grant permission(s) or try activating existing roles using \\u003cset [default] role\\u003e. Current role(s): [public]. Inactivated role(s): [].","message":"Access denied for user \\u0027bob\\u0027@\\u0027%\\u0027. Please ask the admin to grant permission(s) or try activating existing roles using \\u003cset [default] role\\u003e. Current role(s): [public]. Inactivated role(s): []."}');
  r = await s.fe.inject({ method: 'GET', url: '/api/_set_config?label_keep_max_second=10&http_port=1&nope=2', headers: { authorization: ROOT } });
  assert.equal(r.headers['content-type'], 'application/json; charset=UTF-8');
  const body = JSON.parse(r.body);
  assert.deepEqual(body.set, { label_keep_max_second: '10' });
  assert.deepEqual(body.err, { http_port: '[1]', nope: '[2]' });
  assert.equal(s.cluster.feConfig.get('label_keep_max_second'), '10');
});

test('health, show_data, get_load_state, _get_ddl, metrics formats', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL, v STRING NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 2');
  let r = await s.fe.inject({ method: 'GET', url: '/api/health' });
  assert.equal(r.body, '{"online_backend_num":1,"total_backend_num":1,"status":"OK"}');
  r = await s.fe.inject({ method: 'GET', url: '/api/show_data?db=nope' });
  assert.equal(r.statusCode, 404);
  assert.equal(r.body, 'database nope not found.');
  r = await s.fe.inject({ method: 'GET', url: '/api/d/get_load_state?label=zz', headers: { authorization: ROOT } });
  assert.equal(r.body, '{"state":"UNKNOWN","status":"OK","code":"0","msg":"Success","message":"OK"}');
  r = await s.fe.inject({ method: 'GET', url: '/api/d/get_load_state', headers: { authorization: ROOT } });
  assert.equal(r.body, '{"status":"FAILED","code":"1","msg":"No label selected.","message":"No label selected."}');
  r = await s.fe.inject({ method: 'GET', url: '/api/_get_ddl?db=d&tbl=t', headers: { authorization: ROOT } });
  assert.match(JSON.parse(r.body).TABLE[0], /^CREATE TABLE `t` \(\n  `k` int\(11\) NOT NULL COMMENT ""/);
  r = await s.fe.inject({ method: 'GET', url: '/api/_migration?db=d&tbl=t', headers: { authorization: ROOT } });
  assert.equal(JSON.parse(r.body).length, 2);
  r = await s.fe.inject({ method: 'GET', url: '/metrics' });
  assert.match(r.body, /# HELP starrocks_fe_max_journal_id max journal id of this frontends\n# TYPE starrocks_fe_max_journal_id gauge\n/);
  assert.match(r.body, /node_info\{type="fe_node_num", state="total"\} 1/);
  r = await s.fe.inject({ method: 'GET', url: '/metrics?type=core' });
  assert.match(r.body, /^jvm_young_used_percent DOUBLE /);
  r = await s.fe.inject({ method: 'GET', url: '/metrics?type=json' });
  assert.match(r.body, /^\[\n\{"tags":\{"metric":"jvm_heap_size_bytes","type":"max"\},"unit":"bytes","value":\d+\},\n/);
});

test('meta service: journal id header, image download, role', async () => {
  const s = setup();
  let r = await s.fe.inject({ method: 'GET', url: '/journal_id' });
  assert.equal(r.headers.id, String(s.cluster.journal.maxJournalId));
  r = await s.fe.inject({ method: 'GET', url: '/image' });
  assert.equal(r.statusCode, 400);
  assert.equal(r.body, 'Miss version parameter');
  r = await s.fe.inject({ method: 'GET', url: '/image?version=0' });
  assert.equal(r.headers['content-disposition'], 'attachment; filename=image.0');
  r = await s.fe.inject({ method: 'GET', url: '/role?host=127.0.0.1&port=9010' });
  assert.equal(r.headers.role, 'LEADER');
});

test('JSON envelopes: /api/colocate carries the charset; query_dump names the release and its commit', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  let r = await s.fe.inject({ method: 'GET', url: '/api/colocate', headers: { authorization: ROOT } });
  assert.equal(r.headers['content-type'], 'application/json; charset=UTF-8');
  r = await s.fe.inject({ method: 'GET', url: '/api/d/t/_count', headers: { authorization: ROOT } });
  assert.equal(r.headers['content-type'], 'application/json');
  r = await s.fe.inject({ method: 'POST', url: '/api/query_dump?db=d', headers: { authorization: ROOT }, payload: 'select k from t' });
  const dump = JSON.parse(r.body) as Record<string, unknown>;
  assert.deepEqual([dump.version, dump.commit_version], [STARROCKS_VERSION, STARROCKS_COMMIT]);
});
