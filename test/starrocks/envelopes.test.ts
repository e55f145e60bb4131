import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Double, gson, javaHashMapOrder, rapidPretty, restBaseResult, restResult, transactionResult } from '../../reference/starrocks/envelopes.ts';
import { Router } from '../../reference/starrocks/http/router.ts';

test('Java HashMap order matches the catalog', () => {
  assert.deepEqual(javaHashMapOrder(['Status', 'Message', 'Label', 'TxnId']), ['Status', 'TxnId', 'Message', 'Label']);
  assert.deepEqual(javaHashMapOrder(['Status', 'Message', 'ExistingJobStatus']), ['Status', 'ExistingJobStatus', 'Message']);
  assert.deepEqual(javaHashMapOrder(['name', 'type', 'comment', 'precision', 'scale'], 2), ['name', 'scale', 'comment', 'type', 'precision']);
});

test('v1, RestResult, TransactionResult and rapidjson shapes', () => {
  assert.equal(restBaseResult(), '{"status":"OK","code":"0","msg":"Success","message":"OK"}');
  assert.equal(restBaseResult('boom'), '{"status":"FAILED","code":"1","msg":"boom","message":"boom"}');
  assert.equal(restBaseResult(null), '{"status":"FAILED","code":"1"}');
  assert.equal(restBaseResult(undefined, { state: 'VISIBLE' }), '{"state":"VISIBLE","status":"OK","code":"0","msg":"Success","message":"OK"}');
  assert.equal(restResult({ online_backend_num: 1, total_backend_num: 1 }), '{"online_backend_num":1,"total_backend_num":1,"status":"OK"}');
  assert.equal(transactionResult('FAILED', 'x'), '{\n  "Status": "FAILED",\n  "Message": "x"\n}');
  assert.equal(gson({ a: 'x=<y>' }), '{"a":"x\\u003d\\u003cy\\u003e"}');
  assert.equal(rapidPretty({ a: 1, b: [], c: ['x'], d: new Double(0) }), '{\n    "a": 1,\n    "b": [],\n    "c": [\n        "x"\n    ],\n    "d": 0.0\n}');
});

test('router: per method, static segments before variables', () => {
  const r = new Router<string>().add('PUT', '/api/{db}/{table}/_stream_load', 'sl').add(['POST', 'PUT'], '/api/transaction/{op}', 'txn').add('PUT', '/api/transaction/load', 'load');
  assert.equal(r.match('PUT', '/api/transaction/load')?.handler, 'load');
  assert.equal(r.match('POST', '/api/transaction/load')?.handler, 'txn');
  assert.deepEqual(r.match('PUT', '/api/d/t/_stream_load')?.params, { db: 'd', table: 't' });
  assert.equal(r.match('GET', '/api/d/t/_stream_load'), undefined);
});
