// bzip2 through compressjs (pure JS), with the errors of ClickHouse 24.8's
// Bzip2ReadBuffer/Bzip2WriteBuffer. compressjs decodes from a complete
// buffer, so the decoder keeps the compressed body until its end; the encoder
// streams by writing one complete bzip2 stream per few blocks of input —
// concatenated streams are valid bzip2, read by bzip2 -d and by ClickHouse.

import { createRequire } from 'node:module';
import type { Transform } from 'node:stream';
import { CompressionError } from './errors.ts';
import { UpdateFinishTransform, type UpdateFinishCodec } from './update-finish.ts';

interface ByteSource {
  readByte(): number;
  read(buf: Uint8Array, offset: number, length: number): number;
  eof(): boolean;
}

interface CompressJs {
  Bzip2: {
    compressFile(input: Uint8Array, output: undefined, blockSizeMultiplier: number): Uint8Array;
    decompressFile(input: ByteSource, output: undefined, multistream: boolean): Uint8Array;
  };
}

// Loaded on first use: a server that never sees bzip2 does not carry the library.
let loaded: CompressJs | undefined;
const bzip2 = (): CompressJs['Bzip2'] => (loaded ??= createRequire(import.meta.url)('compressjs') as CompressJs).Bzip2;

// libbzip2's return codes, which ClickHouse prints.
const BZ_DATA_ERROR = -4;
const BZ_DATA_ERROR_MAGIC = -5;
const BZ_PARAM_ERROR = -2;

const decoderFailed = (ret: number): CompressionError =>
  new CompressionError('BZIP2_STREAM_DECODER_FAILED', `bzip2 stream decoder failed: error code: ${ret}`);
const unexpectedEnd = (): CompressionError => new CompressionError('UNEXPECTED_END_OF_FILE', 'Unexpected end of bzip2 archive');

/** A byte source that notes when the decoder reads past the end, i.e. the archive was cut short. */
class BodySource implements ByteSource {
  readonly #data: Uint8Array;
  #pos = 0;
  overran = false;

  constructor(data: Uint8Array) {
    this.#data = data;
  }

  readByte(): number {
    if (this.#pos >= this.#data.length) {
      this.overran = true;
      return -1;
    }
    return this.#data[this.#pos++]!;
  }

  read(buf: Uint8Array, offset: number, length: number): number {
    const n = Math.min(length, this.#data.length - this.#pos);
    if (n < length) this.overran = true;
    buf.set(this.#data.subarray(this.#pos, this.#pos + n), offset);
    this.#pos += n;
    return n;
  }

  eof(): boolean {
    return this.#pos >= this.#data.length;
  }
}

export function decodeBzip2(data: Uint8Array): Buffer {
  if (data.length === 0) throw unexpectedEnd();
  const source = new BodySource(data);
  try {
    const out = bzip2().decompressFile(source, undefined, true);
    if (source.overran) throw unexpectedEnd();
    return Buffer.from(out.buffer, out.byteOffset, out.length);
  } catch (err) {
    if (err instanceof CompressionError) throw err;
    if (source.overran) throw unexpectedEnd();
    const code = (err as { errorCode?: number }).errorCode;
    // compressjs's NOT_BZIP_DATA (-2) is a bad stream header; everything else is corrupt data.
    throw decoderFailed(code === -2 ? BZ_DATA_ERROR_MAGIC : BZ_DATA_ERROR);
  }
}

class Bzip2DecodeCodec implements UpdateFinishCodec {
  #chunks: Buffer[] = [];

  update(chunk: Buffer): Buffer[] {
    this.#chunks.push(chunk);
    return [];
  }

  finish(): Buffer {
    const body = Buffer.concat(this.#chunks);
    this.#chunks = [];
    return decodeBzip2(body);
  }
}

export const createBzip2Decoder = (): Transform => new UpdateFinishTransform(new Bzip2DecodeCodec());

class Bzip2EncodeCodec implements UpdateFinishCodec {
  readonly #level: number;
  readonly #streamInput: number;
  #chunks: Buffer[] = [];
  #length = 0;
  #wroteStream = false;

  constructor(level: number) {
    this.#level = level;
    this.#streamInput = level * 100_000 * 4;
  }

  update(chunk: Buffer): Buffer[] {
    this.#chunks.push(chunk);
    this.#length += chunk.length;
    if (this.#length < this.#streamInput) return [];
    const all = Buffer.concat(this.#chunks);
    const out: Buffer[] = [];
    let p = 0;
    for (; all.length - p >= this.#streamInput; p += this.#streamInput) {
      out.push(this.#stream(all.subarray(p, p + this.#streamInput)));
    }
    this.#chunks = p < all.length ? [all.subarray(p)] : [];
    this.#length = all.length - p;
    return out;
  }

  finish(): Buffer[] {
    if (this.#length === 0 && !this.#wroteStream) return [this.#stream(Buffer.alloc(0))];
    const rest = Buffer.concat(this.#chunks);
    this.#chunks = [];
    return rest.length > 0 ? [this.#stream(rest)] : [];
  }

  #stream(data: Buffer): Buffer {
    this.#wroteStream = true;
    const out = bzip2().compressFile(data, undefined, this.#level);
    return Buffer.from(out.buffer, out.byteOffset, out.length);
  }
}

/** A bzip2 encoder with block size level × 100k; ClickHouse rejects levels outside 1–9. */
export function createBzip2Encoder(level: number): Transform {
  if (!Number.isInteger(level) || level < 1 || level > 9) {
    throw new CompressionError('BZIP2_STREAM_ENCODER_FAILED', `bzip2 stream encoder init failed: error code: ${BZ_PARAM_ERROR}`);
  }
  return new UpdateFinishTransform(new Bzip2EncodeCodec(level));
}
