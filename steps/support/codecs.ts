// Compression as scenarios name it: HTTP Content-Encoding with every method
// ClickHouse names, and ClickHouse's own block format (compress=1 /
// decompress=1). The codecs come from lib/compression, the library the
// reference uses too; the cross-check against a real server is what keeps it
// honest.

import { compressBuffer, decompressBuffer, type SnappyFormat } from '../../lib/compression/http-codecs.ts';
import type { HttpCompressionMethod } from '../../lib/compression/http-methods.ts';
import { encodeNativeBlocks, type NativeMethod } from '../../lib/compression/native-blocks.ts';

const HTTP_METHODS = new Set<string>(['gzip', 'deflate', 'br', 'xz', 'zstd', 'lz4', 'bz2', 'snappy']);
const NATIVE_METHODS = new Set<string>(['lz4', 'zstd', 'none']);

/**
 * A method as the scenarios name it: `snappy` is Hadoop's block format (what
 * servers before 26.7 read), `snappy-framed` Google's framing format (26.7's).
 */
function httpCodec(name: string): { method: HttpCompressionMethod; snappy: SnappyFormat } {
  if (name === 'snappy-framed') return { method: 'snappy', snappy: 'framed' };
  if (!HTTP_METHODS.has(name)) throw new Error(`not an HTTP compression method the suite knows: ${name}`);
  return { method: name as HttpCompressionMethod, snappy: 'hadoop' };
}

function nativeMethod(name: string): NativeMethod {
  if (!NATIVE_METHODS.has(name)) throw new Error(`not a native block method the suite knows: ${name}`);
  return name as NativeMethod;
}

export function decompressedWith(name: string, body: Buffer): Promise<Buffer> {
  const codec = httpCodec(name);
  return decompressBuffer(codec.method, body, { snappy: codec.snappy });
}

/** How a request body goes on the wire, after `I POST "…" with the body "…"`. */
export type BodyEncoding = (plain: Buffer) => Promise<Buffer>;

export const BODY_ENCODING_PATTERN = 'compressed with [\\w-]+|in native blocks compressed with \\w+'
  + '|in native blocks of \\d+ bytes whose last block is corrupt|in native blocks whose checksum is wrong';

/** The phrase with its leading space, or nothing: the body goes as it is. */
export function parseBodyEncoding(phrase: string | undefined): BodyEncoding {
  const text = (phrase ?? '').trim();
  if (text === '') return async (plain) => plain;
  const http = /^compressed with ([\w-]+)$/.exec(text);
  if (http) {
    const codec = httpCodec(http[1]!);
    return (plain) => compressBuffer(codec.method, plain, { snappy: codec.snappy });
  }
  const native = /^in native blocks compressed with (\w+)$/.exec(text);
  if (native) {
    const method = nativeMethod(native[1]!);
    return async (plain) => encodeNativeBlocks(plain, { method });
  }
  // Corrupt data: one payload byte of the last block changes after its checksum was computed.
  const corrupt = /^in native blocks of (\d+) bytes whose last block is corrupt$/.exec(text);
  if (corrupt) {
    const blockSize = Number(corrupt[1]);
    return async (plain) => {
      const blocks = encodeNativeBlocks(plain, { method: 'lz4', blockSize });
      blocks.writeUInt8(blocks[blocks.length - 1]! ^ 0xff, blocks.length - 1);
      return blocks;
    };
  }
  if (text === 'in native blocks whose checksum is wrong') {
    return async (plain) => {
      const blocks = encodeNativeBlocks(plain, { method: 'none' });
      blocks.writeUInt8(blocks[0]! ^ 0x01, 0);
      return blocks;
    };
  }
  throw new Error(`not a body encoding the suite knows: ${JSON.stringify(text)}`);
}
