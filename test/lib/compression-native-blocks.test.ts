import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { cityHash128 } from '../../lib/cityhash102.ts';
import {
  createNativeBlockDecoder, decodeNativeBlocks, encodeNativeBlock, encodeNativeBlocks, formatChecksum,
  NativeBlockEncoder, type NativeDecodeOptions,
} from '../../lib/compression/native-blocks.ts';
import { expectError } from './expect-compression-error.ts';

// Cross-checked on a real ClickHouse 18.16.1 (Debian build): bodies made by
// encodeNativeBlocks with each of NONE, LZ4 and ZSTD (50000 TSV rows in 100 kB
// blocks) were POSTed with ?decompress=1&query=INSERT INTO t FORMAT TSV into a
// Memory table and read back intact (count, sum and first row matched). The
// same server answered the corrupted 'abc\t1\n' NONE block below (bit 2 of
// byte 26 flipped) with "Checksum doesn't match: corrupted data. Reference:
// 740e4651ba465b0f074f8f000e016025. Actual: 980278ba129f8a5d355096019a5aeeea.
// Size of compressed block: 15." — 18.16 prints low64 then high64.

const ROWS = Buffer.from(Array.from({ length: 5000 }, (_, i) => `row${i}\t${i}\n`).join(''));

const decode = (data: Buffer, options?: NativeDecodeOptions) => () => decodeNativeBlocks(data, options);

test('block layout: checksum, method byte, sizes, payload', () => {
  const block = encodeNativeBlock(Buffer.from('abc\t1\n'), { method: 'none' });
  assert.equal(block.toString('hex'), '0f5b46ba51460e742560010e008f4f07' + '02' + '0f000000' + '06000000' + Buffer.from('abc\t1\n').toString('hex'));
  assert.equal(formatChecksum(cityHash128(block.subarray(16)), 'low-high'), '740e4651ba465b0f074f8f000e016025');
  assert.equal(formatChecksum(cityHash128(block.subarray(16))), '074f8f000e016025740e4651ba465b0f');
  assert.equal(encodeNativeBlock(ROWS, { method: 'lz4' })[16], 0x82);
  assert.equal(encodeNativeBlock(ROWS, { method: 'zstd' })[16], 0x90);
});

test('round trip with each method, in blocks of up to 1 MiB', () => {
  const big = Buffer.concat(Array.from({ length: 60 }, () => ROWS)); // about 2.8 MB
  for (const method of ['none', 'lz4', 'zstd'] as const) {
    const packed = encodeNativeBlocks(big, { method });
    assert.ok(decodeNativeBlocks(packed).equals(big), method);
    let blocks = 0;
    for (let p = 0; p < packed.length; p += 16 + packed.readUInt32LE(p + 17)) {
      assert.ok(packed.readUInt32LE(p + 21) <= 1 << 20);
      blocks++;
    }
    assert.equal(blocks, Math.ceil(big.length / (1 << 20)), method);
  }
  assert.equal(encodeNativeBlocks(Buffer.alloc(0)).length, 0);
  assert.equal(decodeNativeBlocks(Buffer.alloc(0)).length, 0);
});

test('streaming encoder and decoder, fed in odd chunk sizes', async () => {
  const encoder = new NativeBlockEncoder({ method: 'lz4', blockSize: 10_000 });
  const chunks = [];
  for (let p = 0; p < ROWS.length; p += 777) chunks.push(ROWS.subarray(p, p + 777));
  const [packed] = await Promise.all([buffer(encoder), pipeline(Readable.from(chunks), encoder)]);
  const pieces = [];
  for (let p = 0; p < packed.length; p += 13) pieces.push(packed.subarray(p, p + 13));
  const decoder = createNativeBlockDecoder();
  const [plain] = await Promise.all([buffer(decoder), pipeline(Readable.from(pieces), decoder)]);
  assert.ok(plain.equals(ROWS));
});

test('blockPerWrite closes a block at every write', async () => {
  const encoder = new NativeBlockEncoder({ method: 'none', blockPerWrite: true });
  const [packed] = await Promise.all([buffer(encoder), pipeline(Readable.from([Buffer.from('a\n'), Buffer.from('b\n')]), encoder)]);
  assert.equal(packed.length, 2 * (16 + 9 + 2));
});

