// Snappy in Hadoop's block framing, the only snappy ClickHouse reads
// (src/IO/HadoopSnappyReadBuffer): a block is its uncompressed length
// (u32 BE) followed by sub-blocks, each a compressed length (u32 BE) and raw
// snappy data, until the block's length is reached. A block is decoded into
// ClickHouse's 1 MiB buffer, so a larger block is BUFFER_TOO_SMALL. Raw snappy
// comes from the `snappy` package.

import { createRequire } from 'node:module';
import type { Transform } from 'node:stream';
import { CompressionError } from './errors.ts';
import { UpdateFinishTransform, type UpdateFinishCodec } from './update-finish.ts';

interface SnappyModule {
  compressSync(input: Uint8Array): Buffer;
  uncompressSync(input: Uint8Array, options: { asBuffer: true }): Buffer;
}

// Loaded on first use: a server that never sees snappy does not carry the library.
let loaded: SnappyModule | undefined;
const snappy = (): SnappyModule => (loaded ??= createRequire(import.meta.url)('snappy') as SnappyModule);

/** DBMS_DEFAULT_BUFFER_SIZE: both the largest sub-block and the largest decoded block. */
const BUFFER_SIZE = 1 << 20;

type Status = 'INVALID_INPUT' | 'BUFFER_TOO_SMALL' | 'NEEDS_MORE_INPUT';
const decodeError = (status: Status): CompressionError =>
  new CompressionError('SNAPPY_UNCOMPRESS_FAILED', `hadoop snappy decode error:${status}`);

/** The uncompressed length a raw snappy buffer declares (its varint preamble), or null if malformed. */
export function snappyDeclaredLength(data: Uint8Array): number | null {
  let result = 0;
  for (let i = 0, shift = 0; i < 5 && i < data.length; i++, shift += 7) {
    const b = data[i]!;
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return result <= 0xffffffff ? result : null;
  }
  return null;
}

class HadoopSnappyDecodeCodec implements UpdateFinishCodec {
  #pending: Buffer = Buffer.alloc(0);
  #blockLength = -1;
  #decodedInBlock = 0;

  update(chunk: Buffer): Buffer[] {
    this.#pending = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : chunk;
    const out: Buffer[] = [];
    let p = 0;
    const data = this.#pending;
    for (;;) {
      if (this.#blockLength < 0) {
        if (data.length - p < 4) break;
        this.#blockLength = data.readInt32BE(p);
        // A length past 2^31 is negative in ClickHouse's int and never matches what is decoded.
        if (this.#blockLength < 0) throw decodeError('INVALID_INPUT');
        this.#decodedInBlock = 0;
        p += 4;
      }
      if (this.#decodedInBlock >= this.#blockLength) {
        if (this.#decodedInBlock !== this.#blockLength) throw decodeError('INVALID_INPUT');
        this.#blockLength = -1;
        continue;
      }
      if (data.length - p < 4) break;
      const compressedLength = data.readInt32BE(p);
      if (compressedLength > BUFFER_SIZE) {
        throw new CompressionError(
          'SNAPPY_UNCOMPRESS_FAILED',
          `Too large snappy compressed block. buffer size: ${BUFFER_SIZE}, compressed block size: ${compressedLength}`,
        );
      }
      if (compressedLength <= 0) throw decodeError('INVALID_INPUT');
      if (data.length - p - 4 < compressedLength) break;
      const sub = data.subarray(p + 4, p + 4 + compressedLength);
      const declared = snappyDeclaredLength(sub);
      if (declared === null) throw decodeError('INVALID_INPUT');
      if (declared > BUFFER_SIZE - this.#decodedInBlock) throw decodeError('BUFFER_TOO_SMALL');
      let plain: Buffer;
      try {
        plain = snappy().uncompressSync(sub, { asBuffer: true });
      } catch {
        throw decodeError('INVALID_INPUT');
      }
      out.push(plain);
      this.#decodedInBlock += plain.length;
      p += 4 + compressedLength;
    }
    this.#pending = data.subarray(p);
    return out;
  }

  finish(): Buffer[] {
    if (this.#pending.length > 0 || (this.#blockLength >= 0 && this.#decodedInBlock < this.#blockLength)) {
      throw decodeError('NEEDS_MORE_INPUT');
    }
    if (this.#blockLength >= 0 && this.#decodedInBlock !== this.#blockLength) throw decodeError('INVALID_INPUT');
    return [];
  }
}

export const createHadoopSnappyDecoder = (): Transform => new UpdateFinishTransform(new HadoopSnappyDecodeCodec());

/** Hadoop's block framing with one sub-block per block of up to 64 KiB. */
class HadoopSnappyEncodeCodec implements UpdateFinishCodec {
  static readonly BLOCK = 64 << 10;
  #pending: Buffer = Buffer.alloc(0);

  update(chunk: Buffer): Buffer[] {
    const data = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : chunk;
    const out: Buffer[] = [];
    let p = 0;
    for (; data.length - p >= HadoopSnappyEncodeCodec.BLOCK; p += HadoopSnappyEncodeCodec.BLOCK) {
      out.push(...this.#block(data.subarray(p, p + HadoopSnappyEncodeCodec.BLOCK)));
    }
    this.#pending = Buffer.from(data.subarray(p));
    return out;
  }

  finish(): Buffer[] {
    const rest = this.#pending;
    this.#pending = Buffer.alloc(0);
    return rest.length > 0 ? this.#block(rest) : [];
  }

  #block(plain: Buffer): Buffer[] {
    const compressed = snappy().compressSync(plain);
    const header = Buffer.alloc(8);
    header.writeUInt32BE(plain.length, 0);
    header.writeUInt32BE(compressed.length, 4);
    return [header, compressed];
  }
}

export const createHadoopSnappyEncoder = (): Transform => new UpdateFinishTransform(new HadoopSnappyEncodeCodec());
