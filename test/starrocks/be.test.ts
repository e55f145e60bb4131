import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, createTable, rows, setup } from './helpers.ts';

const load = (s: ReturnType<typeof setup>, headers: Record<string, string>, payload: string, url = '/api/d/t/_stream_load') =>
  s.be.inject({ method: 'PUT', url, headers: { authorization: ROOT, ...headers }, payload }).then((r) => ({ r, j: JSON.parse(r.body) }));

test('stream load: reply fields in order, rows stored, journal and versions grow', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL, v VARCHAR(20)) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  const before = s.cluster.journal.maxJournalId;
  const { r, j } = await load(s, { label: 'a', column_separator: ',' }, '1,x\n2,y\n');
  assert.equal(r.statusCode, 200);
  assert.deepEqual(Object.keys(j), ['TxnId', 'Label', 'Status', 'Message', 'NumberTotalRows', 'NumberLoadedRows', 'NumberFilteredRows', 'NumberUnselectedRows',
    'LoadBytes', 'LoadTimeMs', 'BeginTxnTimeMs', 'StreamLoadPlanTimeMs', 'ReadDataTimeMs', 'WriteDataTimeMs', 'CommitAndPublishTimeMs']);
  assert.equal(j.Status, 'Success');
  assert.equal(j.Message, 'OK');
  assert.equal(j.LoadBytes, 8);
  assert.deepEqual(await rows(s.cluster, 'SELECT * FROM d.t ORDER BY k'), [[1, 'x'], [2, 'y']]);
  assert.ok(s.cluster.journal.maxJournalId > before);
  assert.equal(s.cluster.tables.find('d', 't')!.partitions[0]!.visibleVersion, 2);
});

test('header validation messages and TxnId -1 before begin', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  let { j } = await load(s, { format: 'xml' }, '1');
  assert.equal(j.Message, 'unknown data format, format=xml');
  assert.equal(j.TxnId, -1);
  ({ j } = await load(s, { timeout: 'abc' }, '1'));
  assert.equal(j.Message, 'Invalid timeout format');
  ({ j } = await load(s, { strict_mode: 'yes' }, '1'));
  assert.equal(j.Message, 'Invalid strict mode format. Must be bool type');
  assert.ok(j.TxnId > 0, 'after begin the txn id is known');
  ({ j } = await load(s, { skip_header: '-1' }, '1'));
  assert.equal(j.Message, 'skip_header must be equal or greater than 0');
  ({ j } = await load(s, {}, '1', '/api/d/nope/_stream_load'));
  assert.equal(j.Message, 'unknown table "d.nope"');
  const r = await s.be.inject({ method: 'PUT', url: '/api/d/t/_stream_load', payload: '1' });
  assert.equal(JSON.parse(r.body).Message, 'no valid Basic authorization');
  assert.deepEqual(await rows(s.cluster, 'SELECT count() FROM d.t'), [[0n]]);
});

test('max_filter_ratio, where (unselected), error log, atomic failure, labels', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL, v INT NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  let { j } = await load(s, { label: 'f', column_separator: ',' }, '1,1\nx,2\n3\n');
  assert.equal(j.Status, 'Fail');
  assert.equal(j.Message, 'too many filtered rows');
  assert.equal(j.NumberFilteredRows, 2);
  assert.deepEqual(await rows(s.cluster, 'SELECT count() FROM d.t'), [[0n]]);
  const log = await s.be.inject({ method: 'GET', url: new URL(j.ErrorURL).pathname + new URL(j.ErrorURL).search });
  // One line per rejected row (csv_scanner.cpp make_column_count_not_matched_error_message, 3.x).
  assert.equal(log.body, "Error: NULL value in non-nullable column 'k'. Row: x,2\n"
    + "Error: Value count does not match column count: expected = 2, actual = 1. Column separator: ',', Row delimiter: '\\n'. Row: 3\n");
  // The failed load's label can be used again.
  ({ j } = await load(s, { label: 'f', column_separator: ',', where: 'v > 1', max_filter_ratio: '0.5' }, '1,1\n2,2\n3,3\nx,4\n'));
  assert.equal(j.Status, 'Success');
  assert.deepEqual([j.NumberTotalRows, j.NumberLoadedRows, j.NumberFilteredRows, j.NumberUnselectedRows], [4, 2, 1, 1]);
  ({ j } = await load(s, { label: 'f' }, '9\t9\n'));
  assert.equal(j.Status, 'Label Already Exists');
  assert.equal(j.ExistingJobStatus, 'FINISHED');
  assert.deepEqual(Object.keys(j).slice(0, 5), ['TxnId', 'Label', 'Status', 'ExistingJobStatus', 'Message']);
  // Label retention: after label_keep_max_second the label is free again.
  s.advance(259201 * 1000);
  ({ j } = await load(s, { label: 'f' }, '9\t9\n'));
  assert.equal(j.Status, 'Success');
});