test('a corrupted block: 40 CHECKSUM_DOESNT_MATCH, with the single bit flip found', () => {
  const block = encodeNativeBlock(Buffer.from('abc\t1\n'), { method: 'none' });
  const bad = Buffer.from(block);
  bad[26]! ^= 4;
  assert.throws(decode(bad, { checksumHexOrder: 'low-high' }), expectError(40, new RegExp(
    "^Checksum doesn't match: corrupted data\\. Reference: 740e4651ba465b0f074f8f000e016025\\. " +
    'Actual: 980278ba129f8a5d355096019a5aeeea\\. Size of compressed block: 15\\. ' +
    'The mismatch is caused by single bit flip in data block at byte 10, bit 2\\. This is most likely due to hardware failure\\.',
  )));
  // 24.8 prints the high half first.
  assert.throws(decode(bad), expectError(40, /Reference: 074f8f000e016025740e4651ba465b0f\. Actual: 355096019a5aeeea980278ba129f8a5d\./));
  // 24.9+ reports external data as 271.
  assert.throws(decode(bad, { externalDataErrorCodes: true }), expectError(271, /^Checksum doesn't match/));
  // With checksumming disabled the bytes go through as they are.
  assert.equal(decodeNativeBlocks(bad, { disableChecksum: true }).toString(), 'afc\t1\n');
});

test('a flipped bit in the stored checksum is named as such; other corruption gets the plain message', () => {
  const block = encodeNativeBlock(Buffer.from('abc\t1\n'), { method: 'none' });
  const badSum = Buffer.from(block);
  badSum[3]! ^= 1;
  assert.throws(decode(badSum), expectError(40, /Size of compressed block: 15\. The mismatch is caused by single bit flip in checksum\. This is most likely/));
  const twoBytes = Buffer.from(block);
  twoBytes[25]! ^= 0xff;
  twoBytes[27]! ^= 0xff;
  assert.throws(decode(twoBytes), expectError(40, /Size of compressed block: 15$/));
});

test('header checks, in ClickHouse order', () => {
  const block = encodeNativeBlock(Buffer.from('abc\t1\n'), { method: 'none' });
  const patched = (at: number, value: number, width: 1 | 4 = 4) => {
    const b = Buffer.from(block);
    if (width === 1) b[at] = value;
    else b.writeUInt32LE(value, at);
    return b;
  };
  assert.throws(decode(patched(16, 0x77, 1)), expectError(432, 'Unknown codec family code: 119'));
  assert.throws(decode(patched(16, 0x92, 1)), expectError(48, /Codec family code 146 \(Delta\) is not implemented/));
  assert.throws(decode(patched(17, 0)), expectError(246, "Can't decompress data: header is corrupt with compressed block size 0"));
  assert.throws(decode(patched(21, 0)), expectError(246, "Can't decompress data: header is corrupt with decompressed block size 0"));
  assert.throws(decode(patched(17, 0x50000000)), expectError(39, 'Too large size_compressed_without_checksum: 1342177280. Most likely corrupted data.'));
  assert.throws(decode(patched(17, 5)), expectError(246, "Can't decompress data: the compressed data size (5, this should include header size) is less than the header size (9)"));
  assert.throws(decode(patched(17, 5), { externalDataErrorCodes: true }), expectError(271, /is less than the header size \(9\)$/));
  const mixed = Buffer.concat([encodeNativeBlock(Buffer.from('a\t1\n'), { method: 'lz4' }), block]);
  assert.throws(decode(mixed), expectError(271, 'Data compressed with different methods, given method byte 0x02, previous method byte 0x82'));
});

test('truncated input: 33 CANNOT_READ_ALL_DATA', () => {
  const block = encodeNativeBlock(Buffer.from('abc\t1\n'), { method: 'none' });
  assert.throws(decode(block.subarray(0, 20)), expectError(33, 'Cannot read all data. Bytes read: 20. Bytes expected: 25.'));
  assert.throws(decode(block.subarray(0, 28)), expectError(33, 'Cannot read all data. Bytes read: 3. Bytes expected: 6.'));
  const two = Buffer.concat([block, block.subarray(0, 1)]);
  assert.throws(decode(two), expectError(33, 'Cannot read all data. Bytes read: 1. Bytes expected: 25.'));
});

test('payloads that do not decompress: 271 CANNOT_DECOMPRESS', () => {
  const withHeader = (method: number, payload: Buffer, declared: number) => {
    const b = Buffer.alloc(25 + payload.length);
    b[16] = method;
    b.writeUInt32LE(9 + payload.length, 17);
    b.writeUInt32LE(declared, 21);
    payload.copy(b, 25);
    const { low, high } = cityHash128(b.subarray(16));
    b.writeBigUInt64LE(low, 0);
    b.writeBigUInt64LE(high, 8);
    return b;
  };
  // An LZ4 block with no body but a non-zero size (ClickHouse test 03777-style).
  assert.throws(decode(withHeader(0x82, Buffer.alloc(0), 16)), expectError(271, 'Cannot decompress LZ4-encoded data'));
  // 'hello' as LZ4 literals, but a declared size of 6.
  assert.throws(decode(withHeader(0x82, Buffer.from('5068656c6c6f', 'hex'), 6)), expectError(271, 'Cannot decompress LZ4-encoded data'));
  assert.equal(decodeNativeBlocks(withHeader(0x82, Buffer.from('5068656c6c6f', 'hex'), 5)).toString(), 'hello');
  assert.throws(decode(withHeader(0x90, Buffer.from('not zstd'), 8)), expectError(271, 'Cannot decompress ZSTD-encoded data: Unknown frame descriptor'));
  const zstd = encodeNativeBlock(Buffer.from('hello world'), { method: 'zstd' }).subarray(25);
  assert.throws(decode(withHeader(0x90, zstd, 5)), expectError(271, 'Cannot decompress ZSTD-encoded data: Destination buffer is too small'));
  assert.throws(decode(withHeader(0x90, zstd, 20)), expectError(271, /The size after decompression \(11\) is different than the expected size \(20\)/));
  // NONE hands out the payload whatever size it declares.
  assert.equal(decodeNativeBlocks(withHeader(0x02, Buffer.from('abc'), 99)).toString(), 'abc');
});
