// Building columns: from the engine's values (a stage that computed values
// one by one), or appended to piece by piece by an input format's parser,
// growing typed arrays and one byte buffer instead of holding JS values.

import type { DataType } from '../types.ts';
import { defaultValue } from '../types.ts';
import { BigIntColumn, NullableColumn, NumberColumn, StringColumn, ValueColumn } from './column.ts';
import type { BigArray, Column, NumericArray } from './column.ts';

type NumericCtor = new (n: number) => NumericArray;
type BigCtor = new (n: number) => BigArray;

const NUMERIC: Partial<Record<string, NumericCtor>> = {
  UInt8: Uint8Array, Int8: Int8Array, UInt16: Uint16Array, Int16: Int16Array, UInt32: Uint32Array, Int32: Int32Array,
  Float32: Float32Array, Float64: Float64Array, Date: Uint16Array, DateTime: Uint32Array, Bool: Uint8Array,
};
const BIG: Partial<Record<string, BigCtor>> = { UInt64: BigUint64Array, Int64: BigInt64Array };

export function numericArrayFor(type: DataType): NumericCtor | undefined {
  return NUMERIC[type.kind];
}

export function bigArrayFor(type: DataType): BigCtor | undefined {
  return BIG[type.kind];
}

const encoder = new TextEncoder();

/** True when every value has the JS type a packed column of `kind` holds. */
function allOf(values: readonly unknown[], jsType: string): boolean {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== jsType) return false;
  return true;
}

/**
 * A column holding `values` (the engine's representation for `type`). Values
 * of another JS type than the type's representation (a function that returns
 * a number for a 64-bit result) are kept as they are, in a ValueColumn.
 */
export function columnFromValues(type: DataType, values: readonly unknown[]): Column {
  const n = values.length;
  const num = NUMERIC[type.kind];
  if (num && allOf(values, type.kind === 'Bool' ? 'boolean' : 'number')) {
    const data = new num(n);
    if (type.kind === 'Bool') for (let i = 0; i < n; i++) data[i] = values[i] ? 1 : 0;
    else for (let i = 0; i < n; i++) data[i] = values[i] as number;
    return new NumberColumn(type, data);
  }
  const big = BIG[type.kind];
  if (big && allOf(values, 'bigint')) {
    const data = new big(n);
    for (let i = 0; i < n; i++) data[i] = values[i] as bigint;
    return new BigIntColumn(type, data);
  }
  if (type.kind === 'String' && allOf(values, 'string')) {
    const b = new StringBuilder(type, n);
    for (let i = 0; i < n; i++) b.appendString(values[i] as string);
    return b.finish();
  }
  if (type.kind === 'Nullable' && (NUMERIC[type.inner!.kind] || BIG[type.inner!.kind] || type.inner!.kind === 'String')) {
    const nulls = new Uint8Array(n);
    const fill = defaultValue(type.inner!);
    const inner = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === null) {
        nulls[i] = 1;
        inner[i] = fill;
      } else inner[i] = v;
    }
    const innerColumn = columnFromValues(type.inner!, inner);
    if (!(innerColumn instanceof ValueColumn)) return new NullableColumn(type, nulls, innerColumn);
  }
  return new ValueColumn(type, values);
}

/** A String column appended to as bytes (an input format copying fields) or as text. */
export class StringBuilder {
  readonly type: DataType;
  private bytes: Uint8Array;
  private offsets: Uint32Array;
  private count = 0;
  private size = 0;
  constructor(type: DataType, capacity = 1024) {
    this.type = type;
    this.bytes = new Uint8Array(Math.max(64, capacity * 8));
    this.offsets = new Uint32Array(capacity + 1);
  }
  get length(): number {
    return this.count;
  }
  private reserve(extra: number): void {
    if (this.size + extra > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.size + extra));
      grown.set(this.bytes.subarray(0, this.size));
      this.bytes = grown;
    }
    if (this.count + 2 > this.offsets.length) {
      const grown = new Uint32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
  }
  appendBytes(src: Uint8Array, start: number, end: number): void {
    const len = end - start;
    this.reserve(len);
    const dst = this.bytes;
    let at = this.size;
    if (len < 32) for (let i = start; i < end; i++) dst[at++] = src[i]!;
    else dst.set(src.subarray(start, end), at);
    this.size += len;
    this.offsets[++this.count] = this.size;
  }
  appendString(s: string): void {
    this.reserve(s.length * 3);
    const { written } = encoder.encodeInto(s, this.bytes.subarray(this.size));
    this.size += written;
    this.offsets[++this.count] = this.size;
  }
  finish(): StringColumn {
    return new StringColumn(this.type, this.bytes.subarray(0, this.size), this.offsets.slice(0, this.count + 1));
  }
}