test('concurrent loads with the same label load once', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  const results = await Promise.all([1, 2, 3].map(() => load(s, { label: 'same' }, '1\n2\n')));
  assert.equal(results.filter((x) => x.j.Status === 'Success').length, 1);
  assert.deepEqual(await rows(s.cluster, 'SELECT count() FROM d.t'), [[2n]]);
});

test('columns with expressions, json with jsonpaths, gzip format, primary key upsert', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL, v BIGINT) PRIMARY KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  let { j } = await load(s, { columns: 'k, tmp, v = tmp * 100', column_separator: ',' }, '1,2\n2,3\n');
  assert.equal(j.Status, 'Success', j.Message);
  ({ j } = await load(s, { format: 'json', jsonpaths: '["$.id", "$.val"]', columns: 'k, v', strip_outer_array: 'true' }, '[{"id":1,"val":7},{"id":3,"val":9}]'));
  assert.equal(j.Status, 'Success', j.Message);
  const { gzipSync } = await import('node:zlib');
  const r = await s.be.inject({ method: 'PUT', url: '/api/d/t/_stream_load', headers: { authorization: ROOT, format: 'gzip' }, payload: gzipSync('4\t40\n') });
  assert.equal(JSON.parse(r.body).Status, 'Success');
  assert.deepEqual(await rows(s.cluster, 'SELECT * FROM d.t ORDER BY k'), [[1, 7n], [2, 300n], [3, 9n], [4, 40n]]);
});

test('BE endpoints: health, 404, update_config, compaction, metrics', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  let r = await s.be.inject({ method: 'GET', url: '/api/health' });
  assert.equal(r.body, '{"status": "OK","msg": "To Be Added"}');
  r = await s.be.inject({ method: 'GET', url: '/nope' });
  assert.equal(r.statusCode, 404);
  assert.equal(r.body, 'Not Found');
  r = await s.be.inject({ method: 'POST', url: '/api/update_config?a=1&b=2' });
  assert.equal(r.body, '{\n    "status": "BAD",\n    "msg": "Now only support to set a single config once, via \'config_name=new_value\'"\n}');
  r = await s.be.inject({ method: 'POST', url: '/api/update_config?tablet_max_versions=x' });
  assert.match(r.body, /set tablet_max_versions=x failed, reason: Invalid argument: convert 'x' as int32_t failed/);
  r = await s.be.inject({ method: 'POST', url: '/api/update_config?be_port=1' });
  assert.match(r.body, /Not supported: 'be_port' is not support to modify/);
  for (const label of ['a', 'b', 'c']) await load(s, { label }, '1\n');
  const tablet = s.cluster.tables.find('d', 't')!.partitions[0]!.tablets[0]!;
  r = await s.be.inject({ method: 'POST', url: `/api/compact?tablet_id=${tablet.id}&compaction_type=cumulative` });
  assert.equal(JSON.parse(r.body).status, 'Success');
  r = await s.be.inject({ method: 'GET', url: `/api/compaction/show?tablet_id=${tablet.id}` });
  assert.deepEqual((JSON.parse(r.body) as { rowset_details: { version: string; num_segments: number }[] }).rowset_details.map((d) => `${d.version} ${d.num_segments}`), ['0-1 0', '2-4 1']);
  r = await s.be.inject({ method: 'GET', url: '/metrics' });
  assert.match(r.body, /# TYPE starrocks_be_streaming_load_requests_total counter\nstarrocks_be_streaming_load_requests_total 3\n/);
  assert.match(r.body, /starrocks_be_stream_load\{type="load_rows"\} 3/);
  r = await s.cn.inject({ method: 'GET', url: `/api/compaction/show?tablet_id=${tablet.id}` });
  assert.equal(JSON.parse(r.body).msg, 'Tablet not found');
});

