import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRawResponse } from '../../steps/support/raw_http.ts';

test('parses an HTTP/1.0 answer whose body ends at close', () => {
  const res = parseRawResponse(Buffer.from('HTTP/1.0 200 OK\r\nConnection: Close\r\nContent-Type: text/plain\r\n\r\n1\n'));
  assert.equal(res.statusLine, 'HTTP/1.0 200 OK');
  assert.equal(res.status, 200);
  assert.equal(res.headers.connection, 'Close');
  assert.equal(res.body.toString(), '1\n');
});

test('undoes chunked transfer encoding', () => {
  const res = parseRawResponse(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n1\n\r\n3\r\nab\n\r\n0\r\n\r\n'));
  assert.equal(res.body.toString(), '1\nab\n');
});

test('an answer without a complete head is an error', () => {
  assert.throws(() => parseRawResponse(Buffer.from('HTTP/1.1 200 OK\r\n')), /no complete response head/);
});
