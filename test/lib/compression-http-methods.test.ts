import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompressionError } from '../../lib/compression/errors.ts';
import {
  chooseResponseEncoding, chooseResponseEncodingBy, chooseResponseEncodingByQValues, compressionLevelRange, parseContentEncoding,
} from '../../lib/compression/http-methods.ts';

test('Content-Encoding tokens map to methods case-insensitively', () => {
  const cases: Array<[string, string]> = [
    ['gzip', 'gzip'], ['GZIP', 'gzip'], ['gz', 'gzip'], ['deflate', 'deflate'], ['Deflate', 'deflate'],
    ['br', 'br'], ['brotli', 'br'], ['xz', 'xz'], ['lzma', 'xz'], ['zstd', 'zstd'], ['zst', 'zstd'],
    ['lz4', 'lz4'], ['LZ4', 'lz4'], ['bz2', 'bz2'], ['snappy', 'snappy'],
  ];
  for (const [token, method] of cases) assert.equal(parseContentEncoding(token), method, token);
});

test("'', 'auto' and 'none' mean an uncompressed body, but only spelled in lower case", () => {
  assert.equal(parseContentEncoding(''), null);
  assert.equal(parseContentEncoding('auto'), null);
  assert.equal(parseContentEncoding('none'), null);
  assert.throws(() => parseContentEncoding('NONE'), /Unknown compression method 'NONE'/);
});

test('identity and unknown tokens are 48 NOT_IMPLEMENTED with the 24.8 message', () => {
  for (const token of ['identity', 'bogus', 'gzip, deflate', ' gzip']) {
    assert.throws(
      () => parseContentEncoding(token),
      (err: unknown) => {
        assert.ok(err instanceof CompressionError);
        assert.equal(err.code, 48);
        assert.equal(err.codeName, 'NOT_IMPLEMENTED');
        assert.equal(
          err.message,
          `Unknown compression method '${token}'. Only 'auto', 'none', 'gzip', 'deflate', 'br', 'xz', 'zstd', 'lz4', 'bz2', 'snappy' are supported as compression methods`,
        );
        return true;
      },
    );
  }
});

test('Accept-Encoding: substring search in ClickHouse priority order, q-values ignored', () => {
  assert.equal(chooseResponseEncoding(undefined), null);
  assert.equal(chooseResponseEncoding(''), null);
  assert.equal(chooseResponseEncoding('gzip, deflate, br'), 'br');
  assert.equal(chooseResponseEncoding('gzip, deflate, br, zstd'), 'zstd');
  assert.equal(chooseResponseEncoding('gzip;q=0'), 'gzip');
  assert.equal(chooseResponseEncoding('deflate, gzip'), 'gzip');
  assert.equal(chooseResponseEncoding('lz4, snappy, gzip'), 'lz4');
  assert.equal(chooseResponseEncoding('snappy, gzip'), 'snappy');
  assert.equal(chooseResponseEncoding('bz2, xz'), 'xz');
  assert.equal(chooseResponseEncoding('bz2'), 'bz2');
  assert.equal(chooseResponseEncoding('zip, eflate'), null); // test 00302
  assert.equal(chooseResponseEncoding('identity'), null);
  assert.equal(chooseResponseEncoding('GZIP'), null); // case-sensitive
  assert.equal(chooseResponseEncoding('xbrx'), 'br'); // a plain substring
});

// Cases of src/IO/tests/gtest_choose_http_compression.cpp (a build with every method) and of ClickHouse 26.7.2.1 on CI.
test('Accept-Encoding (26.7): codings with q-values, server order among the accepted ones', () => {
  const cases: [string, string | null][] = [
    ['zstd, gzip, br', 'zstd'], ['br, gzip', 'br'], ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'], ['zstd;q=0', null], ['gzip;q=0.0', null], ['zstd;q=0, br;q=0.000', null],
    ['gzip;q=0.5, zstd', 'zstd'], ['zstd;q=0.1, br;q=1', 'zstd'], ['bz2;q=0.8, gzip', 'gzip'],
    ['X-gzip-custom', null], ['my-br-extra, gzip', 'gzip'],
    ['  gzip, zstd  ', 'zstd'], ['zstd; q=0, gzip ; q=1', 'gzip'], ['', null],
    ['GZip', 'gzip'], ['zstd, GZIP', 'zstd'], ['Snappy;q=0.5, gzIP;q=0.3', 'snappy'], ['zstd;Q=0, GZip;Q=0.5', 'gzip'],
    ['*', 'zstd'], ['*;q=0', null], ['gzip;q=0, *;q=1', 'zstd'], ['zstd;q=0, *;q=1', 'br'], ['*;q=0, gzip', 'gzip'],
    // Seen on 26.7.2.1: a q that is not a number accepts, a negative one refuses; no aliases.
    ['gzip;q=abc', 'gzip'], ['gzip;q=', 'gzip'], ['gzip;q=-1', null], ['gzip;level=1;q=0', null], ['gzip q=0', null],
    ['brotli', null], ['x-gzip', null], ['identity;q=0', null], [',gzip', 'gzip'],
  ];
  for (const [header, method] of cases) assert.equal(chooseResponseEncodingByQValues(header), method, header);
  assert.equal(chooseResponseEncodingByQValues(undefined), null);
  assert.equal(chooseResponseEncodingBy('q-values', 'gzip;q=0'), null);
  assert.equal(chooseResponseEncodingBy('substring', 'gzip;q=0'), 'gzip');
});

test('documented level ranges', () => {
  assert.deepEqual(compressionLevelRange('zstd'), [1, 22]);
  assert.deepEqual(compressionLevelRange('lz4'), [1, 12]);
  assert.deepEqual(compressionLevelRange('gzip'), [1, 9]);
});