test('columns: __op is ignored without a primary key, a mapping needs a table column, a source may be mapped again', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL, v INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  let { j } = await load(s, { columns: 'k, v, __op = 1', column_separator: ',' }, '1,2\n');
  assert.equal(j.Status, 'Success', j.Message);
  ({ j } = await load(s, { columns: 'k, v, zz = 1', column_separator: ',' }, '1,2\n'));
  assert.equal(j.Message, 'Mapping column is not in table. column: zz');
  ({ j } = await load(s, { columns: 'k, v, v = v * 10', column_separator: ',' }, '2,3\n'));
  assert.equal(j.Status, 'Success', j.Message);
  ({ j } = await load(s, { columns: 'k, v = 1, v = 2', column_separator: ',' }, '3\n'));
  assert.equal(j.Message, 'Duplicate column mapping: v');
  assert.deepEqual(await rows(s.cluster, 'SELECT * FROM d.t ORDER BY k'), [[1, 2], [2, 30]]);
});

test('log_rejected_record_num names no file; a primary key snapshot holds meta and the segment files', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL, v INT) PRIMARY KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  const { j } = await load(s, { column_separator: ',', max_filter_ratio: '1', log_rejected_record_num: '-1' }, '1,2\n3\n');
  assert.equal(j.NumberFilteredRows, 1);
  assert.deepEqual(Object.keys(j).slice(-2), ['CommitAndPublishTimeMs', 'ErrorURL']);
  const tablet = s.cluster.tables.find('d', 't')!.partitions[0]!.tablets[0]!;
  let r = await s.be.inject({ method: 'GET', url: `/api/snapshot?tablet_id=${tablet.id}&schema_hash=${tablet.schemaHash}` });
  const dir = `${r.body}/${tablet.id}/${tablet.schemaHash}`;
  r = await s.be.inject({ method: 'GET', url: `/api/_tablet/_download?file=${dir}&type=V2&token=${s.cluster.journal.token}` });
  const names = r.body.trim().split('\n').map((l) => l.split('|')[0]);
  assert.ok(names.includes('meta'), r.body);
  assert.ok(names.some((n) => /^[0-9a-f]+_0\.dat$/.test(n!)), r.body);
  assert.ok(!names.some((n) => n!.endsWith('.hdr')), r.body);
});

test('greplog: a pattern that backtracks exponentially answers at once (linear engine, like Hyperscan); backreferences are refused', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  // The label lands in the BE log: 40 a's followed by a space, the classic (a+)+b trap for a backtracking engine.
  await load(s, { label: 'a'.repeat(40) }, '1\n');
  const t0 = Date.now();
  const r = await s.be.inject({ method: 'GET', url: `/greplog?pattern=${encodeURIComponent('(a+)+b')}`, headers: { authorization: ROOT } });
  assert.equal(r.statusCode, 200);
  assert.equal(r.body, '');
  assert.ok(Date.now() - t0 < 2000, `greplog took ${Date.now() - t0} ms`);
  const hit = await s.be.inject({ method: 'GET', url: `/greplog?pattern=${encodeURIComponent('(a+)+ finished')}`, headers: { authorization: ROOT } });
  assert.match(hit.body, /stream load a{40} finished: OK\n$/);
  const backref = await s.be.inject({ method: 'GET', url: `/greplog?pattern=${encodeURIComponent('(a)\\1')}`, headers: { authorization: ROOT } });
  assert.equal(backref.statusCode, 400);
  assert.equal(backref.body, 'Invalid param pattern');
});
