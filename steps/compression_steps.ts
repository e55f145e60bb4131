// Compressed request bodies and compressed answers: HTTP Content-Encoding with
// every method ClickHouse names, and ClickHouse's own block format
// (compress=1 / decompress=1). The codecs come from lib/compression, the
// library the reference uses too; the cross-check against a real server is
// what keeps it honest.

import { Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { compressBuffer, decompressBuffer, type SnappyFormat } from '../lib/compression/http-codecs.ts';
import type { HttpCompressionMethod } from '../lib/compression/http-methods.ts';
import { decodeNativeBlocks, encodeNativeBlocks, type NativeMethod } from '../lib/compression/native-blocks.ts';
import { unescapeText } from './support/escapes.ts';
import type { OlapWorld } from './support/world.ts';

const HTTP_METHODS = new Set<string>(['gzip', 'deflate', 'br', 'xz', 'zstd', 'lz4', 'bz2', 'snappy']);
const NATIVE_METHODS = new Set<string>(['lz4', 'zstd', 'none']);

/**
 * A method as the scenarios name it: `snappy` is Hadoop's block format (what
 * servers before 26.7 read), `snappy-framed` Google's framing format (26.7's).
 */
function httpMethod(name: string): { method: HttpCompressionMethod; snappy: SnappyFormat } {
  if (name === 'snappy-framed') return { method: 'snappy', snappy: 'framed' };
  if (!HTTP_METHODS.has(name)) throw new Error(`not an HTTP compression method the suite knows: ${name}`);
  return { method: name as HttpCompressionMethod, snappy: 'hadoop' };
}

function nativeMethod(name: string): NativeMethod {
  if (!NATIVE_METHODS.has(name)) throw new Error(`not a native block method the suite knows: ${name}`);
  return name as NativeMethod;
}

When('I POST gzip-compressed {string} to {string}', async function (this: OlapWorld, body: string, path: string) {
  await this.send('POST', path, await compressBuffer('gzip', this.bytes(body)));
});

When('I POST {string} compressed with {word} to {string}', async function (this: OlapWorld, body: string, method: string, path: string) {
  const codec = httpMethod(method);
  await this.send('POST', path, await compressBuffer(codec.method, this.bytes(body), { snappy: codec.snappy }));
});

When('I POST {string} to {string} in native blocks compressed with {word}', async function (this: OlapWorld, body: string, path: string, method: string) {
  await this.send('POST', path, encodeNativeBlocks(this.bytes(body), { method: nativeMethod(method) }));
});

// Corrupt data: one payload byte of the last block changes after its checksum was computed.
When('I POST {string} to {string} in native blocks of {int} bytes whose last block is corrupt', async function (this: OlapWorld, body: string, path: string, blockSize: number) {
  const blocks = encodeNativeBlocks(this.bytes(body), { method: 'lz4', blockSize });
  const last = blocks.length - 1;
  blocks.writeUInt8(blocks[last]! ^ 0xff, last);
  await this.send('POST', path, blocks);
});

When('I POST {string} to {string} in native blocks whose checksum is wrong', async function (this: OlapWorld, body: string, path: string) {
  const blocks = encodeNativeBlocks(this.bytes(body), { method: 'none' });
  blocks.writeUInt8(blocks[0]! ^ 0x01, 0);
  await this.send('POST', path, blocks);
});

Then('the body decompressed with {word} is {string}', async function (this: OlapWorld, method: string, expected: string) {
  const codec = httpMethod(method);
  const plain = await decompressBuffer(codec.method, this.response.body, { snappy: codec.snappy });
  expect(plain.toString('utf8')).to.equal(this.resolve(unescapeText(expected)));
});

Then('the body decoded from native compressed blocks is {string}', function (this: OlapWorld, expected: string) {
  const plain = decodeNativeBlocks(this.response.body);
  expect(plain.toString('utf8')).to.equal(this.resolve(unescapeText(expected)));
});

Then('the body is native compressed blocks with the method byte {int}', function (this: OlapWorld, byte: number) {
  // checksum (16 bytes), then the method byte
  expect(this.response.body.length, 'body length').to.be.greaterThan(25);
  expect(this.response.body[16], 'method byte').to.equal(byte);
});
