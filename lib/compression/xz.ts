// xz (and its alias lzma) through @napi-rs/lzma's streaming .xz codec, with
// the errors of ClickHouse 24.8's LZMAInflatingReadBuffer: concatenated
// streams (LZMA_CONCATENATED) are read one after another, and every failure
// is reported with liblzma's return code, which is all ClickHouse prints.

import { createRequire } from 'node:module';
import type { Transform } from 'node:stream';
import { CompressionError } from './errors.ts';
import { UpdateFinishTransform, type UpdateFinishCodec } from './update-finish.ts';
import { LZMA_VERSION_STRING } from './versions.ts';

interface XzModule {
  XzCompressor: new (options?: { preset?: number }) => UpdateFinishCodec;
  XzDecompressor: new () => UpdateFinishCodec;
}

const { XzCompressor, XzDecompressor } = createRequire(import.meta.url)('@napi-rs/lzma') as XzModule;

// liblzma's lzma_ret values.
const LZMA_FORMAT_ERROR = 7;
const LZMA_DATA_ERROR = 9;
const LZMA_BUF_ERROR = 10;

const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);

function decoderError(ret: number): CompressionError {
  return new CompressionError(
    'LZMA_STREAM_DECODER_FAILED',
    `lzma_stream_decoder failed: error code: error code ${ret}; lzma version: ${LZMA_VERSION_STRING}`,
  );
}

/** Decodes .xz, recording the first bytes so a foreign format can be told apart from corruption. */
class XzDecodeCodec implements UpdateFinishCodec {
  readonly #inner = new XzDecompressor();
  #head = Buffer.alloc(0);

  update(chunk: Buffer): Buffer | Buffer[] {
    if (this.#head.length < XZ_MAGIC.length) this.#head = Buffer.concat([this.#head, chunk]).subarray(0, XZ_MAGIC.length);
    return this.#inner.update(chunk);
  }

  finish(): Promise<Buffer | Buffer[]> {
    return Promise.resolve(this.#inner.finish());
  }

  mapError(err: unknown): CompressionError {
    if (err instanceof CompressionError) return err;
    const message = err instanceof Error ? err.message : String(err);
    // liblzma rejects a first stream without the magic as "not .xz", anything later as corrupt.
    if (this.#head.length > 0 && !XZ_MAGIC.subarray(0, this.#head.length).equals(this.#head)) {
      return decoderError(LZMA_FORMAT_ERROR);
    }
    // Input that stops early leaves liblzma unable to progress.
    if (/fill whole buffer|unexpected end|eof/i.test(message)) return decoderError(LZMA_BUF_ERROR);
    return decoderError(LZMA_DATA_ERROR);
  }
}

export function createXzDecoder(): Transform {
  const codec = new XzDecodeCodec();
  return new UpdateFinishTransform(codec, (err) => codec.mapError(err));
}

/** An .xz encoder at a liblzma preset; ClickHouse accepts presets 0–9 and fails on any other level. */
export function createXzEncoder(level: number): Transform {
  if (!Number.isInteger(level) || level < 0 || level > 9) {
    throw new CompressionError('LZMA_STREAM_ENCODER_FAILED', `lzma preset failed: lzma version: ${LZMA_VERSION_STRING}`);
  }
  return new UpdateFinishTransform(new XzCompressor({ preset: level }));
}
