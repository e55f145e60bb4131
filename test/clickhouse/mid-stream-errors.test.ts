import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { compatFor } from '../../reference/clickhouse/compat.ts';
import { exceptionBlock } from '../../reference/clickhouse/http/exception-tag.ts';
import { buildClickHouseServer } from '../../reference/clickhouse/server.ts';
import { rawExchange } from './raw-exchange.ts';

const QUERY = '/?max_block_size=1&query=SELECT+number,throwIf(number=2)+FROM+numbers(5)';
const TEXT = "Code: 395. DB::Exception: Value passed to 'throwIf' function is non-zero. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)";

async function exchange(line: string, path: string): Promise<string> {
  const app = buildClickHouseServer({ displayName: 'test-host', compat: compatFor(line) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await rawExchange((app.server.address() as AddressInfo).port, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  } finally {
    await app.close();
  }
}

test('the block: CRLF framing, the tag twice, the byte length of the text with its newline', () => {
  const text = `${TEXT} (version 26.7.2.1)\n`;
  assert.equal(exceptionBlock(text, 'abcdefghijklmnop').toString('utf8'),
    `\r\n__exception__\r\nabcdefghijklmnop\r\n${text}${Buffer.byteLength(text)} abcdefghijklmnop\r\n__exception__\r\n`);
  const long = exceptionBlock('x'.repeat(20000), 'abcdefghijklmnop');
  assert.ok(long.length <= 16 * 1024, `${long.length} bytes`);
});

test('26.7: after the first rows the error comes tagged and the body never ends', async () => {
  const raw = await exchange('26.7', QUERY);
  const tag = /\r\nX-ClickHouse-Exception-Tag: ([a-z]{16})\r\n/.exec(raw)?.[1];
  assert.ok(tag, raw);
  assert.match(raw, /\r\nAccess-Control-Expose-Headers: [^\r]*,X-ClickHouse-Exception-Code,X-ClickHouse-Exception-Tag\r\n/);
  assert.match(raw, /"elapsed_ns":"\d+","memory_usage":"0"\}\r\n/);
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  const text = `${TEXT} (version 26.7.2.1)\n`;
  assert.ok(body.includes(`\r\n__exception__\r\n${tag}\r\n${text}${text.length} ${tag}\r\n__exception__\r\n\r\n`), JSON.stringify(body));
  assert.ok(!body.endsWith('0\r\n\r\n'), 'the last chunk was sent');
});

test('24.8: the error text follows the rows and the chunked body ends', async () => {
  const raw = await exchange('24.8', QUERY);
  assert.doesNotMatch(raw, /X-ClickHouse-Exception-Tag|Access-Control-Expose-Headers|memory_usage/);
  assert.ok(raw.includes('\r\n0\t0\n\r\n') && raw.includes('\r\n1\t0\n\r\n'), raw);
  assert.ok(raw.includes(`\r\n${TEXT} (version 24.8.1.1)\n\r\n`), raw);
  assert.ok(raw.endsWith('0\r\n\r\n'), JSON.stringify(raw.slice(-40)));
});

test('26.7 with http_write_exception_in_output_format=1: the JSON document states the error and ends', async () => {
  const raw = await exchange('26.7', `${QUERY}+FORMAT+JSON&http_write_exception_in_output_format=1`);
  assert.match(raw, /"exception": "Code: 395\./);
  assert.doesNotMatch(raw, /__exception__/);
  assert.ok(raw.endsWith('0\r\n\r\n'));
});
