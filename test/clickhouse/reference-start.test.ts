// startReference: ports from the config unless given, the HTTPS port with the config's certificate, clean shutdown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReference } from '../../reference/index.ts';

const base = { host: '127.0.0.1', fePort: 0, feQueryPort: 0, bePort: 0, cnPort: 0 };

function httpsPost(url: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', rejectUnauthorized: false }, (res) => {
      let data = '';
      res.on('data', (d) => { data += d; });
      res.on('end', () => resolve(data));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('HTTPS on https_port with the certificate and key the config names; users from users.xml', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-https-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  writeFileSync(join(dir, 'config.xml'), `<clickhouse><http_port>0</http_port><https_port>0</https_port>
    <openSSL><server><certificateFile>cert.pem</certificateFile><privateKeyFile>key.pem</privateKeyFile></server></openSSL>
    <users_config>users.xml</users_config></clickhouse>`);
  writeFileSync(join(dir, 'users.xml'), '<clickhouse><users><default><password></password></default><carol><password>pw</password></carol></users></clickhouse>');
  const ref = await startReference({ ...base, config: join(dir, 'config.xml') });
  try {
    assert.match(ref.urls['clickhouse http']!, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(ref.urls['clickhouse https']!, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await httpsPost(`${ref.urls['clickhouse https']}/?user=carol&password=pw`, 'SELECT currentUser()'), 'carol\n');
    const denied = await fetch(`${ref.urls['clickhouse http']}/?user=carol&password=no`, { method: 'POST', body: 'SELECT 1' });
    assert.equal(denied.status, 403);
    await denied.text();
    // A session's expiry timer must not hold the server open.
    await (await fetch(`${ref.urls['clickhouse http']}/?session_id=s&session_timeout=3600`, { method: 'POST', body: 'SET max_threads = 1' })).text();
  } finally {
    await ref.close();
  }
});

test('without a config and without HTTPS ports only the HTTP port of ClickHouse opens', async () => {
  const ref = await startReference({ ...base, clickhousePort: 0 });
  try {
    assert.match(ref.urls['clickhouse http']!, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(ref.urls['clickhouse https'], undefined);
  } finally {
    await ref.close();
  }
});
