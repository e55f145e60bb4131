// Every request that names a file gets that file only from where it may:
// `../`, absolute paths, encoded and double-encoded dots, and names that are
// keys of every JavaScript object are refused. The StarRocks nodes keep their
// files in memory (there is no file system under them to climb out of, and so
// no symlinks); ClickHouse's format_schema reads the disk, under
// format_schema_path. Static handlers have their own tests (static-rule.ts).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';
import { ROOT, createTable, setup } from '../starrocks/helpers.ts';

const ESCAPES = ['../', '..%2f', '%2e%2e/', '%2e%2e%2f', '%252e%252e%252f', '.%2e/', '..\\', '....//', '/../', '%2f..%2f'];

test('BE downloads: only files under the storage root, whatever the spelling of the way out', async () => {
  const s = setup();
  await createTable(s.cluster, 'CREATE TABLE d.t (k INT NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  // A load with a bad row leaves an error log: a file that may be downloaded.
  const load = await s.be.inject({ method: 'PUT', url: '/api/d/t/_stream_load', headers: { authorization: ROOT, max_filter_ratio: '1' }, payload: '1\nx\n' });
  const errorUrl = new URL(JSON.parse(load.body).ErrorURL as string);
  const name = errorUrl.searchParams.get('file')!;
  const root = s.cluster.beConfig.get('storage_root_path');
  const token = s.cluster.journal.token;
  const get = (path: string, file: string) => s.be.inject({ method: 'GET', url: `${path}?token=${encodeURIComponent(token)}&file=${file}` });
  for (const path of ['/api/_download_load', '/api/_tablet/_download']) {
    const ok = await get(path, encodeURIComponent(`${root}/error_log/${name}`));
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /x/);
    for (const escape of ESCAPES) {
      for (const file of [`${root}/${escape}${escape}etc/passwd`, `${root}/error_log/${escape}${escape}${escape}etc/hostname`, `${escape}etc/passwd`]) {
        const r = await get(path, file.replace(/ /g, '%20'));
        assert.doesNotMatch(r.body, /root:|localhost/, `${path} ${file}`);
        assert.ok(r.body === '' || /file path is not allowed|Unable to canonicalize|No such file/.test(r.body), `${path} ${file}: ${r.statusCode} ${r.body}`);
      }
    }
    for (const file of ['/etc/passwd', '/proc/self/environ', '/', root.replace(/\/[^/]+$/, '')]) {
      const r = await get(path, encodeURIComponent(file));
      assert.match(r.body, /file path is not allowed/, `${path} ${file}: ${r.body}`);
    }
  }
  // Without the cluster's token nothing is served at all.
  const noToken = await s.be.inject({ method: 'GET', url: `/api/_download_load?file=${encodeURIComponent(`${root}/error_log/${name}`)}` });
  assert.equal(noToken.body, 'token is not specified.');
});

test('BE error log: a file name, never a path or an inherited key', async () => {
  const s = setup();
  for (const file of ['../../etc/passwd', '/etc/passwd', '%2e%2e%2fetc%2fpasswd', '..', 'error_log/../x']) {
    const r = await s.be.inject({ method: 'GET', url: `/api/_load_error_log?file=${file}` });
    assert.match(r.body, /^file path is not allowed: /, `${file}: ${r.body}`);
  }
  for (const file of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    const r = await s.be.inject({ method: 'GET', url: `/api/_load_error_log?file=${file}` });
    assert.match(r.body, /^No such file or directory: /, `${file}: ${r.body}`);
  }
});

test('FE get_log_file: only the log files of the type, never a path or an inherited key', async () => {
  const s = setup();
  for (const file of ['../../etc/passwd', '/etc/passwd', '..%2f..%2fetc%2fpasswd', 'fe.audit.log/../../x', 'constructor', '__proto__', 'toString', 'valueOf']) {
    const r = await s.fe.inject({ method: 'GET', url: `/api/get_log_file?type=fe.audit.log&file=${file}`, headers: { authorization: ROOT } });
    assert.equal(r.statusCode, 404, `${file}: ${r.statusCode} ${r.body}`);
    assert.match(r.body, /^Log file not exist: /);
  }
  const ok = await s.fe.inject({ method: 'GET', url: '/api/get_log_file?type=fe.audit.log&file=fe.audit.log', headers: { authorization: ROOT } });
  assert.equal(ok.statusCode, 200);
});

let ch: RunningTarget;
before(async () => {
  ch = await startTarget('reference');
});
after(async () => {
  await ch?.stop();
});

test('ClickHouse format_schema: absolute paths and ways out of format_schema_path are refused before any file is read', async () => {
  for (const schema of ['/etc/passwd', '../../../../etc/passwd', 'a/../../x', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..%2F..%2Fetc%2Fpasswd']) {
    const res = await fetch(`${ch.url}/?format_template_row=${schema.includes('%') ? schema : encodeURIComponent(schema)}`,
      { method: 'POST', body: 'SELECT 1 FORMAT Template' });
    const text = await res.text();
    assert.doesNotMatch(text, /root:x:0/, schema);
    assert.match(text, /^Code: 36\. DB::Exception: (Absolute path in the 'format_schema' setting is prohibited|Path in the 'format_schema' setting shouldn't go outside the 'format_schema_path' directory)/, `${schema}: ${text}`);
  }
});
