// The request body as the query reads it: Content-Encoding undone first, then
// ClickHouse's native blocks when decompress=1 (CompressedReadBuffer, with
// checksums unless http_native_compression_disable_checksumming_on_decompress).
// Malformed input fails with the codec's ClickHouse error, never a crash.

import { Readable } from 'node:stream';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDecompressStream, type SnappyFormat } from '../../../lib/compression/http-codecs.ts';
import type { HttpCompressionMethod } from '../../../lib/compression/http-methods.ts';
import { createNativeBlockDecoder } from '../../../lib/compression/native-blocks.ts';

export interface BodyDecoding {
  /** From Content-Encoding; null for an uncompressed body. */
  contentEncoding: HttpCompressionMethod | null;
  /** decompress=1 */
  nativeBlocks: boolean;
  disableChecksum: boolean;
  /** What a `snappy` body is (compat.ts). */
  snappy: SnappyFormat;
}

/** The raw bytes of a request. Failing decoders never get to destroy the request (and its socket). */
export function readRaw(req: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function decodeRequestBody(raw: Buffer, decoding: BodyDecoding): Promise<Buffer> {
  if (!decoding.contentEncoding && !decoding.nativeBlocks) return raw;
  const stages: Transform[] = [];
  if (decoding.contentEncoding) stages.push(createDecompressStream(decoding.contentEncoding, { snappy: decoding.snappy }));
  if (decoding.nativeBlocks) stages.push(createNativeBlockDecoder({ disableChecksum: decoding.disableChecksum }));
  const chunks: Buffer[] = [];
  const collect = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) chunks.push(chunk);
  };
  const run = pipeline as unknown as (...streams: unknown[]) => Promise<void>;
  await run(Readable.from([raw]), ...stages, collect);
  return Buffer.concat(chunks);
}
