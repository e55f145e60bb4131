// ClickHouse's native compressed block stream (compress=1 responses,
// decompress=1 request bodies). Each block:
//   16 bytes  CityHash128 v1.0.2 of the rest of the block (low64 LE, high64 LE)
//    1 byte   method: 0x02 NONE, 0x82 LZ4 (raw block), 0x90 ZSTD (a zstd frame)
//    4 bytes  compressed size, header included (u32 LE)
//    4 bytes  decompressed size (u32 LE)
//   payload
// The decoder follows ClickHouse 24.8's CompressedReadBuffer(Base) and
// ICompressionCodec: its checks, their order, codes and messages.

import zlib from 'node:zlib';
import { Transform, type TransformCallback } from 'node:stream';
import { cityHash128, type Hash128 } from '../cityhash102.ts';
import { CompressionError } from './errors.ts';
import { compressLz4Block, decompressLz4Block, Lz4BlockError } from './lz4-block.ts';
import { UpdateFinishTransform, type UpdateFinishCodec } from './update-finish.ts';

export type NativeMethod = 'none' | 'lz4' | 'zstd';

export const NATIVE_METHOD_BYTE: Readonly<Record<NativeMethod, number>> = { none: 0x02, lz4: 0x82, zstd: 0x90 };

/** Codec family bytes ClickHouse knows but which this decoder does not implement. */
const OTHER_CODECS: Readonly<Record<number, string>> = {
  0x91: 'Multiple', 0x92: 'Delta', 0x93: 'T64', 0x94: 'DoubleDelta', 0x95: 'Gorilla',
  0x96: 'AES_128_GCM_SIV', 0x97: 'AES_256_GCM_SIV', 0x98: 'FPC', 0x99: 'DEFLATE_QPL', 0x9a: 'GCD',
};

const CHECKSUM_SIZE = 16;
const HEADER_SIZE = 9;
/** DBMS_DEFAULT_BUFFER_SIZE: the largest block ClickHouse's CompressedWriteBuffer writes. */
export const NATIVE_BLOCK_SIZE = 1 << 20;
/** DBMS_MAX_COMPRESSED_SIZE. */
const MAX_COMPRESSED_SIZE = 0x40000000;
/** CompressionCodecZSTD::ZSTD_DEFAULT_LEVEL. */
const ZSTD_DEFAULT_LEVEL = 1;

const methodOf = (byte: number): NativeMethod | null =>
  byte === 0x02 ? 'none' : byte === 0x82 ? 'lz4' : byte === 0x90 ? 'zstd' : null;

export interface NativeEncodeOptions {
  method?: NativeMethod;
  /** ZSTD level (ClickHouse's codec default is 1). */
  zstdLevel?: number;
}

/** One complete block (checksum, header, payload) for the given data. */
export function encodeNativeBlock(data: Uint8Array, options: NativeEncodeOptions = {}): Buffer {
  const method = options.method ?? 'lz4';
  const input = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let payload: Buffer;
  if (method === 'lz4') payload = compressLz4Block(input);
  else if (method === 'zstd') {
    payload = zlib.zstdCompressSync(input, {
      pledgedSrcSize: input.length,
      params: { [zlib.constants.ZSTD_c_compressionLevel]: options.zstdLevel ?? ZSTD_DEFAULT_LEVEL },
    });
  } else payload = input;
  const block = Buffer.allocUnsafe(CHECKSUM_SIZE + HEADER_SIZE + payload.length);
  block[CHECKSUM_SIZE] = NATIVE_METHOD_BYTE[method];
  block.writeUInt32LE(HEADER_SIZE + payload.length, CHECKSUM_SIZE + 1);
  block.writeUInt32LE(input.length, CHECKSUM_SIZE + 5);
  payload.copy(block, CHECKSUM_SIZE + HEADER_SIZE);
  writeChecksum(block, cityHash128(block.subarray(CHECKSUM_SIZE)));
  return block;
}

function writeChecksum(block: Buffer, { low, high }: Hash128): void {
  block.writeBigUInt64LE(low, 0);
  block.writeBigUInt64LE(high, 8);
}

