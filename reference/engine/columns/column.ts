// Columns: the values of one result or table column, stored by type so that
// hot paths (sources, filters, formats, inserts) touch typed arrays and byte
// buffers instead of one JS value per cell. `get` gives the engine's value
// representation (api.ts) for code that still works value by value.

import type { DataType } from '../types.ts';
import { columnOverheadBytes, lowCardinalityBytes, valueBytes } from '../types.ts';

export type NumericArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
export type BigArray = BigInt64Array | BigUint64Array;

export interface Column {
  readonly type: DataType;
  readonly length: number;
  get(i: number): unknown;
  slice(start: number, end: number): Column;
  /** The values at `indexes`, in that order (a filter's selection). */
  take(indexes: ArrayLike<number>, count: number): Column;
  /** Bytes as ClickHouse counts them for read_bytes (types.ts valueBytes, summed). */
  byteSize(): number;
}

type TypedArray = NumericArray | BigArray;

/** Fixed-width values in one typed array: slices are views, selections copies. */
abstract class PackedColumn<A extends TypedArray> implements Column {
  readonly type: DataType;
  readonly data: A;
  readonly length: number;
  constructor(type: DataType, data: A) {
    this.type = type;
    this.data = data;
    this.length = data.length;
  }
  abstract get(i: number): unknown;
  protected abstract of(data: A): Column;
  slice(start: number, end: number): Column {
    return this.of(this.data.subarray(start, end) as A);
  }
  take(indexes: ArrayLike<number>, count: number): Column {
    const out = new (this.data.constructor as new (n: number) => A)(count);
    for (let i = 0; i < count; i++) out[i] = this.data[indexes[i]!]!;
    return this.of(out);
  }
  byteSize(): number {
    return this.length * this.data.BYTES_PER_ELEMENT;
  }
}

/** (U)Int8..32, Float32/64, Date, DateTime, Bool (as 0/1 bytes) in one typed array. */
export class NumberColumn extends PackedColumn<NumericArray> {
  get(i: number): unknown {
    return this.type.kind === 'Bool' ? this.data[i] !== 0 : this.data[i];
  }
  protected of(data: NumericArray): Column {
    return new NumberColumn(this.type, data);
  }
}

/** (U)Int64 in a BigInt64Array/BigUint64Array; `words` views the same memory as 32-bit halves. */
export class BigIntColumn extends PackedColumn<BigArray> {
  /** Little-endian 32-bit halves, for writers that format without making a BigInt per value. */
  get words(): Uint32Array {
    return new Uint32Array(this.data.buffer, this.data.byteOffset, this.length * 2);
  }
  get(i: number): unknown {
    return this.data[i];
  }
  protected of(data: BigArray): Column {
    return new BigIntColumn(this.type, data);
  }
}

/** String as ClickHouse's ColumnString: one byte buffer and end offsets. Values decode lazily. */
export class StringColumn implements Column {
  readonly type: DataType;
  readonly bytes: Uint8Array;
  /** offsets[i]..offsets[i+1] are value i's bytes; length + 1 entries. */
  readonly offsets: Uint32Array;
  readonly length: number;
  constructor(type: DataType, bytes: Uint8Array, offsets: Uint32Array) {
    this.type = type;
    this.bytes = bytes;
    this.offsets = offsets;
    this.length = offsets.length - 1;
  }
  get(i: number): unknown {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('utf8', this.offsets[i]!, this.offsets[i + 1]!);
  }
  slice(start: number, end: number): Column {
    return new StringColumn(this.type, this.bytes, this.offsets.subarray(start, end + 1));
  }
  take(indexes: ArrayLike<number>, count: number): Column {
    let size = 0;
    for (let i = 0; i < count; i++) size += this.offsets[indexes[i]! + 1]! - this.offsets[indexes[i]!]!;
    const bytes = new Uint8Array(size);
    const offsets = new Uint32Array(count + 1);
    let at = 0;
    for (let i = 0; i < count; i++) {
      const s = this.offsets[indexes[i]!]!;
      const e = this.offsets[indexes[i]! + 1]!;
      bytes.set(this.bytes.subarray(s, e), at);
      at += e - s;
      offsets[i + 1] = at;
    }
    return new StringColumn(this.type, bytes, offsets);
  }
  byteSize(): number {
    return this.offsets[this.length]! - this.offsets[0]! + valueBytes(this.type, '') * this.length;
  }
}

/** Nullable(T) over a column of T: a null map beside the values (0 = value, 1 = NULL). */
export class NullableColumn implements Column {
  readonly type: DataType;
  readonly nulls: Uint8Array;
  readonly inner: Column;
  readonly length: number;
  constructor(type: DataType, nulls: Uint8Array, inner: Column) {
    this.type = type;
    this.nulls = nulls;
    this.inner = inner;
    this.length = nulls.length;
  }
  get(i: number): unknown {
    return this.nulls[i] ? null : this.inner.get(i);
  }
  slice(start: number, end: number): Column {
    return new NullableColumn(this.type, this.nulls.subarray(start, end), this.inner.slice(start, end));
  }
  take(indexes: ArrayLike<number>, count: number): Column {
    const nulls = new Uint8Array(count);
    for (let i = 0; i < count; i++) nulls[i] = this.nulls[indexes[i]!]!;
    return new NullableColumn(this.type, nulls, this.inner.take(indexes, count));
  }
  byteSize(): number {
    return this.length + this.inner.byteSize();
  }
}

/** Every other type (Array, Decimal, and the types without a packed layout yet): the values themselves. */
export class ValueColumn implements Column {
  readonly type: DataType;
  readonly values: readonly unknown[];
  readonly length: number;
  constructor(type: DataType, values: readonly unknown[]) {
    this.type = type;
    this.values = values;
    this.length = values.length;
  }
  get(i: number): unknown {
    return this.values[i];
  }
  slice(start: number, end: number): Column {
    return new ValueColumn(this.type, this.values.slice(start, end));
  }
  take(indexes: ArrayLike<number>, count: number): Column {
    const out = new Array<unknown>(count);
    for (let i = 0; i < count; i++) out[i] = this.values[indexes[i]!];
    return new ValueColumn(this.type, out);
  }
  byteSize(): number {
    const lc = lowCardinalityBytes(this.type, this.values);
    if (lc !== undefined) return lc;
    let n = columnOverheadBytes(this.type);
    for (const v of this.values) n += valueBytes(this.type, v);
    return n;
  }
}
