// xz (and its alias lzma) through liblzma itself (lzma-native), with the
// errors of ClickHouse 24.8's LZMAInflatingReadBuffer, which prints only
// liblzma's return code. Concatenated streams are read one after another
// (LZMA_CONCATENATED), as ClickHouse reads them.
//
// Not @napi-rs/lzma: its streaming 1.5 line declares `engines` Node ≥ 22.20 on
// its native bindings, so npm on an older system Node skips them as optional
// dependencies and `npm ci` installs a package that cannot load; its 1.4 line
// neither compresses nor checks integrity.

import { createRequire } from 'node:module';
import { Transform, type TransformCallback } from 'node:stream';
import type { Duplex } from 'node:stream';
import { CompressionError } from './errors.ts';
import { LZMA_VERSION_STRING } from './versions.ts';

interface LzmaNative {
  createCompressor(options: { preset: number }): Duplex;
  createDecompressor(): Duplex;
}

// Loaded on first use: a server that never sees xz does not carry the library.
let loaded: LzmaNative | undefined;
const lzma = (): LzmaNative => (loaded ??= createRequire(import.meta.url)('lzma-native') as LzmaNative);

// liblzma's lzma_ret for input that ends too early.
const LZMA_BUF_ERROR = 10;

function decoderError(err: unknown): CompressionError {
  const ret = typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : LZMA_BUF_ERROR;
  return new CompressionError(
    'LZMA_STREAM_DECODER_FAILED',
    `lzma_stream_decoder failed: error code: error code ${ret}; lzma version: ${LZMA_VERSION_STRING}`,
  );
}

/** A Node Transform around one of lzma-native's streams, with its errors translated. */
class LzmaTransform extends Transform {
  readonly #inner: Duplex;
  readonly #mapError: (err: unknown) => Error;
  #failed: Error | undefined;
  #flushed: TransformCallback | undefined;

  constructor(inner: Duplex, mapError: (err: unknown) => Error) {
    super();
    this.#inner = inner;
    this.#mapError = mapError;
    inner.on('data', (chunk: Buffer) => this.push(chunk));
    inner.on('error', (err: unknown) => {
      this.#failed = this.#mapError(err);
      if (this.#flushed) this.#flushed(this.#failed);
      else this.destroy(this.#failed);
    });
    inner.on('end', () => this.#flushed?.());
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#failed) return callback(this.#failed);
    if (this.#inner.write(chunk)) callback();
    else this.#inner.once('drain', () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (this.#failed) return callback(this.#failed);
    this.#flushed = callback;
    this.#inner.end();
  }
}

export function createXzDecoder(): Transform {
  return new LzmaTransform(lzma().createDecompressor(), decoderError);
}

/** An .xz encoder at a liblzma preset; ClickHouse accepts presets 0–9 and fails on any other level. */
export function createXzEncoder(level: number): Transform {
  if (!Number.isInteger(level) || level < 0 || level > 9) {
    throw new CompressionError('LZMA_STREAM_ENCODER_FAILED', `lzma preset failed: lzma version: ${LZMA_VERSION_STRING}`);
  }
  return new LzmaTransform(lzma().createCompressor({ preset: level }), (err) => err as Error);
}
