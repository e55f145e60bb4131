import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, createTable, rows, setup } from './helpers.ts';

const H = (label: string, extra: Record<string, string> = {}) => ({ authorization: ROOT, label, db: 'd', table: 't', ...extra });

test('FE redirects begin/load/prepare; BE runs them; data visible only at commit', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  let r = await s.fe.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('l1') });
  assert.equal(r.statusCode, 307);
  assert.equal(r.headers.location, 'http://127.0.0.1:8040/api/transaction/begin');
  r = await s.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('l1') });
  const begin = JSON.parse(r.body);
  assert.deepEqual(Object.keys(begin), ['Status', 'Message', 'Label', 'TxnId', 'BeginTxnTimeMs']);
  r = await s.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('l1') });
  assert.equal(r.body, '{\n    "Status": "LABEL_ALREADY_EXISTS",\n    "ExistingJobStatus": "",\n    "Message": ""\n}');
  r = await s.be.inject({ method: 'PUT', url: '/api/transaction/load', headers: H('l1'), payload: '1\n2\n' });
  assert.equal(JSON.parse(r.body).LoadBytes, 4);
  r = await s.fe.inject({ method: 'POST', url: '/api/transaction/prepare', headers: H('l1') });
  assert.equal(r.statusCode, 307);
  r = await s.be.inject({ method: 'POST', url: '/api/transaction/prepare', headers: H('l1') });
  assert.equal(JSON.parse(r.body).NumberLoadedRows, 2);
  assert.deepEqual(await rows(s.cluster, 'SELECT count() FROM d.t'), [[0n]]);
  r = await s.fe.inject({ method: 'POST', url: '/api/transaction/commit', headers: H('l1') });
  assert.equal(r.body, `{\n  "Status": "OK",\n  "TxnId": ${begin.TxnId},\n  "Message": "",\n  "Label": "l1"\n}`);
  assert.deepEqual(await rows(s.cluster, 'SELECT count() FROM d.t'), [[2n]]);
  r = await s.fe.inject({ method: 'POST', url: '/api/transaction/commit', headers: H('l1') });
  assert.match(r.body, /"Message": "Transaction \d+ has already committed, label is l1"/);
  r = await s.fe.inject({ method: 'POST', url: '/api/transaction/rollback', headers: H('l1') });
  assert.match(r.body, /class com\.starrocks\.common\.StarRocksException: Can not abort VISIBLE transaction \d+, label is l1/);
  r = await s.be.inject({ method: 'PUT', url: '/api/transaction/load', headers: H('l1'), payload: '3\n' });
  assert.equal(r.body, '{\n    "Status": "TXN_NOT_EXISTS",\n    "Message": "Transaction with label l1 not exists"\n}');
});

test('rollback, commit after rollback, header errors, timeouts abort', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  let r = await s.fe.inject({ method: 'POST', url: '/api/transaction/nope', headers: H('x') });
  assert.match(r.body, /Unknown transaction operation: nope/);
  r = await s.fe.inject({ method: 'POST', url: '/api/transaction/begin', headers: { authorization: ROOT, db: 'd' } });
  assert.match(r.body, /"Message": "class com.starrocks.common.StarRocksException: Empty label."/);
  await s.fe.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('r1') });
  await s.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('r1') });
  r = await s.fe.inject({ method: 'POST', url: '/api/transaction/rollback', headers: H('r1') });
  assert.equal(r.statusCode, 307);
  r = await s.be.inject({ method: 'POST', url: '/api/transaction/rollback', headers: H('r1') });
  assert.equal(r.body, '{\n    "Status": "OK",\n    "Message": "",\n    "Label": "r1"\n}');
  r = await s.fe.inject({ method: 'POST', url: '/api/transaction/commit', headers: H('r1') });
  assert.match(r.body, /Can not commit ABORTED transaction \d+, label is r1/);
  r = await s.fe.inject({ method: 'POST', url: '/api/transaction/commit', headers: H('never') });
  assert.match(r.body, /No transaction found with db\[d\] and label\[never\]/);
  await s.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('t1', { timeout: '5' }) });
  s.advance(6000);
  r = await s.be.inject({ method: 'PUT', url: '/api/transaction/load', headers: H('t1'), payload: '1\n' });
  assert.match(r.body, /TXN_NOT_EXISTS/);
  r = await s.fe.inject({ method: 'GET', url: '/api/d/get_load_state?label=t1', headers: { authorization: ROOT } });
  assert.match(r.body, /"state":"ABORTED"/);
  // The BE's cleaner names the limit in the reason it rolls back with.
  await s.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('i1', { timeout: '100', idle_transaction_timeout: '2' }) });
  s.advance(3000);
  await s.be.inject({ method: 'PUT', url: '/api/transaction/load', headers: H('i1'), payload: '1\n' });
  r = await s.fe.inject({ method: 'GET', url: '/api/d/get_load_state?label=i1', headers: { authorization: ROOT } });
  assert.match(r.body, /"state":"ABORTED","reason":"transaction is aborted by idle timeout 2 seconds\."/);
  r = await s.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('c1') });
  r = await s.be.inject({ method: 'POST', url: '/api/transaction/commit', headers: H('c1') });
  assert.match(JSON.parse(r.body).Message, /^transaction id=.*, job_id=-1, txn_id: \d+, label=c1, db=d hasn't send any data yet$/);
});
