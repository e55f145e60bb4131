// Compressed Stream Load bodies: CSV `format: gzip|bzip2|lz4|deflate|zstd`
// and JSON `compression`/Content-Encoding, through the shared codecs.

import { decompressBuffer } from '../../../lib/compression/http-codecs.ts';
import type { HttpCompressionMethod } from '../../../lib/compression/http-methods.ts';
import type { Compression } from './params.ts';
import { LoadError } from './params.ts';

const METHOD: Record<Compression, HttpCompressionMethod> = { gzip: 'gzip', bzip2: 'bz2', lz4: 'lz4', deflate: 'deflate', zstd: 'zstd' };

export async function decodeBody(body: Buffer, compression: Compression | undefined): Promise<Buffer> {
  if (!compression || body.length === 0) return body;
  try {
    return await decompressBuffer(METHOD[compression], body);
  } catch (e) {
    throw new LoadError('INTERNAL_ERROR', `Failed to decompress ${compression} data: ${(e as Error).message}`);
  }
}