/** A fixed-width numeric column appended to one value at a time. */
export class NumberBuilder {
  readonly type: DataType;
  private data: NumericArray;
  private count = 0;
  constructor(type: DataType, capacity = 1024) {
    this.type = type;
    this.data = new NUMERIC[type.kind]!(capacity);
  }
  get length(): number {
    return this.count;
  }
  append(v: number): void {
    if (this.count === this.data.length) {
      const grown = new (this.data.constructor as NumericCtor)(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.count++] = v;
  }
  finish(): NumberColumn {
    return new NumberColumn(this.type, this.data.slice(0, this.count));
  }
}

/** (U)Int64 appended as safe integers (no BigInt made) or as bigints. */
export class BigIntBuilder {
  readonly type: DataType;
  private data: BigArray;
  private words: Uint32Array;
  private count = 0;
  constructor(type: DataType, capacity = 1024) {
    this.type = type;
    this.data = new BIG[type.kind]!(capacity);
    this.words = new Uint32Array(this.data.buffer);
  }
  get length(): number {
    return this.count;
  }
  private grow(): void {
    if (this.count < this.data.length) return;
    const grown = new (this.data.constructor as BigCtor)(this.data.length * 2);
    grown.set(this.data);
    this.data = grown;
    this.words = new Uint32Array(grown.buffer);
  }
  /** 0 <= v < 2^53. */
  appendSafe(v: number): void {
    this.grow();
    const i = this.count++ * 2;
    this.words[i] = v >>> 0;
    this.words[i + 1] = Math.floor(v / 4294967296);
  }
  append(v: bigint): void {
    this.grow();
    this.data[this.count++] = v;
  }
  /** The value as its little-endian 32-bit halves (as RowBinary carries it). */
  appendWords(lo: number, hi: number): void {
    this.grow();
    const i = this.count++ * 2;
    this.words[i] = lo;
    this.words[i + 1] = hi;
  }
  finish(): BigIntColumn {
    return new BigIntColumn(this.type, this.data.slice(0, this.count));
  }
}

/** One column of the columns' values in order (all of one type and layout, as one stage's blocks are). */
export function concatColumns(type: DataType, parts: readonly Column[]): Column {
  if (parts.length === 1) return parts[0]!;
  const n = parts.reduce((s, c) => s + c.length, 0);
  const first = parts[0];
  if (first instanceof NumberColumn && parts.every((c) => c instanceof NumberColumn && c.data.constructor === first.data.constructor)) {
    const data = new (first.data.constructor as NumericCtor)(n);
    let at = 0;
    for (const c of parts as NumberColumn[]) {
      data.set(c.data, at);
      at += c.length;
    }
    return new NumberColumn(type, data);
  }
  if (first instanceof BigIntColumn && parts.every((c) => c instanceof BigIntColumn && c.data.constructor === first.data.constructor)) {
    const data = new (first.data.constructor as BigCtor)(n);
    let at = 0;
    for (const c of parts as BigIntColumn[]) {
      data.set(c.data, at);
      at += c.length;
    }
    return new BigIntColumn(type, data);
  }
  if (parts.every((c) => c instanceof StringColumn)) {
    const b = new StringBuilder(type, n);
    for (const c of parts as StringColumn[]) for (let i = 0; i < c.length; i++) b.appendBytes(c.bytes, c.offsets[i]!, c.offsets[i + 1]!);
    return b.finish();
  }
  if (parts.every((c) => c instanceof NullableColumn)) {
    const nulls = new Uint8Array(n);
    let at = 0;
    for (const c of parts as NullableColumn[]) {
      nulls.set(c.nulls, at);
      at += c.length;
    }
    return new NullableColumn(type, nulls, concatColumns(type.inner!, (parts as NullableColumn[]).map((c) => c.inner)));
  }
  const values = new Array<unknown>(n);
  let at = 0;
  for (const c of parts) for (let i = 0; i < c.length; i++) values[at++] = c.get(i);
  return columnFromValues(type, values);
}
