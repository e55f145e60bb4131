import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompressionError } from '../../lib/compression/errors.ts';
import { chooseResponseEncoding, compressionLevelRange, parseContentEncoding } from '../../lib/compression/http-methods.ts';

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

test('documented level ranges', () => {
  assert.deepEqual(compressionLevelRange('zstd'), [1, 22]);
  assert.deepEqual(compressionLevelRange('lz4'), [1, 12]);
  assert.deepEqual(compressionLevelRange('gzip'), [1, 9]);
});
