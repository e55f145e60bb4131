// The LZ4 frame format (what Content-Encoding: lz4 carries), read the way
// ClickHouse 24.8's Lz4InflatingReadBuffer reads it with LZ4F_decompress:
// frames and skippable frames may follow one another, linked and independent
// blocks, optional block/content checksums and content size; input that stops
// in the middle of a frame is not an error (the decoded part is returned);
// every failure is reported with LZ4F's error name.

import { CompressionError } from './errors.ts';
import { compressLz4Block, decompressLz4Block, Lz4BlockError } from './lz4-block.ts';
import type { UpdateFinishCodec } from './update-finish.ts';
import { LZ4F_VERSION } from './versions.ts';
import { XXH32, xxh32 } from './xxhash32.ts';

const MAGIC = 0x184d2204;
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_START = 0x184d2a50;
const WINDOW = 64 * 1024;
const BLOCK_SIZES: Record<number, number> = { 4: 64 << 10, 5: 256 << 10, 6: 1 << 20, 7: 4 << 20 };

const lz4fError = (name: string): CompressionError =>
  new CompressionError('LZ4_DECODER_FAILED', `LZ4 decompression failed. LZ4F version: ${LZ4F_VERSION}. Error: ${name}`);

/** Bytes received but not parsed yet. */
class Pending {
  #chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.length += chunk.length;
  }

  /** The first n bytes without consuming them, or null if fewer arrived. */
  peek(n: number): Buffer | null {
    if (this.length < n) return null;
    if (this.#chunks[0]!.length < n) this.#chunks = [Buffer.concat(this.#chunks)];
    return this.#chunks[0]!.subarray(0, n);
  }

  take(n: number): Buffer | null {
    const head = this.peek(n);
    if (!head) return null;
    this.skip(n);
    return head;
  }

  /** Drops up to n bytes; returns how many were dropped. */
  skip(n: number): number {
    let left = Math.min(n, this.length);
    const dropped = left;
    while (left > 0) {
      const first = this.#chunks[0]!;
      if (first.length <= left) {
        this.#chunks.shift();
        left -= first.length;
      } else {
        this.#chunks[0] = first.subarray(left);
        left = 0;
      }
    }
    this.length -= dropped;
    return dropped;
  }
}

interface FrameInfo {
  linked: boolean;
  blockChecksum: boolean;
  contentChecksum: boolean;
  contentSize: bigint | null;
  maxBlockSize: number;
}

type Stage =
  | { kind: 'magic' }
  | { kind: 'skip'; left: number | null }
  | { kind: 'header' }
  | { kind: 'block'; frame: FrameInfo }
  | { kind: 'checksum'; frame: FrameInfo };

export class Lz4FrameDecoder implements UpdateFinishCodec {
  readonly #in = new Pending();
  #stage: Stage = { kind: 'magic' };
  #history: Buffer = Buffer.alloc(0);
  #content: XXH32 | null = null;
  #produced = 0n;

