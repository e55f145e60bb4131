// A StarRocks transaction PREPARED on a cluster with a data directory is
// still PREPARED after a restart (a new Cluster on the same directory, the
// old one abandoned as a killed process leaves it): it commits with its
// rows or rolls back, once; a committed one's label stays used; a load that
// was never prepared is gone, as its BE context is.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, createTable, rows, setup } from './helpers.ts';

const H = (label: string) => ({ authorization: ROOT, label, db: 'pd', table: 't' });

async function prepared(s: ReturnType<typeof setup>, label: string, body: string, prepare: boolean): Promise<number> {
  let r = await s.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H(label) });
  const id = JSON.parse(r.body).TxnId as number;
  r = await s.be.inject({ method: 'PUT', url: '/api/transaction/load', headers: H(label), payload: body });
  assert.equal(JSON.parse(r.body).Status, 'OK', r.body);
  if (prepare) {
    r = await s.be.inject({ method: 'POST', url: '/api/transaction/prepare', headers: H(label) });
    assert.equal(JSON.parse(r.body).Status, 'OK', r.body);
  }
  return id;
}

test('PREPARED transactions survive a restart: commit publishes their rows, rollback drops them, each once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-prepared-'));
  try {
    const s1 = setup({ dataDir: dir });
    await createTable(s1.cluster, 'CREATE TABLE pd.t (k INT NOT NULL, v VARCHAR(10)) PRIMARY KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 3');
    const committed = await prepared(s1, 'p_commit', '1\ta\n2\tb\n3\tc\n', true);
    await prepared(s1, 'p_rollback', '9\tz\n', true);
    await prepared(s1, 'p_open', '7\tq\n', false);
    assert.equal(readdirSync(join(dir, 'prepared')).length, 2);

    const s2 = setup({ dataDir: dir });
    assert.deepEqual(await rows(s2.cluster, 'SELECT count() FROM pd.t'), [[0n]], 'nothing is visible before the commit');
    const commitFile = join(dir, 'prepared', `${committed}.txn`);
    const staged = readFileSync(commitFile);
    let r = await s2.fe.inject({ method: 'POST', url: '/api/transaction/commit', headers: H('p_commit') });
    assert.equal(r.body, `{\n  "Status": "OK",\n  "TxnId": ${committed},\n  "Message": "",\n  "Label": "p_commit"\n}`);
    assert.deepEqual(await rows(s2.cluster, 'SELECT k, v FROM pd.t ORDER BY k'), [[1, 'a'], [2, 'b'], [3, 'c']]);
    r = await s2.fe.inject({ method: 'POST', url: '/api/transaction/rollback', headers: H('p_rollback') });
    assert.equal(JSON.parse(r.body).Status, 'OK', r.body);
    r = await s2.be.inject({ method: 'PUT', url: '/api/transaction/load', headers: H('p_open'), payload: '8\tx\n' });
    assert.equal(JSON.parse(r.body).Status, 'TXN_NOT_EXISTS', 'a load never prepared is gone with its BE context');
    assert.deepEqual(readdirSync(join(dir, 'prepared')), [], 'ended transactions leave no file');
    const later = await prepared(s2, 'p_later', '4\td\n', true);
    assert.ok(later > committed, `new transaction ids follow the restored ones (${later} > ${committed})`);
    // A crash between the commit's rows and the removal of its file: the stored label says it committed.
    writeFileSync(commitFile, staged);

    const s3 = setup({ dataDir: dir });
    assert.deepEqual(readdirSync(join(dir, 'prepared')), [`${later}.txn`], 'the committed transaction is not brought back');
    r = await s3.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('p_commit') });
    assert.equal(JSON.parse(r.body).Status, 'LABEL_ALREADY_EXISTS', r.body);
    r = await s3.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('p_rollback') });
    assert.equal(JSON.parse(r.body).Status, 'OK', 'a rolled-back label is free again');
    r = await s3.fe.inject({ method: 'POST', url: '/api/transaction/commit', headers: H('p_later') });
    assert.equal(JSON.parse(r.body).Status, 'OK', r.body);
    assert.deepEqual(await rows(s3.cluster, 'SELECT k, v FROM pd.t ORDER BY k'), [[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
