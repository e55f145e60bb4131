// Column sinks for the columnar text readers: each takes one field's bytes
// and appends the value to its column, or says the field is not plain data
// of its type (the reader then leaves the input to the row reader).

import { BigIntBuilder, NumberBuilder, StringBuilder } from '../../../engine/columns/builders.ts';
import { NullableColumn } from '../../../engine/columns/column.ts';
import type { Column } from '../../../engine/columns/column.ts';
import type { DataType } from '../../../engine/types.ts';
import type { ColumnDef } from '../../../engine/api.ts';
import { Block } from '../../../engine/columns/block.ts';

const BACKSLASH = 92;

const RANGES: Record<string, [number, number]> = {
  UInt8: [0, 255], UInt16: [0, 65535], UInt32: [0, 4294967295], UInt64: [0, Number.MAX_SAFE_INTEGER],
  Int8: [-128, 127], Int16: [-32768, 32767], Int32: [-2147483648, 2147483647], Int64: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

// Escapes readEscapedString turns into one byte; others go to the row reader.
const UNESCAPE = new Int16Array(256).fill(-1);
for (const [c, b] of [['b', 8], ['f', 12], ['n', 10], ['r', 13], ['t', 9], ['0', 0], ['a', 7], ['v', 11], ['e', 27],
  ['\\', 92], ["'", 39], ['"', 34], ['`', 96], ['/', 47], ['=', 61]] as const) UNESCAPE[c.charCodeAt(0)] = b;

/** Appends one field (bytes start..end) to a column; false if the field is not plain data of its type. */
export interface FieldSink {
  add(bytes: Uint8Array, start: number, end: number): boolean;
  /** A NULL; false where the column is not Nullable (the row reader decides what that means). */
  addNull(): boolean;
  finish(): Column;
}

function integerSink(type: DataType, capacity: number): FieldSink | undefined {
  const range = RANGES[type.kind];
  if (!range) return undefined;
  const [min, max] = range;
  const big = type.kind === 'UInt64' || type.kind === 'Int64';
  const nb = big ? undefined : new NumberBuilder(type, capacity);
  const bb = big ? new BigIntBuilder(type, capacity) : undefined;
  return {
    add(bytes, start, end) {
      let i = start;
      const negative = bytes[i] === 45;
      if (negative) i++;
      if (i === end || end - i > 15) return false;
      let v = 0;
      for (; i < end; i++) {
        const d = bytes[i]! - 48;
        if (d < 0 || d > 9) return false;
        v = v * 10 + d;
      }
      if (negative) v = -v;
      if (v < min || v > max) return false;
      if (nb) nb.append(v);
      else if (v >= 0) bb!.appendSafe(v);
      else bb!.append(BigInt(v));
      return true;
    },
    addNull: () => false,
    finish: () => (nb ? nb.finish() : bb!.finish()),
  };
}

/** Escaping as TabSeparated has it, none (TSVRaw), or fields taken as they are (CSV, whose reader unquotes). */
export type StringMode = 'escaped' | 'raw' | 'plain';

function stringSink(type: DataType, capacity: number, mode: StringMode): FieldSink {
  const raw = mode !== 'escaped';
  const b = new StringBuilder(type, capacity);
  let scratch = new Uint8Array(256);
  return {
    add(bytes, start, end) {
      if (raw) {
        // The TSV row reader takes `\N` as NULL even in the Raw variants.
        if (mode === 'raw' && end - start === 2 && bytes[start] === BACKSLASH && bytes[start + 1] === 78) return false;
        b.appendBytes(bytes, start, end);
        return true;
      }
      let k = start;
      while (k < end && bytes[k] !== BACKSLASH) k++;
      if (k === end) {
        b.appendBytes(bytes, start, end);
        return true;
      }
      if (scratch.length < end - start) scratch = new Uint8Array(2 * (end - start));
      let n = 0;
      for (let i = start; i < end; i++) {
        const c = bytes[i]!;
        if (c !== BACKSLASH) {
          scratch[n++] = c;
          continue;
        }
        if (i + 1 >= end) return false;
        const u = UNESCAPE[bytes[++i]!]!;
        if (u < 0) return false;
        scratch[n++] = u;
      }
      b.appendBytes(scratch, 0, n);
      return true;
    },
    addNull: () => false,
    finish: () => b.finish(),
  };
}

/** Nullable(T): a null map beside T's column, which takes T's default under a NULL. */
function nullableSink(type: DataType, inner: FieldSink, fill: Uint8Array): FieldSink {
  let nulls = new Uint8Array(1024);
  let count = 0;
  const mark = (isNull: number): void => {
    if (count === nulls.length) {
      const grown = new Uint8Array(nulls.length * 2);
      grown.set(nulls);
      nulls = grown;
    }
    nulls[count++] = isNull;
  };
  return {
    add(bytes, start, end) {
      mark(0);
      return inner.add(bytes, start, end);
    },
    addNull() {
      mark(1);
      return inner.add(fill, 0, fill.length);
    },
    finish: () => new NullableColumn(type, nulls.slice(0, count), inner.finish()),
  };
}

const ZERO = Uint8Array.of(48);
const EMPTY = new Uint8Array(0);

/** The sink of a column type the columnar readers handle: (Nullable) integers and String. */
export function sinkFor(type: DataType, capacity: number, mode: StringMode): FieldSink | undefined {
  if (type.kind === 'String') return stringSink(type, capacity, mode);
  if (type.kind === 'Nullable') {
    const inner = type.inner!.kind === 'String' ? stringSink(type.inner!, capacity, mode) : integerSink(type.inner!, capacity);
    return inner && nullableSink(type, inner, type.inner!.kind === 'String' ? EMPTY : ZERO);
  }
  return integerSink(type, capacity);
}


/** Thrown by a reader's parse loop when the input is for the row reader. */
export const GIVE_UP = Symbol('give up');

/**
 * A reader's frame: a sink per column, the parse loop over them, the block
 * they make; undefined when a column type has no sink or the loop gave up.
 */
export function readIntoColumns(data: Uint8Array, columns: readonly ColumnDef[], mode: StringMode,
  parse: (sinks: FieldSink[]) => void): Block | undefined {
  const capacity = Math.max(1024, Math.min(1 << 20, Math.ceil(data.length / (8 * columns.length))));
  const sinks: FieldSink[] = [];
  for (const c of columns) {
    const s = sinkFor(c.type, capacity, mode);
    if (!s) return undefined;
    sinks.push(s);
  }
  try {
    parse(sinks);
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
  return Block.ofColumns(sinks.map((s) => s.finish()));
}