  update(chunk: Buffer): Buffer[] {
    this.#in.push(chunk);
    const out: Buffer[] = [];
    while (this.#step(out));
    return out;
  }

  /** A frame cut short is not an error for ClickHouse: what was decoded stands. */
  finish(): Buffer[] {
    return [];
  }

  #step(out: Buffer[]): boolean {
    const stage = this.#stage;
    switch (stage.kind) {
      case 'magic': {
        const head = this.#in.peek(4);
        if (!head) return false;
        const magic = head.readUInt32LE(0);
        if (((magic & SKIPPABLE_MASK) >>> 0) === SKIPPABLE_START) {
          const sized = this.#in.take(8);
          if (!sized) return false;
          this.#stage = { kind: 'skip', left: sized.readUInt32LE(4) };
          return true;
        }
        if (magic !== MAGIC) throw lz4fError('ERROR_frameType_unknown');
        this.#stage = { kind: 'header' };
        return true;
      }
      case 'skip': {
        stage.left! -= this.#in.skip(stage.left!);
        if (stage.left! > 0) return false;
        this.#stage = { kind: 'magic' };
        return true;
      }
      case 'header': {
        const fixed = this.#in.peek(6);
        if (!fixed) return false;
        const flg = fixed[4]!;
        const bd = fixed[5]!;
        if ((flg >> 1) & 1) throw lz4fError('ERROR_reservedFlag_set');
        if (((flg >> 6) & 3) !== 1) throw lz4fError('ERROR_headerVersion_wrong');
        const hasContentSize = ((flg >> 3) & 1) === 1;
        const hasDictId = (flg & 1) === 1;
        const size = 7 + (hasContentSize ? 8 : 0) + (hasDictId ? 4 : 0);
        const header = this.#in.peek(size);
        if (!header) return false;
        if ((bd >> 7) & 1) throw lz4fError('ERROR_reservedFlag_set');
        const blockSizeId = (bd >> 4) & 7;
        if (blockSizeId < 4) throw lz4fError('ERROR_maxBlockSize_invalid');
        if (bd & 15) throw lz4fError('ERROR_reservedFlag_set');
        if (((xxh32(header.subarray(4, size - 1)) >>> 8) & 0xff) !== header[size - 1]) {
          throw lz4fError('ERROR_headerChecksum_invalid');
        }
        const frame: FrameInfo = {
          linked: ((flg >> 5) & 1) === 0,
          blockChecksum: ((flg >> 4) & 1) === 1,
          contentChecksum: ((flg >> 2) & 1) === 1,
          contentSize: hasContentSize ? header.readBigUInt64LE(6) : null,
          maxBlockSize: BLOCK_SIZES[blockSizeId]!,
        };
        this.#in.skip(size);
        this.#history = Buffer.alloc(0);
        this.#content = frame.contentChecksum ? new XXH32() : null;
        this.#produced = 0n;
        this.#stage = { kind: 'block', frame };
        return true;
      }
      case 'block': {
        const { frame } = stage;
        const head = this.#in.peek(4);
        if (!head) return false;
        const word = head.readUInt32LE(0);
        if (word === 0) {
          this.#in.skip(4);
          if (frame.contentSize !== null && frame.contentSize !== this.#produced) throw lz4fError('ERROR_frameSize_wrong');
          this.#stage = frame.contentChecksum ? { kind: 'checksum', frame } : { kind: 'magic' };
          return true;
        }
        const stored = (word & 0x80000000) !== 0;
        const size = word & 0x7fffffff;
        if (size > frame.maxBlockSize) throw lz4fError('ERROR_maxBlockSize_invalid');
        const whole = this.#in.peek(4 + size + (frame.blockChecksum ? 4 : 0));
        if (!whole) return false;
        const data = whole.subarray(4, 4 + size);
        if (frame.blockChecksum && xxh32(data) !== whole.readUInt32LE(4 + size)) throw lz4fError('ERROR_blockChecksum_invalid');
        const block = stored ? Buffer.from(data) : this.#decodeBlock(data, frame);
        this.#in.skip(whole.length);
        if (frame.linked) this.#remember(block);
        this.#content?.update(block);
        this.#produced += BigInt(block.length);
        out.push(block);
        return true;
      }
      case 'checksum': {
        const sum = this.#in.take(4);
        if (!sum) return false;
        if (sum.readUInt32LE(0) !== this.#content!.digest()) throw lz4fError('ERROR_contentChecksum_invalid');
        this.#stage = { kind: 'magic' };
        return true;
      }
    }
  }

  #decodeBlock(data: Buffer, frame: FrameInfo): Buffer {
    const history = frame.linked ? this.#history : Buffer.alloc(0);
    const dst = Buffer.allocUnsafe(history.length + frame.maxBlockSize);
    history.copy(dst, 0);
    try {
      const end = decompressLz4Block(data, 0, data.length, dst, history.length, dst.length, 0);
      return dst.subarray(history.length, end);
    } catch (err) {
      if (err instanceof Lz4BlockError) throw lz4fError('ERROR_decompressionFailed');
      throw err;
    }
  }

  #remember(block: Buffer): void {
    if (block.length >= WINDOW) {
      this.#history = Buffer.from(block.subarray(block.length - WINDOW));
    } else {
      const keep = this.#history.subarray(Math.max(0, this.#history.length + block.length - WINDOW));
      this.#history = Buffer.concat([keep, block]);
    }
  }
}

export interface Lz4FrameEncoderOptions {
  /** Add an xxHash32 of the whole content after the end mark (ClickHouse's writer does not). */
  contentChecksum?: boolean;
}

/** Writes one LZ4 frame of independent 256 KiB blocks (ClickHouse's LZ4F_max256KB). */
export class Lz4FrameEncoder implements UpdateFinishCodec {
  static readonly BLOCK_SIZE = 256 << 10;
  readonly #contentChecksum: XXH32 | null;
  #pending: Buffer[] = [];
  #pendingLength = 0;
  #headerDone = false;

  constructor(options: Lz4FrameEncoderOptions = {}) {
    this.#contentChecksum = options.contentChecksum ? new XXH32() : null;
  }

  update(chunk: Buffer): Buffer[] {
    const out = this.#header();
    this.#contentChecksum?.update(chunk);
    this.#pending.push(chunk);
    this.#pendingLength += chunk.length;
    if (this.#pendingLength >= Lz4FrameEncoder.BLOCK_SIZE) {
      const all = Buffer.concat(this.#pending);
      let p = 0;
      for (; all.length - p >= Lz4FrameEncoder.BLOCK_SIZE; p += Lz4FrameEncoder.BLOCK_SIZE) {
        out.push(...this.#block(all.subarray(p, p + Lz4FrameEncoder.BLOCK_SIZE)));
      }
      this.#pending = p < all.length ? [all.subarray(p)] : [];
      this.#pendingLength = all.length - p;
    }
    return out;
  }

  finish(): Buffer[] {
    const out = this.#header();
    if (this.#pendingLength > 0) out.push(...this.#block(Buffer.concat(this.#pending)));
    this.#pending = [];
    this.#pendingLength = 0;
    const end = Buffer.alloc(this.#contentChecksum ? 8 : 4);
    if (this.#contentChecksum) end.writeUInt32LE(this.#contentChecksum.digest(), 4);
    out.push(end);
    return out;
  }

  #header(): Buffer[] {
    if (this.#headerDone) return [];
    this.#headerDone = true;
    const header = Buffer.alloc(7);
    header.writeUInt32LE(MAGIC, 0);
    header[4] = 0x40 | 0x20 | (this.#contentChecksum ? 0x04 : 0); // version 01, independent blocks
    header[5] = 5 << 4; // 256 KiB blocks
    header[6] = (xxh32(header.subarray(4, 6)) >>> 8) & 0xff;
    return [header];
  }

  #block(data: Buffer): Buffer[] {
    const compressed = compressLz4Block(data);
    const size = Buffer.alloc(4);
    if (compressed.length < data.length) {
      size.writeUInt32LE(compressed.length, 0);
      return [size, compressed];
    }
    size.writeUInt32LE((data.length | 0x80000000) >>> 0, 0);
    return [size, Buffer.from(data)];
  }
}
