// The raw LZ4 block format: compression by lz4-napi (lz4_flex), decompression
// here, because it must write into a window that keeps the previous 64 KiB
// (linked blocks of an LZ4 frame) and must tell exactly when a block is
// malformed or decodes to a size other than the expected one.

import { createRequire } from 'node:module';

interface Lz4Module {
  compressSync(data: Buffer): Buffer;
}

// Loaded on first use: a server that never sees LZ4 does not carry the library.
let loaded: Lz4Module | undefined;
const lz4 = (): Lz4Module => (loaded ??= createRequire(import.meta.url)('lz4-napi') as Lz4Module);

export class Lz4BlockError extends Error {}

/** Compresses into one raw LZ4 block (no size prefix, no frame). */
export function compressLz4Block(data: Uint8Array): Buffer {
  const src = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // lz4-napi prefixes the block with its uncompressed size (u32 LE).
  return lz4().compressSync(src).subarray(4);
}

/**
 * Decodes the block src[srcStart, srcEnd) into dst from dstStart, writing at
 * most up to dstEnd. Matches may reach back to windowStart (earlier output of
 * a linked frame). Returns the end of the written output.
 */
export function decompressLz4Block(
  src: Uint8Array, srcStart: number, srcEnd: number,
  dst: Uint8Array, dstStart: number, dstEnd: number, windowStart = dstStart,
): number {
  let ip = srcStart;
  let op = dstStart;
  for (;;) {
    if (ip >= srcEnd) throw new Lz4BlockError('input ends before a sequence');
    const token = src[ip++]!;
    let length = token >>> 4;
    if (length === 15) {
      let b;
      do {
        if (ip >= srcEnd) throw new Lz4BlockError('input ends inside a literal length');
        b = src[ip++]!;
        length += b;
      } while (b === 255);
    }
    if (length > srcEnd - ip) throw new Lz4BlockError('literals run past the input');
    if (length > dstEnd - op) throw new Lz4BlockError('literals run past the output');
    if (length < 32) {
      for (let i = 0; i < length; i++) dst[op + i] = src[ip + i]!;
    } else {
      dst.set(src.subarray(ip, ip + length), op);
    }
    ip += length;
    op += length;
    // The last sequence is literals only and ends the block.
    if (ip === srcEnd) return op;
    if (srcEnd - ip < 2) throw new Lz4BlockError('input ends inside a match offset');
    const offset = src[ip]! | (src[ip + 1]! << 8);
    ip += 2;
    if (offset === 0 || op - offset < windowStart) throw new Lz4BlockError('match offset points before the window');
    let matchLength = token & 15;
    if (matchLength === 15) {
      let b;
      do {
        if (ip >= srcEnd) throw new Lz4BlockError('input ends inside a match length');
        b = src[ip++]!;
        matchLength += b;
      } while (b === 255);
    }
    matchLength += 4;
    if (matchLength > dstEnd - op) throw new Lz4BlockError('match runs past the output');
    let from = op - offset;
    if (offset >= matchLength && matchLength >= 32) {
      dst.copyWithin(op, from, from + matchLength);
      op += matchLength;
    } else {
      // Overlapping copies repeat the last `offset` bytes, so go byte by byte.
      const end = op + matchLength;
      while (op < end) dst[op++] = dst[from++]!;
    }
  }
}
