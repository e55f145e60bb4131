// Request bodies that need work to make (compressed streams for every HTTP
// codec, ClickHouse native blocks), made once before a campaign so that the
// arbitraries only pick one and damage it: cut it short, flip bytes, or break
// a native block's checksum.

import fc from 'fast-check';
import { compressBuffer } from '../../../lib/compression/http-codecs.ts';
import { HTTP_COMPRESSION_METHODS, type HttpCompressionMethod } from '../../../lib/compression/http-methods.ts';
import { encodeNativeBlocks, type NativeMethod } from '../../../lib/compression/native-blocks.ts';

export interface Compressed {
  codec: HttpCompressionMethod;
  /** snappy's two formats: 26.7 reads the framed one, 24.8 Hadoop's. */
  snappy?: 'hadoop' | 'framed';
  plain: Buffer;
  bytes: Buffer;
}

export interface NativeBlocks {
  method: NativeMethod;
  plain: Buffer;
  bytes: Buffer;
}

export interface PayloadPool {
  compressed: Compressed[];
  native: NativeBlocks[];
}

export async function makePool(plains: string[]): Promise<PayloadPool> {
  const compressed: Compressed[] = [];
  const native: NativeBlocks[] = [];
  for (const text of plains) {
    const plain = Buffer.from(text, 'utf8');
    for (const codec of HTTP_COMPRESSION_METHODS) {
      if (codec === 'snappy') {
        for (const snappy of ['hadoop', 'framed'] as const) compressed.push({ codec, snappy, plain, bytes: await compressBuffer(codec, plain, { snappy }) });
      } else {
        compressed.push({ codec, plain, bytes: await compressBuffer(codec, plain) });
      }
    }
    for (const method of ['none', 'lz4', 'zstd'] as const) native.push({ method, plain, bytes: encodeNativeBlocks(plain, { method }) });
  }
  return { compressed, native };
}

export type Damage = { kind: 'intact' } | { kind: 'cut'; at: number } | { kind: 'flip'; at: number; xor: number } | { kind: 'append'; junk: number[] };

export const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Damage>({ kind: 'intact' }) },
  { weight: 3, arbitrary: fc.nat().map((at): Damage => ({ kind: 'cut', at })) },
  { weight: 3, arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([at, xor]): Damage => ({ kind: 'flip', at, xor })) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }).map((junk): Damage => ({ kind: 'append', junk })) },
);

export function damage(bytes: Buffer, d: Damage): Buffer {
  switch (d.kind) {
    case 'intact': return bytes;
    case 'cut': return bytes.subarray(0, bytes.length === 0 ? 0 : d.at % bytes.length);
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const b = Buffer.from(bytes);
      b[d.at % b.length]! ^= d.xor;
      return b;
    }
    case 'append': return Buffer.concat([bytes, Buffer.from(d.junk)]);
  }
}

/** A native block's checksum is its first 16 bytes: break one of them, or the header, or the payload. */
export const nativeDamageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.constant<Damage>({ kind: 'intact' }),
  fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 255 })).map(([at, xor]): Damage => ({ kind: 'flip', at, xor })),
  fc.tuple(fc.integer({ min: 16, max: 24 }), fc.integer({ min: 1, max: 255 })).map(([at, xor]): Damage => ({ kind: 'flip', at, xor })),
  damageArb,
);
