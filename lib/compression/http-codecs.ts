// HTTP body compression (Content-Encoding / Accept-Encoding) for every method
// ClickHouse knows, as Node Transform streams; snappy in the wire format of the
// emulated version (Hadoop's blocks until 26.7, the framing format since). Decoders fail with a
// CompressionError carrying ClickHouse's code and message; nothing here
// throws anything else for bad input.

import type { Transform } from 'node:stream';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { createBzip2Decoder, createBzip2Encoder } from './bzip2.ts';
import { CompressStream } from './compress-stream.ts';
import { CompressionError } from './errors.ts';
import { createHadoopSnappyDecoder, createHadoopSnappyEncoder } from './hadoop-snappy.ts';
import { createSnappyFramedDecoder, createSnappyFramedEncoder } from './snappy-framed.ts';
import { DEFAULT_HTTP_COMPRESSION_LEVEL, type HttpCompressionMethod } from './http-methods.ts';
import { Lz4FrameDecoder, Lz4FrameEncoder } from './lz4-frame.ts';
import { UpdateFinishTransform } from './update-finish.ts';
import { createXzDecoder, createXzEncoder } from './xz.ts';
import { createZlibFamilyEncoder, ZlibFamilyDecoder } from './zlib-family.ts';

/**
 * Which bytes `snappy` means over HTTP: Hadoop's block format (HadoopSnappyReadBuffer,
 * read only) before 26.7, Google's framing format both ways since (PR #100752).
 */
export type SnappyFormat = 'hadoop' | 'framed';

export interface DecompressOptions {
  /** zstd_window_log_max (0 = zstd's default limit). */
  zstdWindowLogMax?: number;
  /** Default 'hadoop'. */
  snappy?: SnappyFormat;
}

/** A Transform that decodes a request body sent with the given Content-Encoding. */
export function createDecompressStream(method: HttpCompressionMethod, options: DecompressOptions = {}): Transform {
  switch (method) {
    case 'gzip':
    case 'deflate':
    case 'br':
    case 'zstd':
      return new ZlibFamilyDecoder(method, { zstdWindowLogMax: options.zstdWindowLogMax });
    case 'xz':
      return createXzDecoder();
    case 'lz4':
      return new UpdateFinishTransform(new Lz4FrameDecoder());
    case 'bz2':
      return createBzip2Decoder();
    case 'snappy':
      return options.snappy === 'framed' ? createSnappyFramedDecoder() : createHadoopSnappyDecoder();
  }
}

export interface CompressOptions {
  /** http_zlib_compression_level (default 3). Out-of-range levels fail as they do in ClickHouse. */
  level?: number;
  /** Write a complete compressed stream for an empty input (default false, like ClickHouse's responses). */
  compressEmpty?: boolean;
  /** Default 'hadoop'. */
  snappy?: SnappyFormat;
}

/**
 * A Transform that compresses with the given method. Throws a CompressionError
 * at once for a level the method's library rejects. Snappy writes the format
 * `options.snappy` names (Hadoop's only for request bodies: no ClickHouse writes
 * it, see createResponseCompressStream).
 */
export function createCompressStream(method: HttpCompressionMethod, options: CompressOptions = {}): Transform {
  const level = options.level ?? DEFAULT_HTTP_COMPRESSION_LEVEL;
  const factory = encoderFactory(method, level, options.snappy ?? 'hadoop');
  factory(); // builds one encoder now so that a bad level is reported before any byte is written
  return new CompressStream(factory, { compressEmpty: options.compressEmpty });
}

function encoderFactory(method: HttpCompressionMethod, level: number, snappyFormat: SnappyFormat): () => Transform {
  switch (method) {
    case 'gzip':
    case 'deflate':
    case 'br':
    case 'zstd':
      return () => createZlibFamilyEncoder(method, { level }) as Transform;
    case 'xz':
      return () => createXzEncoder(level);
    case 'lz4':
      // lz4_flex has a single speed; every level gives the same (valid) frame.
      return () => new UpdateFinishTransform(new Lz4FrameEncoder());
    case 'bz2':
      return () => createBzip2Encoder(level);
    case 'snappy':
      return snappyFormat === 'framed' ? () => createSnappyFramedEncoder() : () => createHadoopSnappyEncoder();
  }
}

/**
 * The compressor ClickHouse puts in front of a response: as createCompressStream.
 * Snappy, which Accept-Encoding can select, writes the framing format since
 * 26.7; before, there was no writer and it fails with 48 NOT_IMPLEMENTED
 * "Unsupported compression method" (createWriteCompressedWrapper).
 */
export function createResponseCompressStream(method: HttpCompressionMethod, level = DEFAULT_HTTP_COMPRESSION_LEVEL,
  snappy: SnappyFormat = 'hadoop'): Transform {
  if (method === 'snappy' && snappy !== 'framed') throw new CompressionError('NOT_IMPLEMENTED', 'Unsupported compression method');
  return createCompressStream(method, { level, snappy });
}

async function runThrough(stream: Transform, data: Uint8Array): Promise<Buffer> {
  const [out] = await Promise.all([buffer(stream), pipeline(Readable.from([Buffer.from(data)]), stream)]);
  return out;
}

/** Compresses a whole buffer (a complete stream even when empty). */
export function compressBuffer(method: HttpCompressionMethod, data: Uint8Array, options: Omit<CompressOptions, 'compressEmpty'> = {}): Promise<Buffer> {
  return runThrough(createCompressStream(method, { ...options, compressEmpty: true }), data);
}

/** Decompresses a whole buffer; rejects with a CompressionError for bad input. */
export function decompressBuffer(method: HttpCompressionMethod, data: Uint8Array, options: DecompressOptions = {}): Promise<Buffer> {
  return runThrough(createDecompressStream(method, options), data);
}
