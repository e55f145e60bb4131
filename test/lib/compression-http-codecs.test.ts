import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import {
  compressBuffer, createCompressStream, createDecompressStream, createResponseCompressStream, decompressBuffer,
} from '../../lib/compression/http-codecs.ts';
import { HTTP_COMPRESSION_METHODS, type HttpCompressionMethod } from '../../lib/compression/http-methods.ts';
import { crc32c, maskedCrc32c } from '../../lib/compression/snappy-framed.ts';
import { expectError } from './expect-compression-error.ts';

const PLAIN = 'olapspec\t1\nclickhouse\t2\n';

// Made with the command-line tools (gzip 1.12, xz 5.4, bzip2 1.0.8, zstd 1.5, lz4 1.9.4)
// and Python's zlib for deflate; the snappy one is Hadoop framing around a raw
// snappy literal, written by hand.
const FIXTURES: Record<HttpCompressionMethod, string> = {
  gzip: '1f8b080854f5016b0003706c61696e2e74787400cbcf492c282e484de634e44acec94ccecec82f2d4ee534e20200afbe246718000000',
  deflate: '789ccbcf492c282e484de634e44acec94ccecec82f2d4ee534e202006c4c080b',
  xz: 'fd377a585a000004e6d6b4460200210116000000742fe5a30100176f6c61707370656309310a636c69636b686f75736509320a005c064548078b91d6000130188e1bacec1fb6f37d010000000004595a',
  bz2: '425a683931415926535941a3fb70000008c980003030002a6cca002000314c000141e994c8f510440b5094df4d3c169fa57c5dc914e14241068fedc0',
  zstd: '28b52ffd2418c100006f6c61707370656309310a636c69636b686f75736509320a68aba7cd',
  lz4: '04224d186440a7180000806f6c61707370656309310a636c69636b686f75736509320a0000000087b21d5e',
  br: zlib.brotliCompressSync(Buffer.from(PLAIN)).toString('hex'),
  snappy: '00000018' + '0000001a' + '18' + '5c' + Buffer.from(PLAIN).toString('hex'),
};

// A linked-block LZ4 frame (lz4 -BD -B4: 64 KiB blocks that refer back to the previous
// ones, with a content checksum) of 'olapspec ' x 20000, and the same with a content size.
const LINKED_LZ4 = 'BCJNGERAXhMBAACfb2xhcHNwZWMgCQD/////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////31BhcHNwZQoBAAAP+f//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////6FBvbGFwc9IAAACfcGVjIG9sYXBzCQD//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////75Qc3BlYyAAAAAAVRSfHw==';
const LINKED_LZ4_SIZED = 'BCJNGExAIL8CAAAAAAB3EwEAAJ9vbGFwc3BlYyAJAP/////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////fUGFwc3BlCgEAAA/5///////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////oUG9sYXBz0gAAAJ9wZWMgb2xhcHMJAP//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////vlBzcGVjIAAAAABVFJ8f';

async function decodeChunks(method: HttpCompressionMethod, chunks: Buffer[]): Promise<Buffer> {
  const stream = createDecompressStream(method);
  const [out] = await Promise.all([buffer(stream), pipeline(Readable.from(chunks), stream)]);
  return out;
}

const bytewise = (b: Buffer): Buffer[] => [...b].map((x) => Buffer.from([x]));

test('each method decodes what its reference tool wrote', async () => {
  for (const method of HTTP_COMPRESSION_METHODS) {
    const out = await decompressBuffer(method, Buffer.from(FIXTURES[method], 'hex'));
    assert.equal(out.toString(), PLAIN, method);
  }
});

test('each method decodes its fixture fed one byte at a time', async () => {
  for (const method of HTTP_COMPRESSION_METHODS) {
    const out = await decodeChunks(method, bytewise(Buffer.from(FIXTURES[method], 'hex')));
    assert.equal(out.toString(), PLAIN, method);
  }
});

test('round trip for every method and several levels', async () => {
  const data = Buffer.from(Array.from({ length: 120_000 }, (_, i) => (i % 7 === 0 ? (i * 13) & 255 : 65 + (i % 26))));
  for (const method of HTTP_COMPRESSION_METHODS) {
    for (const level of [1, 3, 9]) {
      const packed = await compressBuffer(method, data, { level });
      assert.ok(packed.length < data.length, `${method} compresses`);
      assert.ok((await decompressBuffer(method, packed)).equals(data), `${method} level ${level}`);
    }
  }
});