export interface NativeEncoderOptions extends NativeEncodeOptions {
  /** Uncompressed bytes per block, at most (default 1 MiB, as ClickHouse). */
  blockSize?: number;
  /**
   * Close a block at the end of every write, as ClickHouse does when the
   * output format flushes after each block of the result. Default false:
   * blocks are filled to blockSize.
   */
  blockPerWrite?: boolean;
}

/** Compresses a stream into native blocks. An empty input gives an empty output (no block). */
export class NativeBlockEncoder extends Transform {
  readonly #options: NativeEncodeOptions;
  readonly #blockSize: number;
  readonly #blockPerWrite: boolean;
  #pending: Buffer[] = [];
  #pendingLength = 0;

  constructor(options: NativeEncoderOptions = {}) {
    super();
    this.#options = options;
    this.#blockSize = options.blockSize ?? NATIVE_BLOCK_SIZE;
    this.#blockPerWrite = options.blockPerWrite ?? false;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.#pending.push(chunk);
      this.#pendingLength += chunk.length;
      this.#emit(this.#blockPerWrite);
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.#emit(true);
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  #emit(all: boolean): void {
    if (this.#pendingLength < this.#blockSize && !(all && this.#pendingLength > 0)) return;
    const data = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
    let p = 0;
    for (; data.length - p >= this.#blockSize; p += this.#blockSize) {
      this.push(encodeNativeBlock(data.subarray(p, p + this.#blockSize), this.#options));
    }
    if (all && p < data.length) {
      this.push(encodeNativeBlock(data.subarray(p), this.#options));
      p = data.length;
    }
    this.#pending = p < data.length ? [data.subarray(p)] : [];
    this.#pendingLength = data.length - p;
  }
}

export interface NativeDecodeOptions {
  /** http_native_compression_disable_checksumming_on_decompress. */
  disableChecksum?: boolean;
  /**
   * ClickHouse 24.9+ (PR #69269) reports corrupt external data with 271
   * CANNOT_DECOMPRESS instead of 40 CHECKSUM_DOESNT_MATCH / 246 CORRUPTED_DATA.
   * Default false: 24.8.
   */
  externalDataErrorCodes?: boolean;
  /**
   * How the checksums are printed: 'high-low' since ClickHouse 23.6 (PR #51040,
   * "Show halves of checksums in correct order"), 'low-high' before (18.16).
   */
  checksumHexOrder?: 'high-low' | 'low-high';
  /**
   * ClickHouse looks for a single flipped bit in any block under 1 MiB, hashing
   * the block once per bit. That is quadratic, so it is done here only for
   * blocks up to this many bytes (default 4 KiB); larger ones get the plain message.
   */
  bitFlipSearchLimit?: number;
}

const hex64 = (x: bigint): string => x.toString(16).padStart(16, '0');
const hexByte = (x: number): string => x.toString(16).padStart(2, '0');

export function formatChecksum(hash: Hash128, order: 'high-low' | 'low-high' = 'high-low'): string {
  return order === 'high-low' ? hex64(hash.high) + hex64(hash.low) : hex64(hash.low) + hex64(hash.high);
}

const HARDWARE_FAILURE =
  'This is most likely due to hardware failure. ' +
  'If you receive broken data over network and the error does not repeat every time, ' +
  'this can be caused by bad RAM on network interface controller or bad controller itself ' +
  'or bad RAM on network switches or bad CPU on network switches ' +
  "(look at the logs on related network switches; note that TCP checksums don't help) " +
  'or bad RAM on host (look at dmesg or kern.log for enormous amount of EDAC errors, ' +
  'ECC-related reports, Machine Check Exceptions, mcelog; note that ECC memory can fail ' +
  'if the number of errors is huge) or bad CPU on host. If you read data from disk, ' +
  'this can be caused by disk bit rot. This exception protects ClickHouse ' +
  'from data corruption due to hardware failures.';

const popcount64 = (x: bigint): number => {
  let n = 0;
  for (; x; x &= x - 1n) n++;
  return n;
};

/** The block stream reader, fed chunk by chunk; decoded data comes back from update/finish. */
export class NativeBlockReader implements UpdateFinishCodec {
  readonly #options: NativeDecodeOptions;
  #chunks: Buffer[] = [];
  #length = 0;
  #method: number | null = null;

  constructor(options: NativeDecodeOptions = {}) {
    this.#options = options;
  }

  update(chunk: Buffer): Buffer[] {
    if (chunk.length > 0) {
      this.#chunks.push(chunk);
      this.#length += chunk.length;
    }
    return this.#drain(false);
  }

  finish(): Buffer[] {
    return this.#drain(true);
  }

  #peek(n: number): Buffer {
    if (this.#chunks[0]!.length < n) this.#chunks = [Buffer.concat(this.#chunks)];
    return this.#chunks[0]!.subarray(0, n);
  }

  #consume(n: number): void {
    this.#length -= n;
    while (n > 0) {
      const first = this.#chunks[0]!;
      if (first.length <= n) {
        this.#chunks.shift();
        n -= first.length;
      } else {
        this.#chunks[0] = first.subarray(n);
        n = 0;
      }
    }
  }

  #drain(atEnd: boolean): Buffer[] {
    const decoded: Buffer[] = [];
    for (;;) {
      if (this.#length === 0) return decoded;
      const headLength = CHECKSUM_SIZE + HEADER_SIZE;
      if (this.#length < headLength) {
        if (atEnd) throw cannotReadAll(this.#length, headLength);
        return decoded;
      }
      const head = this.#peek(headLength);
      const size = this.#checkHeader(head.subarray(CHECKSUM_SIZE));
      const total = CHECKSUM_SIZE + size;
      if (this.#length < total) {
        if (atEnd) throw cannotReadAll(this.#length - headLength, size - HEADER_SIZE);
        return decoded;
      }
      const block = this.#peek(total);
      const out = this.#decodeBlock(block);
      this.#consume(total);
      if (out.length > 0) decoded.push(out);
    }
  }

  /** The checks ClickHouse makes on the 9-byte header; returns the compressed size. */
  #checkHeader(header: Buffer): number {
    const byte = header[0]!;
    if (this.#method === null) {
      if (!methodOf(byte)) {
        const other = OTHER_CODECS[byte];
        if (other) {
          throw new CompressionError(
            'NOT_IMPLEMENTED',
            `Codec family code ${byte} (${other}) is not implemented by olapspec's native block decoder; only NONE, LZ4 and ZSTD are`,
          );
        }
        throw new CompressionError('UNKNOWN_CODEC', `Unknown codec family code: ${byte}`);
      }
      this.#method = byte;
    } else if (byte !== this.#method) {
      throw new CompressionError(
        'CANNOT_DECOMPRESS',
        `Data compressed with different methods, given method byte 0x${hexByte(byte)}, previous method byte 0x${hexByte(this.#method)}`,
      );
    }
    const corrupt = this.#options.externalDataErrorCodes ? 'CANNOT_DECOMPRESS' : 'CORRUPTED_DATA';
    const size = header.readUInt32LE(1);
    if (size === 0) throw new CompressionError(corrupt, "Can't decompress data: header is corrupt with compressed block size 0");
    if (header.readUInt32LE(5) === 0) {
      throw new CompressionError(corrupt, "Can't decompress data: header is corrupt with decompressed block size 0");
    }
    if (size > MAX_COMPRESSED_SIZE) {
      throw new CompressionError('TOO_LARGE_SIZE_COMPRESSED', `Too large size_compressed_without_checksum: ${size}. Most likely corrupted data.`);
    }
    if (size < HEADER_SIZE) {
      throw new CompressionError(
        corrupt,
        `Can't decompress data: the compressed data size (${size}, this should include header size) is less than the header size (${HEADER_SIZE})`,
      );
    }
    return size;
  }

  #decodeBlock(block: Buffer): Buffer {
    const body = block.subarray(CHECKSUM_SIZE);
    if (!this.#options.disableChecksum) this.#validateChecksum(block, body);
    const method = methodOf(body[0]!)!;
    const payload = body.subarray(HEADER_SIZE);
    const expected = body.readUInt32LE(5);
    const cannot = (message: string) => new CompressionError('CANNOT_DECOMPRESS', message);
    switch (method) {
      case 'none':
        // ClickHouse hands out the payload itself, whatever the declared size.
        return Buffer.from(payload);
      case 'lz4': {
        const out = Buffer.allocUnsafe(expected);
        let end: number;
        try {
          end = decompressLz4Block(payload, 0, payload.length, out, 0, expected);
        } catch (err) {
          if (err instanceof Lz4BlockError) throw cannot('Cannot decompress LZ4-encoded data');
          throw err;
        }
        if (end !== expected) throw cannot('Cannot decompress LZ4-encoded data');
        return out;
      }
      case 'zstd': {
        let out: Buffer;
        try {
          out = zlib.zstdDecompressSync(payload, { maxOutputLength: Math.max(1, expected) });
        } catch (err) {
          const code = String((err as { code?: unknown }).code ?? '');
          const name = code === 'ERR_BUFFER_TOO_LARGE' ? 'Destination buffer is too small'
            : code === 'Z_BUF_ERROR' ? 'Src size is incorrect'
            : (err as Error).message;
          throw cannot(`Cannot decompress ZSTD-encoded data: ${name}`);
        }
        if (out.length !== expected) {
          throw cannot(
            `Can't decompress data: The size after decompression (${out.length}) is different than the expected size (${expected}) for codec 'ZSTD(1)'`,
          );
        }
        return out;
      }
    }
  }

  #validateChecksum(block: Buffer, body: Buffer): void {
    const stored: Hash128 = { low: block.readBigUInt64LE(0), high: block.readBigUInt64LE(8) };
    const actual = cityHash128(body);
    if (actual.low === stored.low && actual.high === stored.high) return;
    const order = this.#options.checksumHexOrder ?? 'high-low';
    let message =
      `Checksum doesn't match: corrupted data. Reference: ${formatChecksum(stored, order)}. ` +
      `Actual: ${formatChecksum(actual, order)}. Size of compressed block: ${body.length}`;
    const code = this.#options.externalDataErrorCodes ? 'CANNOT_DECOMPRESS' : 'CHECKSUM_DOESNT_MATCH';
    const limit = Math.min(this.#options.bitFlipSearchLimit ?? 4096, (1 << 20) - 1);
    if (body.length <= limit) {
      const copy = Buffer.from(body);
      for (let bit = 0; bit < copy.length * 8; bit++) {
        copy[bit >> 3]! ^= 1 << (bit & 7);
        const h = cityHash128(copy);
        if (h.low === stored.low && h.high === stored.high) {
          message += `. The mismatch is caused by single bit flip in data block at byte ${bit >> 3}, bit ${bit & 7}. ${HARDWARE_FAILURE}`;
          throw new CompressionError(code, message);
        }
        copy[bit >> 3]! ^= 1 << (bit & 7);
      }
    }
    if (popcount64(stored.low ^ actual.low) + popcount64(stored.high ^ actual.high) === 1) {
      message += `. The mismatch is caused by single bit flip in checksum. ${HARDWARE_FAILURE}`;
    }
    throw new CompressionError(code, message);
  }
}

function cannotReadAll(read: number, expected: number): CompressionError {
  return new CompressionError('CANNOT_READ_ALL_DATA', `Cannot read all data. Bytes read: ${read}. Bytes expected: ${expected}.`);
}

/** Decodes a block stream as a Transform (decompress=1 request bodies). */
export const createNativeBlockDecoder = (options: NativeDecodeOptions = {}): Transform =>
  new UpdateFinishTransform(new NativeBlockReader(options));

/** Decodes a complete block stream held in memory. */
export function decodeNativeBlocks(data: Uint8Array, options: NativeDecodeOptions = {}): Buffer {
  const reader = new NativeBlockReader(options);
  const out = reader.update(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  out.push(...reader.finish());
  return Buffer.concat(out);
}

/** Encodes a whole buffer into blocks of up to 1 MiB (no block at all for an empty buffer). */
export function encodeNativeBlocks(data: Uint8Array, options: NativeEncoderOptions = {}): Buffer {
  const blockSize = options.blockSize ?? NATIVE_BLOCK_SIZE;
  const blocks: Buffer[] = [];
  for (let p = 0; p < data.length; p += blockSize) blocks.push(encodeNativeBlock(data.subarray(p, p + blockSize), options));
  return Buffer.concat(blocks);
}
