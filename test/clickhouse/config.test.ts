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