test('linked LZ4 blocks, content checksum and content size', async () => {
  const expected = 'olapspec '.repeat(20000);
  assert.equal((await decompressBuffer('lz4', Buffer.from(LINKED_LZ4, 'base64'))).toString(), expected);
  assert.equal((await decompressBuffer('lz4', Buffer.from(LINKED_LZ4_SIZED, 'base64'))).toString(), expected);
  const corrupt = Buffer.from(LINKED_LZ4, 'base64');
  corrupt[corrupt.length - 2]! ^= 1;
  await assert.rejects(decompressBuffer('lz4', corrupt), expectError(618, 'LZ4 decompression failed. LZ4F version: 100. Error: ERROR_contentChecksum_invalid'));
});

test('an LZ4 block may copy from the previous block of a linked frame', async () => {
  const frame = Buffer.concat([
    Buffer.from('04224d1840', 'hex'), Buffer.from([0x40]), Buffer.from([0x00]), // FLG linked, BD 64 KiB, HC patched below
    Buffer.from('06000000', 'hex'), Buffer.from('5068656c6c6f', 'hex'), // literals 'hello'
    Buffer.from('05000000', 'hex'), Buffer.from('0105001021', 'hex'), // match 5 back, then '!'
    Buffer.from('00000000', 'hex'),
  ]);
  const { xxh32 } = await import('../../lib/compression/xxhash32.ts');
  frame[6] = (xxh32(frame.subarray(4, 6)) >>> 8) & 0xff;
  assert.equal((await decompressBuffer('lz4', frame)).toString(), 'hellohello!');
});

test('concatenated streams are read one after another, as ClickHouse does', async () => {
  for (const method of ['gzip', 'deflate', 'zstd', 'xz', 'lz4', 'bz2', 'snappy'] as const) {
    const one = await compressBuffer(method, Buffer.from('left '));
    const two = await compressBuffer(method, Buffer.from('right'));
    assert.equal((await decompressBuffer(method, Buffer.concat([one, two]))).toString(), 'left right', method);
    assert.equal((await decodeChunks(method, [one, two])).toString(), 'left right', `${method} in two chunks`);
  }
});

test('brotli: anything after the end of the stream is an error', async () => {
  const one = await compressBuffer('br', Buffer.from('left'));
  await assert.rejects(decompressBuffer('br', Buffer.concat([one, one])), expectError(448, 'brotli decode error'));
});

test('malformed input fails with the codec error ClickHouse raises', async () => {
  const garbage = Buffer.from('this is not a compressed body at all');
  const expected: Record<HttpCompressionMethod, [number, string]> = {
    gzip: [354, 'inflate failed: data error'],
    deflate: [354, 'inflate failed: data error'],
    br: [448, 'brotli decode error'],
    xz: [554, 'lzma_stream_decoder failed: error code: error code 7; lzma version: 5.3.1alpha'],
    zstd: [561, "ZSTD stream decoding failed: error 'Unknown frame descriptor'; ZSTD version: 1.5.5"],
    lz4: [618, 'LZ4 decompression failed. LZ4F version: 100. Error: ERROR_frameType_unknown'],
    bz2: [594, 'bzip2 stream decoder failed: error code: -5'],
    snappy: [638, 'Too large snappy compressed block. buffer size: 1048576, compressed block size: 543781664'],
  };
  for (const method of HTTP_COMPRESSION_METHODS) {
    const [code, message] = expected[method];
    await assert.rejects(decompressBuffer(method, garbage), expectError(code, message), method);
  }
});

