// gzip, deflate (zlib, RFC 1950), brotli and zstd through Node's zlib, made to
// behave like ClickHouse 24.8's read buffers (src/IO/ZlibInflatingReadBuffer,
// BrotliReadBuffer, ZstdInflatingReadBuffer):
// - gzip/deflate: input that goes on after the end of a stream is decoded as
//   the next stream (inflateReset); a truncated or empty body fails with
//   zlib's "buffer error".
// - zstd: frames follow one another; input that ends inside a frame is not an
//   error (24.8 returned what it had decoded).
// - brotli: anything after the end of the stream, a truncated stream and an
//   empty body are all "brotli decode error".
// Node stops each of its decoders at the end of the first stream, so a new one
// is started for whatever input is left.

import zlib from 'node:zlib';
import type { Duplex, TransformCallback } from 'node:stream';
import { CompressionError } from './errors.ts';
import { InnerStreamTransform } from './inner-stream.ts';
import { ZLIB_VERSION, ZSTD_VERSION_STRING } from './versions.ts';

export type ZlibFamilyMethod = 'gzip' | 'deflate' | 'br' | 'zstd';

export interface ZlibFamilyDecodeOptions {
  /** zstd_window_log_max: the largest zstd window accepted (0 = zstd's default, 27). */
  zstdWindowLogMax?: number;
}

const Z_ERROR_TEXT: Record<string, string> = {
  Z_NEED_DICT: 'need dictionary',
  Z_STREAM_ERROR: 'stream error',
  Z_DATA_ERROR: 'data error',
  Z_MEM_ERROR: 'insufficient memory',
  Z_BUF_ERROR: 'buffer error',
  Z_VERSION_ERROR: 'incompatible version',
};

const errCode = (err: unknown): string => String((err as { code?: unknown })?.code ?? '');
const errMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class ZlibFamilyDecoder extends InnerStreamTransform {
  readonly method: ZlibFamilyMethod;
  readonly #options: ZlibFamilyDecodeOptions;

  constructor(method: ZlibFamilyMethod, options: ZlibFamilyDecodeOptions = {}) {
    super();
    this.method = method;
    this.#options = options;
  }

  protected createInner(): Duplex {
    switch (this.method) {
      case 'gzip':
        return zlib.createGunzip();
      case 'deflate':
        return zlib.createInflate();
      case 'br':
        return zlib.createBrotliDecompress();
      case 'zstd': {
        const windowLogMax = this.#options.zstdWindowLogMax ?? 0;
        return zlib.createZstdDecompress(
          windowLogMax > 0 ? { params: { [zlib.constants.ZSTD_d_windowLogMax]: windowLogMax } } : {},
        );
      }
    }
  }

  protected mapError(err: unknown): Error | null {
    if (err instanceof CompressionError) return err;
    const code = errCode(err);
    switch (this.method) {
      case 'gzip':
      case 'deflate':
        return new CompressionError('ZLIB_INFLATE_FAILED', `inflate failed: ${Z_ERROR_TEXT[code] ?? 'unknown error'}`);
      case 'br':
        return new CompressionError('BROTLI_READ_FAILED', 'brotli decode error');
      case 'zstd': {
        if (code === 'Z_BUF_ERROR') return null;
        const hint = code === 'ZSTD_error_frameParameter_windowTooLarge'
          ? ". You can increase the maximum window size with the 'zstd_window_log_max' setting in ClickHouse. Example: 'SET zstd_window_log_max = 31'"
          : '';
        return new CompressionError(
          'ZSTD_DECODER_FAILED',
          `ZSTD stream decoding failed: error '${errMessage(err)}'${hint}; ZSTD version: ${ZSTD_VERSION_STRING}`,
        );
      }
    }
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.settle(this.guard(() => this.#feed(chunk)), callback);
  }

  override _flush(callback: TransformCallback): void {
    this.settle(this.guard(() => this.endInner()), callback);
  }

  async #feed(chunk: Buffer): Promise<void> {
    while (chunk.length > 0) {
      const inner = this.inner ?? this.startInner();
      const before = (inner as unknown as zlib.Zlib).bytesWritten;
      await this.writeInner(chunk);
      const consumed = (inner as unknown as zlib.Zlib).bytesWritten - before;
      if (consumed >= chunk.length) return;
      // The stream ended inside this chunk: what follows belongs to the next one.
      chunk = chunk.subarray(consumed);
      await this.finishInner();
      if (this.method === 'br') throw new CompressionError('BROTLI_READ_FAILED', 'brotli decode error');
    }
  }
}

export interface EncodeOptions {
  /** http_zlib_compression_level. */
  level: number;
}

/** Builds Node's encoder with ClickHouse's parameters, or throws the error ClickHouse raises for the level. */
export function createZlibFamilyEncoder(method: ZlibFamilyMethod, { level }: EncodeOptions): Duplex {
  switch (method) {
    case 'gzip':
    case 'deflate': {
      // deflateInit2 accepts -1 (default) to 9 and rejects the rest with Z_STREAM_ERROR.
      if (!Number.isInteger(level) || level < -1 || level > 9) {
        throw new CompressionError('ZLIB_DEFLATE_FAILED', `deflateInit2 failed: stream error; zlib version: ${ZLIB_VERSION}`);
      }
      return method === 'gzip' ? zlib.createGzip({ level }) : zlib.createDeflate({ level });
    }
    case 'br': {
      // BrotliEncoderSetParameter takes the level as uint32 and brotli clamps the quality to 11.
      const quality = level < 0 || level > 11 ? 11 : level;
      return zlib.createBrotliCompress({
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 },
      });
    }
    case 'zstd': {
      // zstd clamps the level itself; ClickHouse's writer also asks for a content checksum.
      const clamped = Math.max(-131072, Math.min(22, level));
      return zlib.createZstdCompress({
        params: {
          [zlib.constants.ZSTD_c_compressionLevel]: clamped,
          [zlib.constants.ZSTD_c_checksumFlag]: 1,
        },
      });
    }
  }
}
