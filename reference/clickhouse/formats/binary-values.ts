// The binary form of the types RowBinary's core writer does not know, as
// ClickHouse's serializeBinary writes one value: wide integers, Decimal and
// DateTime64 as little-endian integers of their size, Date32 as Int32 days,
// UUID as its two 64-bit halves (high first, each little-endian), IPv4 as a
// UInt32, IPv6 as its 16 bytes in network order, Enum as its number,
// FixedString as its N bytes, LowCardinality as its value, a Tuple's
// elements back to back, a Map as a LEB128 count and its key/value pairs.
// RowBinary and Native (for a value of these types) both write through here.

import type { DataType } from '../../engine/types.ts';
import { Dec } from '../../engine/values/decimal.ts';
import { Uuid } from '../../engine/values/uuid.ts';

/** Bytes of the little-endian integer a value of `type` is stored as, when it is one. */
export function intBytes(type: DataType): number | undefined {
  switch (type.kind) {
    case 'UInt128': return 16;
    case 'UInt256': case 'Int256': return 32;
    case 'Date32': return 4;
    case 'DateTime64': return 8;
    case 'Enum8': return 1;
    case 'Enum16': return 2;
    case 'Decimal': {
      const p = type.precision!;
      return p <= 9 ? 4 : p <= 18 ? 8 : p <= 38 ? 16 : 32;
    }
    default: return undefined;
  }
}

export function littleEndian(x: bigint, size: number): Buffer {
  const b = Buffer.alloc(size);
  let u = BigInt.asUintN(size * 8, x);
  for (let i = 0; i < size; i++, u >>= 8n) b[i] = Number(u & 0xffn);
  return b;
}

export function fromLittleEndian(b: Buffer, signed: boolean): bigint {
  let x = 0n;
  for (let k = b.length - 1; k >= 0; k--) x = (x << 8n) | BigInt(b[k]!);
  return signed ? BigInt.asIntN(b.length * 8, x) : x;
}

/** The integer a value is, for the types intBytes names. */
function asInteger(type: DataType, v: unknown): bigint {
  if (v instanceof Dec) return v.unscaled;
  return BigInt(v as number | bigint);
}

function fromInteger(type: DataType, x: bigint): unknown {
  switch (type.kind) {
    case 'Decimal': return new Dec(x, type.scale!);
    case 'DateTime64': return new Dec(x, type.precision!);
    case 'Date32': case 'Enum8': case 'Enum16': return Number(x);
    default: return x;
  }
}

/** Appends one value's bytes; false for a type this file does not cover. */
export function writeExtra(type: DataType, v: unknown, parts: Buffer[], writeValue: (t: DataType, v: unknown, parts: Buffer[]) => void): boolean {
  const size = intBytes(type);
  if (size !== undefined) {
    parts.push(littleEndian(asInteger(type, v), size));
    return true;
  }
  switch (type.kind) {
    case 'UUID': {
      const hex = (v as Uuid).hex;
      parts.push(littleEndian(BigInt(`0x${hex.slice(0, 16)}`), 8), littleEndian(BigInt(`0x${hex.slice(16)}`), 8));
      return true;
    }
    case 'IPv4': {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(Number(v));
      parts.push(b);
      return true;
    }
    case 'IPv6':
      parts.push(Buffer.from(v as string, 'hex'));
      return true;
    case 'FixedString': {
      const b = Buffer.alloc(type.length!);
      Buffer.from(v as string, 'utf8').copy(b);
      parts.push(b);
      return true;
    }
    case 'LowCardinality':
      writeValue(type.inner!, v, parts);
      return true;
    case 'Tuple':
      (v as unknown[]).forEach((item, i) => writeValue(type.elements![i]!, item, parts));
      return true;
    case 'Map': {
      const pairs = v as [unknown, unknown][];
      parts.push(Buffer.from(leb128(pairs.length)));
      for (const [k, value] of pairs) {
        writeValue(type.key!, k, parts);
        writeValue(type.inner!, value, parts);
      }
      return true;
    }
    default:
      return false;
  }
}

/** LEB128, as the binary formats write lengths. */
export function leb128(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

export interface ByteSource {
  take(n: number): Buffer;
  leb(): number;
  value(type: DataType): unknown;
}

/** Reads one value of a type writeExtra covers; `undefined` (the JS value) for any other type. */
export function readExtra(type: DataType, r: ByteSource): { value: unknown } | undefined {
  const size = intBytes(type);
  if (size !== undefined) {
    const signed = type.kind !== 'UInt128' && type.kind !== 'UInt256';
    return { value: fromInteger(type, fromLittleEndian(r.take(size), signed)) };
  }
  switch (type.kind) {
    case 'UUID': {
      const high = fromLittleEndian(r.take(8), false).toString(16).padStart(16, '0');
      const low = fromLittleEndian(r.take(8), false).toString(16).padStart(16, '0');
      return { value: new Uuid(high + low) };
    }
    case 'IPv4': return { value: r.take(4).readUInt32LE() };
    case 'IPv6': return { value: r.take(16).toString('hex') };
    case 'FixedString': return { value: r.take(type.length!).toString('utf8') };
    case 'LowCardinality': return { value: r.value(type.inner!) };
    case 'Tuple': return { value: type.elements!.map((e) => r.value(e)) };
    case 'Map': {
      const n = r.leb();
      const pairs: [unknown, unknown][] = [];
      for (let i = 0; i < n; i++) pairs.push([r.value(type.key!), r.value(type.inner!)]);
      return { value: pairs };
    }
    default: return undefined;
  }
}