test('corrupted data inside a valid stream', async () => {
  const data = Buffer.from('payload '.repeat(1000));
  const flipped = async (method: HttpCompressionMethod, at: number) => {
    const packed = await compressBuffer(method, data);
    packed[at]! ^= 0x55;
    return decompressBuffer(method, packed);
  };
  await assert.rejects(flipped('gzip', 20), expectError(354, /^inflate failed: (data|buffer) error$/));
  await assert.rejects(flipped('xz', 40), expectError(554, /^lzma_stream_decoder failed: error code: error code (9|10); lzma version: /));
  await assert.rejects(flipped('zstd', 10), expectError(561, /^ZSTD stream decoding failed: error '/));
  await assert.rejects(flipped('bz2', 30), expectError(594, /^bzip2 stream decoder failed: error code: -4$/));
  const lz4 = await compressBuffer('lz4', data);
  lz4.writeUInt32LE(1 << 20, 7); // a block larger than the frame's 256 KiB maximum
  await assert.rejects(decompressBuffer('lz4', lz4), expectError(618, 'LZ4 decompression failed. LZ4F version: 100. Error: ERROR_maxBlockSize_invalid'));
  const header = await compressBuffer('lz4', data);
  header[6]! ^= 1;
  await assert.rejects(decompressBuffer('lz4', header), expectError(618, 'LZ4 decompression failed. LZ4F version: 100. Error: ERROR_headerChecksum_invalid'));
});

test('truncated and empty bodies', async () => {
  const data = Buffer.from('truncated '.repeat(500));
  const cut = async (method: HttpCompressionMethod) => {
    const packed = await compressBuffer(method, data);
    return decompressBuffer(method, packed.subarray(0, packed.length - 6));
  };
  await assert.rejects(cut('gzip'), expectError(354, 'inflate failed: buffer error'));
  await assert.rejects(cut('deflate'), expectError(354, 'inflate failed: buffer error'));
  await assert.rejects(cut('br'), expectError(448, 'brotli decode error'));
  await assert.rejects(cut('xz'), expectError(554, /error code 10;/));
  await assert.rejects(cut('bz2'), expectError(3, 'Unexpected end of bzip2 archive'));
  await assert.rejects(cut('snappy'), expectError(638, 'hadoop snappy decode error:NEEDS_MORE_INPUT'));
  // 24.8's zstd and LZ4 readers return what they decoded when the input stops early.
  assert.ok(data.toString().startsWith((await cut('zstd')).toString()));
  assert.ok(data.toString().startsWith((await cut('lz4')).toString()));

  const empty = Buffer.alloc(0);
  await assert.rejects(decompressBuffer('gzip', empty), expectError(354, 'inflate failed: buffer error'));
  await assert.rejects(decompressBuffer('br', empty), expectError(448, 'brotli decode error'));
  await assert.rejects(decompressBuffer('xz', empty), expectError(554, /error code 10;/));
  await assert.rejects(decompressBuffer('bz2', empty), expectError(3, 'Unexpected end of bzip2 archive'));
  for (const method of ['zstd', 'lz4', 'snappy'] as const) assert.equal((await decompressBuffer(method, empty)).length, 0, method);
});

test('hadoop snappy framing errors', async () => {
  const block = (raw: number, compressed: Buffer) => {
    const h = Buffer.alloc(8);
    h.writeUInt32BE(raw, 0);
    h.writeUInt32BE(compressed.length, 4);
    return Buffer.concat([h, compressed]);
  };
  const literal = Buffer.from('051068656c6c6f', 'hex'); // raw snappy of 'hello'
  assert.equal((await decompressBuffer('snappy', block(5, literal))).toString(), 'hello');
  await assert.rejects(decompressBuffer('snappy', block(4, literal)), expectError(638, 'hadoop snappy decode error:INVALID_INPUT'));
  await assert.rejects(decompressBuffer('snappy', block(5, Buffer.from('05ff', 'hex'))), expectError(638, 'hadoop snappy decode error:INVALID_INPUT'));
  const huge = Buffer.from([0x81, 0x80, 0x40, 0x00]); // declares 1 MiB + 1 bytes
  await assert.rejects(decompressBuffer('snappy', block(5, huge)), expectError(638, 'hadoop snappy decode error:BUFFER_TOO_SMALL'));
  await assert.rejects(decompressBuffer('snappy', block(6, literal)), expectError(638, 'hadoop snappy decode error:NEEDS_MORE_INPUT'));
});

test('levels the libraries reject fail like ClickHouse before any output', () => {
  assert.throws(() => createCompressStream('gzip', { level: 10 }), expectError(355, /^deflateInit2 failed: stream error; zlib version: /));
  assert.throws(() => createCompressStream('deflate', { level: -2 }), expectError(355, /^deflateInit2 failed: stream error/));
  assert.throws(() => createCompressStream('xz', { level: 10 }), expectError(553, /^lzma preset failed: lzma version: /));
  assert.throws(() => createCompressStream('bz2', { level: 0 }), expectError(595, 'bzip2 stream encoder init failed: error code: -2'));
  // brotli and zstd clamp the level themselves, lz4 has a single speed.
  for (const [method, level] of [['br', 20], ['br', -1], ['zstd', 30], ['zstd', -5], ['lz4', 40]] as const) {
    assert.doesNotThrow(() => createCompressStream(method, { level }), `${method} ${level}`);
  }
});

test('responses: an empty body stays empty, snappy cannot be written', async () => {
  for (const method of ['gzip', 'br', 'zstd', 'xz', 'lz4', 'bz2', 'deflate'] as const) {
    const stream = createResponseCompressStream(method, 3);
    const [out] = await Promise.all([buffer(stream), pipeline(Readable.from([]), stream)]);
    assert.equal(out.length, 0, method);
  }
  assert.throws(() => createResponseCompressStream('snappy'), expectError(48, 'Unsupported compression method'));
});

test('a response stream can carry text written after the data, e.g. an exception', async () => {
  const stream = createResponseCompressStream('gzip');
  const [out] = await Promise.all([
    buffer(stream),
    pipeline(Readable.from([Buffer.from('1\n2\n'), Buffer.from('Code: 395. DB::Exception: boom\n')]), stream),
  ]);
  assert.equal(zlib.gunzipSync(out).toString(), '1\n2\nCode: 395. DB::Exception: boom\n');
});

test('snappy framing format: CRC-32C, round trips, the writer ClickHouse 26.7 has', async () => {
  assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283);
  // ClickHouse 26.7.2.1 answered SELECT 1 with Accept-Encoding: snappy with exactly these bytes.
  const live = Buffer.from('ff060000734e61507059010600' + '00b77dc04c310a', 'hex');
  assert.equal((await decompressBuffer('snappy', live, { snappy: 'framed' })).toString(), '1\n');
  assert.ok((await compressBuffer('snappy', Buffer.from('1\n'), { snappy: 'framed' })).equals(live));
  assert.equal(maskedCrc32c(Buffer.from('1\n')), live.readUInt32LE(14));
  const big = Buffer.alloc(200_000, 'abcdefgh');
  const packed = await compressBuffer('snappy', big, { snappy: 'framed' });
  assert.equal(packed[10], 0x00, 'a chunk that compresses is written compressed');
  assert.ok((await decompressBuffer('snappy', packed, { snappy: 'framed' })).equals(big));
  assert.equal((await decompressBuffer('snappy', Buffer.alloc(0), { snappy: 'framed' })).length, 0);
  assert.throws(() => createResponseCompressStream('snappy', 3, 'hadoop'), expectError(48, 'Unsupported compression method'));
  assert.ok(createResponseCompressStream('snappy', 3, 'framed'));
});

test('snappy framing format: the reader refuses what SnappyFramedReadBuffer refuses', async () => {
  const framed = (hex: string) => decompressBuffer('snappy', Buffer.from(hex, 'hex'), { snappy: 'framed' });
  const id = 'ff060000734e61507059';
  await assert.rejects(framed('53454c45435420310a0a'), expectError(638, 'Invalid snappy framing format: bad stream identifier'));
  await assert.rejects(framed('ff060000734e61'), expectError(638, 'Truncated snappy stream: expected 10 bytes but got 7'));
  await assert.rejects(framed(id + '00ffffff'), expectError(638, 'Snappy compressed chunk payload size 16777211 exceeds the framing format limit of 76490'));
  await assert.rejects(framed(id + '010600000000000031'), expectError(638, 'Truncated snappy stream: expected 6 bytes but got 5'));
  await assert.rejects(framed(id + '01060000' + '00000000' + '310a'), expectError(638, 'Snappy CRC-32C checksum mismatch'));
  await assert.rejects(framed(id + '02000000'), expectError(638, 'Unknown unskippable snappy chunk type: 0x02'));
  await assert.rejects(framed(id + '0002000000'), expectError(638, 'Compressed snappy chunk too small'));
  await assert.rejects(framed(id + 'ff050000'), expectError(638, 'Invalid snappy stream identifier chunk size'));
  // A skippable chunk is passed over; a repeated identifier is allowed.
  assert.equal((await framed(id + '80020000' + '0000' + id + '010600' + '00b77dc04c310a')).toString(), '1\n');
});
