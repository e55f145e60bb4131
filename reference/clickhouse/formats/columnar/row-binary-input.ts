// RowBinary input read into columns: fixed widths through a DataView, strings
// copied with their LEB128 lengths. Truncated data, a type without a packed
// column, or a string that is not UTF-8 (the row reader decodes it lossily)
// leave the input to the row reader in ../row-binary.ts, which reports it.

import { isUtf8 } from 'node:buffer';
import type { ColumnDef } from '../../../engine/api.ts';
import { Block } from '../../../engine/columns/block.ts';
import { BigIntBuilder, NumberBuilder, StringBuilder, numericArrayFor } from '../../../engine/columns/builders.ts';
import { NullableColumn } from '../../../engine/columns/column.ts';
import type { Column } from '../../../engine/columns/column.ts';
import type { DataType } from '../../../engine/types.ts';

/** Reads one value at `pos` into its column; the position after it, or -1 when the data is cut short or not plain. */
interface ValueReader {
  read(data: Buffer, view: DataView, pos: number): number;
  finish(): Column;
}

type Get = (view: DataView, pos: number) => number;

const FIXED: Record<string, [number, Get]> = {
  UInt8: [1, (v, p) => v.getUint8(p)], Int8: [1, (v, p) => v.getInt8(p)], Bool: [1, (v, p) => (v.getUint8(p) ? 1 : 0)],
  UInt16: [2, (v, p) => v.getUint16(p, true)], Int16: [2, (v, p) => v.getInt16(p, true)], Date: [2, (v, p) => v.getUint16(p, true)],
  UInt32: [4, (v, p) => v.getUint32(p, true)], Int32: [4, (v, p) => v.getInt32(p, true)], DateTime: [4, (v, p) => v.getUint32(p, true)],
  Float32: [4, (v, p) => v.getFloat32(p, true)], Float64: [8, (v, p) => v.getFloat64(p, true)],
};

function fixedReader(type: DataType, capacity: number): ValueReader | undefined {
  const spec = FIXED[type.kind];
  if (!spec || !numericArrayFor(type)) return undefined;
  const [width, get] = spec;
  const b = new NumberBuilder(type, capacity);
  return {
    read(data, view, pos) {
      if (pos + width > data.length) return -1;
      b.append(get(view, pos));
      return pos + width;
    },
    finish: () => b.finish(),
  };
}

function bigReader(type: DataType, capacity: number): ValueReader | undefined {
  if (type.kind !== 'UInt64' && type.kind !== 'Int64') return undefined;
  const b = new BigIntBuilder(type, capacity);
  return {
    read(data, view, pos) {
      if (pos + 8 > data.length) return -1;
      b.appendWords(view.getUint32(pos, true), view.getUint32(pos + 4, true));
      return pos + 8;
    },
    finish: () => b.finish(),
  };
}

function stringReader(type: DataType, capacity: number): ValueReader | undefined {
  if (type.kind !== 'String') return undefined;
  const b = new StringBuilder(type, capacity);
  return {
    read(data, _view, pos) {
      let len = 0;
      let mul = 1;
      for (;;) {
        if (pos >= data.length || mul > 2 ** 35) return -1;
        const byte = data[pos++]!;
        len += (byte & 0x7f) * mul;
        if (!(byte & 0x80)) break;
        mul *= 128;
      }
      const end = pos + len;
      if (end > data.length) return -1;
      for (let k = pos; k < end; k++) {
        if (data[k]! >= 0x80) {
          if (!isUtf8(data.subarray(pos, end))) return -1;
          break;
        }
      }
      b.appendBytes(data, pos, end);
      return end;
    },
    finish: () => b.finish(),
  };
}

function plainReader(type: DataType, capacity: number): ValueReader | undefined {
  return fixedReader(type, capacity) ?? bigReader(type, capacity) ?? stringReader(type, capacity);
}

const DEFAULT_BYTES = new Uint8Array(16);

function readerFor(type: DataType, capacity: number): ValueReader | undefined {
  if (type.kind !== 'Nullable') return plainReader(type, capacity);
  const inner = plainReader(type.inner!, capacity);
  if (!inner) return undefined;
  // A NULL holds the inner type's default (zero bytes, or the empty string) under the null map.
  const fill = Buffer.from(DEFAULT_BYTES);
  const fillView = new DataView(fill.buffer, fill.byteOffset, fill.byteLength);
  let nulls = new Uint8Array(1024);
  let count = 0;
  return {
    read(data, view, pos) {
      if (pos >= data.length) return -1;
      if (count === nulls.length) {
        const grown = new Uint8Array(count * 2);
        grown.set(nulls);
        nulls = grown;
      }
      const isNull = data[pos] !== 0;
      nulls[count++] = isNull ? 1 : 0;
      if (isNull) return inner.read(fill, fillView, 0) < 0 ? -1 : pos + 1;
      return inner.read(data, view, pos + 1);
    },
    finish: () => new NullableColumn(type, nulls.slice(0, count), inner.finish()),
  };
}

export function readRowBinaryBlock(data: Buffer, columns: readonly ColumnDef[]): Block | undefined {
  if (columns.length === 0) return undefined;
  const capacity = Math.max(1024, Math.min(1 << 20, Math.ceil(data.length / (8 * columns.length))));
  const readers: ValueReader[] = [];
  for (const c of columns) {
    const r = readerFor(c.type, capacity);
    if (!r) return undefined;
    readers.push(r);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 0;
  while (pos < data.length) {
    for (const r of readers) {
      pos = r.read(data, view, pos);
      if (pos < 0) return undefined;
    }
  }
  return Block.ofColumns(readers.map((r) => r.finish()));
}
