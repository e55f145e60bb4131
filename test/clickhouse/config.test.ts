import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../reference/clickhouse/config.ts';

test('a ClickHouse config.xml: display name, port, timezone, default response, OPTIONS headers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-config-'));
  const path = join(dir, 'config.xml');
  writeFileSync(path, `<?xml version="1.0"?>
<clickhouse>
    <!-- a comment -->
    <display_name>edge-1</display_name>
    <http_port>8124</http_port>
    <timezone>Asia/Tokyo</timezone>
    <http_server_default_response><![CDATA[<html>Hi &amp; bye</html>]]></http_server_default_response>
    <http_options_response>
        <header><name>Access-Control-Allow-Origin</name><value>*</value></header>
        <header><name></name><value>ignored</value></header>
    </http_options_response>
</clickhouse>`);
  assert.deepEqual(loadConfig(path), {
    displayName: 'edge-1',
    httpPort: 8124,
    timezone: 'Asia/Tokyo',
    httpServerDefaultResponse: '<html>Hi &amp; bye</html>',
    httpOptionsResponse: [['Access-Control-Allow-Origin', '*']],
  });
});

test('a flat config.yaml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-config-'));
  const path = join(dir, 'config.yaml');
  writeFileSync(path, "display_name: 'yaml host'\nhttp_port: 9000\nhttp_server_default_response: \"Hello\\n\"\nlogger:\n  level: trace\n");
  assert.deepEqual(loadConfig(path), { displayName: 'yaml host', httpPort: 9000, httpServerDefaultResponse: 'Hello\n' });
});

test('users, profiles and quotas come from the users_config file, relative to config.xml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-config-'));
  writeFileSync(join(dir, 'config.xml'), `<yandex><http_port>0</http_port><https_port>8443</https_port>
    <default_session_timeout>5</default_session_timeout><max_session_timeout>10</max_session_timeout>
    <openSSL><server><certificateFile>cert.pem</certificateFile><privateKeyFile>/abs/key.pem</privateKeyFile></server></openSSL>
    <users_config>users.xml</users_config></yandex>`);
  writeFileSync(join(dir, 'users.xml'), `<yandex>
    <profiles><default><max_threads>2</max_threads></default><ro><readonly>1</readonly><profile>default</profile></ro></profiles>
    <users>
      <default><password></password><networks><ip>::1</ip><ip>127.0.0.1</ip></networks></default>
      <bob><password_sha256_hex>ABC</password_sha256_hex><profile>ro</profile><grants><query>GRANT SELECT ON db.*</query><query>GRANT r1</query></grants></bob>
    </users>
    <roles><r1><grants><query>GRANT SELECT ON system.one</query></grants></r1></roles>
    <quotas>
      <default><interval><duration>3600</duration></interval></default>
      <keyed_one><keyed/><interval><duration>60</duration><queries>2</queries></interval><interval><duration>3600</duration><queries>10</queries></interval></keyed_one>
    </quotas>
  </yandex>`);
  const cfg = loadConfig(join(dir, 'config.xml'));
  assert.equal(cfg.httpPort, 0);
  assert.equal(cfg.httpsPort, 8443);
  assert.equal(cfg.defaultSessionTimeout, 5);
  assert.equal(cfg.maxSessionTimeout, 10);
  assert.equal(cfg.certificateFile, join(dir, 'cert.pem'));
  assert.equal(cfg.privateKeyFile, '/abs/key.pem');
  assert.deepEqual(cfg.access?.users.default, { password: '', networks: { ip: ['::1', '127.0.0.1'], host: [], hostRegexp: [] } });
  // Role grants stay among the user's grants; the engine tells them from privileges.
  assert.deepEqual(cfg.access?.users.bob, { passwordSha256Hex: 'ABC', profile: 'ro', grants: ['GRANT SELECT ON db.*', 'GRANT r1'] });
  assert.deepEqual(cfg.access?.roles, { r1: { grants: ['GRANT SELECT ON system.one'] } });
  assert.deepEqual(cfg.access?.profiles?.ro, { settings: { readonly: '1' }, profiles: ['default'] });
  assert.deepEqual(cfg.access?.quotas?.default, { intervals: [{ duration: 3600 }] });
  assert.deepEqual(cfg.access?.quotas?.keyed_one, { keyed: true, intervals: [{ duration: 60, queries: 2 }, { duration: 3600, queries: 10 }] });
});

test('the same users in YAML', () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-config-'));
  writeFileSync(join(dir, 'config.yaml'), 'http_port: 9000\nusers_config: users.yaml\n');
  writeFileSync(join(dir, 'users.yaml'), 'users:\n  alice:\n    password: secret\n    profile: default\nprofiles:\n  default:\n    max_threads: 2\n');
  const cfg = loadConfig(join(dir, 'config.yaml'));
  assert.deepEqual(cfg.access?.users.alice, { password: 'secret', profile: 'default' });
  assert.deepEqual(cfg.access?.profiles?.default, { settings: { max_threads: '2' } });
});
