import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createClickHouseEngine } from '../../reference/engine/dialects/clickhouse/index.ts';
import { loadConfig } from '../../reference/clickhouse/config.ts';
import { ServerError, exceptionText } from '../../reference/clickhouse/errors.ts';
import { buildClickHouseServer } from '../../reference/clickhouse/server.ts';
import { compatFor } from '../../reference/clickhouse/compat.ts';
import type { ServerConfig } from '../../reference/clickhouse/config.ts';
import { sendOnOneConnection } from '../../steps/support/one_connection.ts';

function server(config: ServerConfig = {}, engine = createClickHouseEngine({ timezone: 'UTC', version: '24.8.1.1' })) {
  return buildClickHouseServer({ engine, displayName: 'test-host', config });
}

test('keep_alive_timeout, max_keep_alive_requests and enable_http_stacktrace come from config.xml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-limits-'));
  const path = join(dir, 'config.xml');
  writeFileSync(path, `<clickhouse><keep_alive_timeout>7</keep_alive_timeout>
    <max_keep_alive_requests>3</max_keep_alive_requests><enable_http_stacktrace>false</enable_http_stacktrace></clickhouse>`);
  assert.deepEqual(loadConfig(path), { keepAliveTimeout: 7, maxKeepAliveRequests: 3, enableHttpStacktrace: false });
});

test('with a stack trace the text goes: message, name, the frames one a line, then the version', () => {
  const err = new ServerError('BAD_ARGUMENTS', 'Bad thing');
  assert.equal(exceptionText(err, '24.8.1.1'), 'Code: 36. DB::Exception: Bad thing. (BAD_ARGUMENTS) (version 24.8.1.1)');
  const text = exceptionText(err, '24.8.1.1', true);
  assert.ok(text.startsWith('Code: 36. DB::Exception: Bad thing. (BAD_ARGUMENTS), Stack trace (when copying this message, always include the lines below):\n\n0. '), text);
  assert.match(text, /\n1\. .+\n/);
  assert.ok(text.endsWith('\n (version 24.8.1.1)'), text);
  assert.match(text, /^0\. \.\/test\/clickhouse\/http-limits\.test\.ts:\d+:\d+: /m);
});

test('stacktrace=1 adds the trace to the error body unless enable_http_stacktrace is off', async () => {
  const lines = async (config: ServerConfig, url: string) => {
    const app = server(config);
    const r = await app.inject({ method: 'POST', url, payload: 'SELEC 1' });
    await app.close();
    assert.equal(r.statusCode, 400);
    return r.body.split('\n').length - 1;
  };
  assert.equal(await lines({}, '/?stacktrace=0'), 1);
  assert.ok(await lines({}, '/?stacktrace=1') >= 3);
  assert.equal(await lines({ enableHttpStacktrace: false }, '/?stacktrace=1'), 1);
});

test('Keep-Alive counts max_keep_alive_requests down and the last request closes the connection', async () => {
  const app = server({ keepAliveTimeout: 7, maxKeepAliveRequests: 3 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = app.server.address() as AddressInfo;
    const request = Buffer.from('GET /?query=SELECT%201 HTTP/1.1\r\nHost: t\r\n\r\n', 'latin1');
    const answers = await sendOnOneConnection(`http://127.0.0.1:${port}`, [request, request, request, request]);
    assert.deepEqual(answers.map((a) => [a.headers.connection, a.headers['keep-alive']]), [
      ['Keep-Alive', 'timeout=7, max=2'], ['Keep-Alive', 'timeout=7, max=1'], ['Close', undefined],
    ]);
  } finally {
    await app.close();
  }
});

test('a multipart part over http_max_multipart_form_data_size: 24.8 refuses it (LIMIT_EXCEEDED), 26.7 cuts it at the limit', async () => {
  const access = { users: { default: { password: '', profile: 'small' } }, profiles: { default: {}, small: { settings: { http_max_multipart_form_data_size: '10' } } } };
  const form = (content: string) => [
    '--b', 'Content-Disposition: form-data; name="f"; filename="f"', '', content, '--b--', '',
  ].join('\r\n');
  for (const line of ['24.8', '26.7'] as const) {
    const compat = compatFor(line);
    const app = buildClickHouseServer({ engine: createClickHouseEngine({ timezone: 'UTC', version: compat.version, access }), displayName: 'test-host', compat });
    const post = (content: string) => app.inject({
      method: 'POST', url: '/?query=SELECT%20count()%20FROM%20f&f_types=String',
      headers: { 'content-type': 'multipart/form-data; boundary=b' }, payload: form(content),
    });
    const small = await post('a\nb\nc');
    assert.equal(small.body, '3\n');
    const big = await post('0123456789\n0123');
    if (line === '24.8') {
      assert.equal(big.statusCode, 500);
      assert.equal(big.body, "Code: 290. DB::Exception: Limit for LimitReadBuffer exceeded: the maximum size of multipart/form-data. "
        + "This limit can be tuned by 'http_max_multipart_form_data_size' setting. (LIMIT_EXCEEDED) (version 24.8.1.1)\n");
    } else {
      assert.equal(big.statusCode, 200);
      assert.equal(big.body, '1\n');
    }
    await app.close();
  }
});
