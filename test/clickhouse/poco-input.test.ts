// What Poco refuses before ClickHouse sees a request: bad %-escapes in the
// query string (URI::decode) and bad Base64 in Basic credentials
// (Base64Decoder), both POCO_EXCEPTION (1000) as real 26.7 answers them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePocoBase64 } from '../../reference/clickhouse/poco-base64.ts';
import { PocoError } from '../../reference/clickhouse/errors.ts';
import { parseQueryString } from '../../reference/clickhouse/url-params.ts';

const poco = (message: string) => (e: unknown) => e instanceof PocoError && e.message === message;

test('query strings: bad escapes throw in Poco words, good ones decode byte by byte', () => {
  assert.throws(() => parseQueryString('/?query=SELECT%201&%zz'), poco('Bad URI syntax: URI encoding: not a hex digit'));
  assert.throws(() => parseQueryString('/?a=%'), poco('Bad URI syntax: URI encoding: no hex digit following percent sign: %'));
  assert.throws(() => parseQueryString('/?a=b%2'), poco('Bad URI syntax: URI encoding: two hex digits must follow percent sign: b%2'));
  // The value of an empty name is decoded too, then the pair is dropped.
  assert.throws(() => parseQueryString('/?=%g0'), poco('Bad URI syntax: URI encoding: not a hex digit'));
  assert.deepEqual(parseQueryString('/?a=1+2%2B&b=%ff'), [['a', '1 2+'], ['b', '\u00ff']]);
});

test('Basic credentials: Base64 as Poco decodes it', () => {
  assert.equal(decodePocoBase64('ZGVmYXVsdDo=').toString(), 'default:');
  assert.equal(decodePocoBase64(' ZGVm\tYXVs dDo= ').toString(), 'default:');
  // '=' is a zero digit anywhere, and decoding goes on after padding.
  assert.equal(decodePocoBase64('YQ==YQ==').toString(), 'aa');
  // A lone trailing digit is dropped; two or three are padded.
  assert.equal(decodePocoBase64('YWJjZ').toString(), 'abc');
  assert.equal(decodePocoBase64('YWJjZA').toString(), 'abcd');
  assert.equal(decodePocoBase64('YWJjZGU').toString(), 'abcde');
  assert.throws(() => decodePocoBase64('!!!'), poco('Bad data format'));
  assert.throws(() => decodePocoBase64('YW-j'), poco('Bad data format'));
  assert.equal(decodePocoBase64('').length, 0);
});

test('/replicas_status with a bad escape: the 500 with Poco\'s text that ReplicasStatusHandler sends, body until the close', async () => {
  const { buildClickHouseServer } = await import('../../reference/clickhouse/server.ts');
  const { rawExchange } = await import('./raw-exchange.ts');
  const server = buildClickHouseServer({ displayName: 'poco' });
  await server.listen({ host: '127.0.0.1', port: 0 });
  try {
    const { port } = server.server.address() as import('node:net').AddressInfo;
    const reply = await rawExchange(port, 'GET /replicas_status?a=1&%z HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match(reply, /^HTTP\/1\.1 500 Internal Server Error\r\nDate: [^\r]+\r\nConnection: Close\r\n\r\n/);
    assert.ok(reply.endsWith('\r\n\r\nPoco::Exception. Code: 1000, e.code() = 0, Bad URI syntax: URI encoding: two hex digits must follow percent sign: %z (version 26.7.2.1)\n'));
  } finally {
    await server.close();
  }
});
