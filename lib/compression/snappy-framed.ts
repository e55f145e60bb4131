// Snappy in Google's framing format (framing_format.txt): the wire format of
// HTTP `Content-Encoding: snappy` since ClickHouse 26.7 (PR #100752,
// src/IO/SnappyFramedReadBuffer and SnappyFramedWriteBuffer), both ways. A
// stream starts with the identifier chunk; each data chunk is a type byte, a
// 24-bit little-endian length, the masked CRC-32C of its uncompressed bytes
// and the data (raw snappy, or as is). Errors carry the reader's messages.

import { snappyDeclaredLength } from './hadoop-snappy.ts';
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

const STREAM_IDENTIFIER = Buffer.from([0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59]);
const COMPRESSED = 0x00;
const UNCOMPRESSED = 0x01;
const IDENTIFIER = 0xff;
/** The format's limit on one chunk's uncompressed data. */
export const MAX_UNCOMPRESSED_CHUNK = 65536;
/** snappy::MaxCompressedLength(65536): 32 + n + n / 6. */
const MAX_COMPRESSED_PAYLOAD = 32 + MAX_UNCOMPRESSED_CHUNK + Math.floor(MAX_UNCOMPRESSED_CHUNK / 6);

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32c(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC32C_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The checksum the format stores: CRC-32C rotated by 15 bits plus a constant. */
export function maskedCrc32c(data: Uint8Array): number {
  const crc = crc32c(data);
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
}

const fail = (message: string): CompressionError => new CompressionError('SNAPPY_UNCOMPRESS_FAILED', message);
const truncated = (expected: number, got: number): CompressionError =>
  fail(`Truncated snappy stream: expected ${expected} bytes but got ${got}`);

class SnappyFramedDecodeCodec implements UpdateFinishCodec {
  #pending: Buffer = Buffer.alloc(0);
  #sawIdentifier = false;

  update(chunk: Buffer): Buffer[] {
    const data = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : chunk;
    const out: Buffer[] = [];
    let p = 0;
    if (!this.#sawIdentifier) {
      if (data.length < STREAM_IDENTIFIER.length) {
        this.#pending = data;
        return out;
      }
      if (!data.subarray(0, STREAM_IDENTIFIER.length).equals(STREAM_IDENTIFIER)) {
        throw fail('Invalid snappy framing format: bad stream identifier');
      }
      this.#sawIdentifier = true;
      p = STREAM_IDENTIFIER.length;
    }
    for (;;) {
      if (data.length - p < 4) break;
      const type = data[p]!;
      const length = data.readUIntLE(p + 1, 3);
      this.#checkHeader(type, length);
      if (data.length - p - 4 < length) break;
      const payload = data.subarray(p + 4, p + 4 + length);
      p += 4 + length;
      const plain = this.#chunk(type, payload);
      if (plain && plain.length > 0) out.push(plain);
    }
    this.#pending = Buffer.from(data.subarray(p));
    return out;
  }

  finish(): Buffer[] {
    const rest = this.#pending;
    if (rest.length === 0) return [];
    if (!this.#sawIdentifier) throw truncated(STREAM_IDENTIFIER.length, rest.length);
    if (rest.length < 4) throw truncated(4, rest.length);
    const type = rest[0]!;
    const length = rest.readUIntLE(1, 3);
    if (type >= 0x80 && type !== IDENTIFIER) {
      throw fail(`Truncated snappy stream: skippable chunk expected ${length} bytes but got ${rest.length - 4}`);
    }
    throw truncated(length, rest.length - 4);
  }

  /** What the reader refuses before it reads a chunk's payload. */
  #checkHeader(type: number, length: number): void {
    if (type === IDENTIFIER) {
      if (length !== 6) throw fail('Invalid snappy stream identifier chunk size');
    } else if (type === COMPRESSED) {
      if (length < 4) throw fail('Compressed snappy chunk too small');
      if (length - 4 > MAX_COMPRESSED_PAYLOAD) {
        throw fail(`Snappy compressed chunk payload size ${length - 4} exceeds the framing format limit of ${MAX_COMPRESSED_PAYLOAD}`);
      }
    } else if (type === UNCOMPRESSED) {
      if (length < 4) throw fail('Uncompressed snappy chunk too small');
      if (length - 4 > MAX_UNCOMPRESSED_CHUNK) {
        throw fail(`Uncompressed snappy chunk payload size ${length - 4} exceeds the framing format limit of ${MAX_UNCOMPRESSED_CHUNK}`);
      }
    } else if (type < 0x80) {
      throw fail(`Unknown unskippable snappy chunk type: 0x${type.toString(16).padStart(2, '0')}`);
    }
  }

  #chunk(type: number, payload: Buffer): Buffer | undefined {
    if (type === IDENTIFIER) {
      if (!payload.equals(STREAM_IDENTIFIER.subarray(4))) throw fail('Invalid snappy stream identifier payload');
      return undefined;
    }
    if (type !== COMPRESSED && type !== UNCOMPRESSED) return undefined; // skippable
    const expected = payload.readUInt32LE(0);
    let plain: Buffer;
    if (type === COMPRESSED) {
      const compressed = payload.subarray(4);
      const length = snappyDeclaredLength(compressed);
      if (length === null) throw fail('Cannot determine snappy uncompressed length');
      if (length > MAX_UNCOMPRESSED_CHUNK) {
        throw fail(`Snappy chunk claims uncompressed length ${length} which exceeds the framing format limit of ${MAX_UNCOMPRESSED_CHUNK}`);
      }
      try {
        plain = snappy().uncompressSync(compressed, { asBuffer: true });
      } catch {
        throw fail('Snappy decompression failed');
      }
    } else {
      plain = Buffer.from(payload.subarray(4));
    }
    if (maskedCrc32c(plain) !== expected) throw fail('Snappy CRC-32C checksum mismatch');
    return plain;
  }
}

export const createSnappyFramedDecoder = (): Transform => new UpdateFinishTransform(new SnappyFramedDecodeCodec());

/** The identifier, then chunks of up to 64 KiB, compressed only where that makes them smaller. */
class SnappyFramedEncodeCodec implements UpdateFinishCodec {
  #pending: Buffer = Buffer.alloc(0);
  #started = false;

  update(chunk: Buffer): Buffer[] {
    const data = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : chunk;
    const out = this.#start();
    let p = 0;
    for (; data.length - p >= MAX_UNCOMPRESSED_CHUNK; p += MAX_UNCOMPRESSED_CHUNK) {
      out.push(...this.#chunk(data.subarray(p, p + MAX_UNCOMPRESSED_CHUNK)));
    }
    this.#pending = Buffer.from(data.subarray(p));
    return out;
  }

  finish(): Buffer[] {
    const out = this.#start();
    if (this.#pending.length > 0) out.push(...this.#chunk(this.#pending));
    this.#pending = Buffer.alloc(0);
    return out;
  }

  #start(): Buffer[] {
    if (this.#started) return [];
    this.#started = true;
    return [STREAM_IDENTIFIER];
  }

  #chunk(plain: Buffer): Buffer[] {
    const compressed = snappy().compressSync(plain);
    const useCompressed = compressed.length < plain.length;
    const data = useCompressed ? compressed : plain;
    const header = Buffer.alloc(8);
    header[0] = useCompressed ? COMPRESSED : UNCOMPRESSED;
    header.writeUIntLE(data.length + 4, 1, 3);
    header.writeUInt32LE(maskedCrc32c(plain), 4);
    return [header, data];
  }
}

export const createSnappyFramedEncoder = (): Transform => new UpdateFinishTransform(new SnappyFramedEncodeCodec());
