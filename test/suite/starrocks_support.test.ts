import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prometheusProblems, sampleValue } from '../../steps/starrocks/support/prometheus.ts';
import { starrocksFailure } from '../../steps/starrocks/support/failures.ts';
import { StarRocksServeLines } from '../../steps/targets/starrocks_reference.ts';
import { startTarget, targetSlug } from '../../steps/targets/start_target.ts';

test('FE and BE Prometheus text are told apart by HELP lines and label separators', () => {
  const fe = '# HELP starrocks_fe_job job statistics\n# TYPE starrocks_fe_job gauge\nstarrocks_fe_job{job="load", type="BROKER"} 0\n' +
    '# TYPE node_info gauge\nnode_info{type="is_master"} 1\n';
  assert.deepEqual(prometheusProblems(fe, { help: true, separator: ', ' }, ['node_info']), []);
  assert.notDeepEqual(prometheusProblems(fe, { help: false, separator: ',' }), []);
  const be = '# TYPE starrocks_be_push_requests_total counter\nstarrocks_be_push_requests_total{status="SUCCESS",type="x"} 3\n';
  assert.deepEqual(prometheusProblems(be, { help: false, separator: ',' }), []);
  assert.equal(sampleValue(be, 'starrocks_be_push_requests_total{status="SUCCESS",type="x"}'), 3);
});

test('StarRocks failures are found in every envelope, successes are not', () => {
  const answer = (status: number, body: string) => ({ status, headers: {}, body: Buffer.from(body) });
  assert.equal(starrocksFailure(answer(200, '{"status":"OK","code":"0","msg":"Success","message":"OK"}')), undefined);
  assert.equal(starrocksFailure(answer(200, '{\n    "TxnId": 1,\n    "Status": "Success"\n}')), undefined);
  assert.match(starrocksFailure(answer(200, '{"status":"FAILED","code":"1","msg":"x","message":"x"}'))!, /FAILED/);
  assert.match(starrocksFailure(answer(200, '{\n    "Status": "Fail",\n    "Message": "too many filtered rows"\n}'))!, /too many/);
  assert.match(starrocksFailure(answer(200, '{\n    "status": "BAD",\n    "msg": "x"\n}'))!, /BAD/);
  assert.match(starrocksFailure(answer(200, '{"error": "Cache Manager is nullptr"}'))!, /error/);
  assert.equal(starrocksFailure(answer(200, '1234')), undefined);
});

test('the serve lines describe the StarRocks cluster of the reference', () => {
  const lines = new StarRocksServeLines();
  lines.take('clickhouse http listening on http://127.0.0.1:1');
  assert.equal(lines.endpoints(), undefined);
  lines.take('starrocks fe http listening on http://127.0.0.1:2');
  lines.take('starrocks fe query listening on mysql://127.0.0.1:3');
  lines.take('starrocks be http listening on http://127.0.0.1:4');
  assert.equal(lines.complete(), false);
  lines.take('starrocks cn http listening on http://127.0.0.1:5');
  assert.equal(lines.complete(), true);
  assert.deepEqual(lines.endpoints(), {
    fe: 'http://127.0.0.1:2', queryHost: '127.0.0.1', queryPort: 3, be: 'http://127.0.0.1:4', cn: 'http://127.0.0.1:5', user: 'root', password: '',
  });
});

test('a starrocks target is the FE URL with the query port and root by default', async () => {
  const target = await startTarget('starrocks=http://fe.example:8030', { queryPort: 19030 });
  assert.equal(target.url, '');
  assert.deepEqual(target.starrocks, { fe: 'http://fe.example:8030', queryHost: 'fe.example', queryPort: 19030, user: 'root', password: '' });
  assert.equal(targetSlug('starrocks=http://fe.example:8030'), 'starrocks_fe.example_8030');
  await target.stop();
});
