// HTTP compression both ways, compress=1 / decompress=1, and their errors, end to end (inject).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { compressBuffer } from '../../lib/compression/http-codecs.ts';
import { decodeNativeBlocks, encodeNativeBlocks } from '../../lib/compression/native-blocks.ts';
import { buildClickHouseServer } from '../../reference/clickhouse/server.ts';

const app = buildClickHouseServer({ displayName: 'compression' });

test('request bodies in every Content-Encoding ClickHouse accepts, tokens case-insensitive', async () => {
  for (const [method, token] of [['gzip', 'GZIP'], ['deflate', 'deflate'], ['br', 'brotli'], ['zstd', 'zst'], ['xz', 'lzma'],
    ['lz4', 'lz4'], ['bz2', 'bz2'], ['snappy', 'snappy']] as const) {
    // 26.7 reads snappy bodies in the framing format.
    const payload = await compressBuffer(method, Buffer.from('SELECT 42'), { snappy: 'framed' });
    const r = await app.inject({ method: 'POST', url: '/', payload, headers: { 'content-encoding': token } });
    assert.equal(r.body, '42\n', method);
  }
});

test('identity and unknown encodings are 501 NOT_IMPLEMENTED; corrupt bodies get the codec error', async () => {
  const identity = await app.inject({ method: 'POST', url: '/', payload: 'SELECT 1', headers: { 'content-encoding': 'identity' } });
  assert.equal(identity.statusCode, 501);
  assert.match(identity.body, /^Code: 48\. DB::Exception: Unknown compression method 'identity'\. Only 'auto', 'none', 'gzip'/);
  const corrupt = await app.inject({ method: 'POST', url: '/', payload: 'SELECT 1', headers: { 'content-encoding': 'gzip' } });
  assert.equal(corrupt.statusCode, 500);
  assert.equal(corrupt.headers['x-clickhouse-exception-code'], '354');
});

test('responses are compressed with enable_http_compression and Accept-Encoding; empty bodies carry no encoding', async () => {
  const r = await app.inject({ method: 'POST', url: '/?enable_http_compression=1', payload: 'SELECT number FROM system.numbers LIMIT 3',
    headers: { 'accept-encoding': 'gzip' } });
  assert.equal(r.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(r.rawPayload).toString(), '0\n1\n2\n');
  // On by default since 25.10.
  const byDefault = await app.inject({ method: 'POST', url: '/', payload: 'SELECT 1', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(byDefault.headers['content-encoding'], 'gzip');
  const off = await app.inject({ method: 'POST', url: '/?enable_http_compression=0', payload: 'SELECT 1', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(off.headers['content-encoding'], undefined);
  const none = await app.inject({ method: 'POST', url: '/?enable_http_compression=1', payload: 'SELECT 1 WHERE 0', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(none.headers['content-encoding'], undefined);
  assert.equal(none.rawPayload.length, 0);
  // ClickHouse's order among the accepted methods, whatever the q-values say; q=0 refuses one.
  const pick = await app.inject({ method: 'POST', url: '/?enable_http_compression=1', payload: 'SELECT 1', headers: { 'accept-encoding': 'gzip;q=0.1, zstd;q=1, br;q=0' } });
  assert.equal(pick.headers['content-encoding'], 'zstd');
  const refused = await app.inject({ method: 'POST', url: '/?enable_http_compression=1', payload: 'SELECT 1', headers: { 'accept-encoding': 'gzip;q=0' } });
  assert.equal(refused.headers['content-encoding'], undefined);
  // 26.7 writes snappy in the framing format: the stream identifier first.
  const snappy = await app.inject({ method: 'POST', url: '/?enable_http_compression=1', payload: 'SELECT 1', headers: { 'accept-encoding': 'snappy' } });
  assert.equal(snappy.headers['content-encoding'], 'snappy');
  assert.equal(snappy.rawPayload.subarray(0, 10).toString('hex'), 'ff060000734e61507059');
});

test('an error after the output is set up is compressed like data would be', async () => {
  const r = await app.inject({ method: 'POST', url: '/?enable_http_compression=1', payload: 'SELECT * FROM nosuch', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(r.statusCode, 404);
  assert.equal(r.headers['content-encoding'], 'gzip');
  assert.match(gunzipSync(r.rawPayload).toString(), /^Code: 60\. /);
});

test('an error in the URL settings comes before the output is set up: uncompressed (as 26.7 answers)', async () => {
  const r = await app.inject({ method: 'POST', url: '/?enable_http_compression=1&nosuch=1', payload: 'SELECT 1', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(r.statusCode, 404);
  assert.equal(r.headers['content-encoding'], undefined);
  assert.match(r.payload, /^Code: 115\. /);
});

test('/ and /ping honour Accept-Encoding without enable_http_compression', async () => {
  const r = await app.inject({ method: 'GET', url: '/ping', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(r.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(r.rawPayload).toString(), 'Ok.\n');
  // 26.7 (PR #110108): Vary either way, and q=0 refuses a method here too.
  assert.equal(r.headers.vary, 'Accept-Encoding');
  const refused = await app.inject({ method: 'GET', url: '/ping', headers: { 'accept-encoding': 'gzip;q=0' } });
  assert.equal(refused.headers['content-encoding'], undefined);
  assert.equal(refused.headers.vary, 'Accept-Encoding');
});

test('compress=1 answers in native LZ4 blocks; decompress=1 reads them', async () => {
  const r = await app.inject({ method: 'POST', url: '/?compress=1', payload: 'SELECT number FROM system.numbers LIMIT 3' });
  assert.equal(r.rawPayload[16], 0x82);
  assert.equal(decodeNativeBlocks(r.rawPayload).toString(), '0\n1\n2\n');
  await app.inject({ method: 'POST', url: '/', payload: 'CREATE TABLE native_t (a UInt8) ENGINE = Memory' });
  const body = encodeNativeBlocks(Buffer.from('1\n2\n3\n'));
  const ok = await app.inject({ method: 'POST', url: '/?decompress=1&query=INSERT+INTO+native_t+FORMAT+TSV', payload: body });
  assert.equal(ok.statusCode, 200, ok.body);
  // A flipped payload byte fails the checksum, and nothing of that INSERT is stored.
  const corrupt = Buffer.from(body);
  corrupt[corrupt.length - 2] ^= 1;
  const bad = await app.inject({ method: 'POST', url: '/?decompress=1&query=INSERT+INTO+native_t+FORMAT+TSV', payload: corrupt });
  assert.equal(bad.statusCode, 500);
  assert.match(bad.body, /Checksum doesn't match: corrupted data/);
  const count = await app.inject({ method: 'POST', url: '/', payload: 'SELECT count() FROM native_t' });
  assert.equal(count.body, '3\n');
  // Without checksumming the same (still decodable) block is taken.
  const unchecked = await app.inject({ method: 'POST',
    url: '/?decompress=1&http_native_compression_disable_checksumming_on_decompress=1&query=INSERT+INTO+native_t+FORMAT+TSV', payload: corrupt });
  assert.equal(unchecked.statusCode, 200, unchecked.body);
  const garbage = await app.inject({ method: 'POST', url: '/?decompress=1&query=INSERT+INTO+native_t+FORMAT+TSV', payload: 'not compressed at all' });
  assert.equal(garbage.statusCode, 500);
  assert.match(garbage.body, /^Code: \d+\. DB::Exception: /);
});
