// TabSeparated input parsed straight from the body's bytes into columns:
// integers accumulated from digits, strings copied (unescaped where needed)
// into one byte buffer. It covers well-formed data of the common types; on
// anything else it gives up (undefined) and the row reader in
// ../tab-separated.ts parses the text again, so errors, wrap-around and rare
// escapes keep exactly that reader's behavior.

import { isUtf8 } from 'node:buffer';
import type { ColumnDef } from '../../../engine/api.ts';
import { Block } from '../../../engine/columns/block.ts';
import { BigIntBuilder, NumberBuilder, StringBuilder } from '../../../engine/columns/builders.ts';
import { NullableColumn } from '../../../engine/columns/column.ts';
import type { Column } from '../../../engine/columns/column.ts';
import type { DataType } from '../../../engine/types.ts';
import type { FormatContext } from '../types.ts';

const TAB = 9;
const LF = 10;
const BACKSLASH = 92;
const GIVE_UP = Symbol('give up');

const RANGES: Record<string, [number, number]> = {
  UInt8: [0, 255], UInt16: [0, 65535], UInt32: [0, 4294967295], UInt64: [0, Number.MAX_SAFE_INTEGER],
  Int8: [-128, 127], Int16: [-32768, 32767], Int32: [-2147483648, 2147483647], Int64: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

// Escapes readEscapedString turns into one byte; others go to the row reader.
const UNESCAPE = new Int16Array(256).fill(-1);
for (const [c, b] of [['b', 8], ['f', 12], ['n', 10], ['r', 13], ['t', 9], ['0', 0], ['a', 7], ['v', 11], ['e', 27],
  ['\\', 92], ["'", 39], ['"', 34], ['`', 96], ['/', 47], ['=', 61]] as const) UNESCAPE[c.charCodeAt(0)] = b;

/** Appends one field (bytes start..end) to a column; false if the field is not plain data of its type. */
interface FieldSink {
  add(bytes: Uint8Array, start: number, end: number): boolean;
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
    finish: () => (nb ? nb.finish() : bb!.finish()),
  };
}

function stringSink(type: DataType, capacity: number, raw: boolean): FieldSink {
  const b = new StringBuilder(type, capacity);
  let scratch = new Uint8Array(256);
  return {
    add(bytes, start, end) {
      if (raw) {
        // The row reader takes `\N` as NULL even in the Raw variants.
        if (end - start === 2 && bytes[start] === BACKSLASH && bytes[start + 1] === 78) return false;
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
    finish: () => b.finish(),
  };
}

/** Nullable(T): `\N` is NULL (the inner column takes T's default there). */
function nullableSink(type: DataType, inner: FieldSink, fill: Uint8Array): FieldSink {
  let nulls = new Uint8Array(1024);
  let count = 0;
  return {
    add(bytes, start, end) {
      if (count === nulls.length) {
        const grown = new Uint8Array(nulls.length * 2);
        grown.set(nulls);
        nulls = grown;
      }
      if (end - start === 2 && bytes[start] === BACKSLASH && bytes[start + 1] === 78) {
        nulls[count++] = 1;
        return inner.add(fill, 0, fill.length);
      }
      nulls[count++] = 0;
      return inner.add(bytes, start, end);
    },
    finish: () => new NullableColumn(type, nulls.slice(0, count), inner.finish()),
  };
}

const ZERO = Uint8Array.of(48);
const EMPTY = new Uint8Array(0);

function sinkFor(type: DataType, capacity: number, raw: boolean): FieldSink | undefined {
  if (type.kind === 'String') return stringSink(type, capacity, raw);
  if (type.kind === 'Nullable') {
    const inner = type.inner!.kind === 'String' ? stringSink(type.inner!, capacity, raw) : integerSink(type.inner!, capacity);
    return inner && nullableSink(type, inner, type.inner!.kind === 'String' ? EMPTY : ZERO);
  }
  return integerSink(type, capacity);
}

/**
 * The block for `data`, or undefined when the row reader must decide: other
 * column types, settings that change the text, invalid UTF-8 (the row reader
 * decodes it lossily), or a field that is not plain data of its type.
 */
export function readTsvBlock(data: Buffer, columns: readonly ColumnDef[], ctx: FormatContext, raw: boolean): Block | undefined {
  if (Number(ctx.settings.get('input_format_tsv_skip_first_lines')) > 0 || ctx.settings.get('input_format_tsv_empty_as_default')
    || String(ctx.settings.get('format_tsv_null_representation')) !== '\\N' || columns.length === 0) return undefined;
  if (!isUtf8(data)) return undefined;
  const capacity = Math.max(1024, Math.min(1 << 20, Math.ceil(data.length / (8 * columns.length))));
  const sinks: FieldSink[] = [];
  for (const c of columns) {
    const s = sinkFor(c.type, capacity, raw);
    if (!s) return undefined;
    sinks.push(s);
  }
  try {
    parse(data, sinks);
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
  return Block.ofColumns(sinks.map((s) => s.finish()));
}

function parse(data: Uint8Array, sinks: FieldSink[]): void {
  const n = data.length;
  const last = sinks.length - 1;
  let pos = 0;
  while (pos < n) {
    for (let j = 0; j <= last; j++) {
      let end = pos;
      // As the row reader splits: a backslash keeps the next byte from ending
      // the line, but every tab ends a field.
      while (end < n) {
        const c = data[end]!;
        if (c === TAB || c === LF) break;
        end += c === BACKSLASH && data[end + 1] !== TAB ? 2 : 1;
      }
      if (end > n) throw GIVE_UP;
      const delimiter = end < n ? data[end] : LF;
      if (delimiter !== (j === last ? LF : TAB)) throw GIVE_UP;
      if (!sinks[j]!.add(data, pos, end)) throw GIVE_UP;
      pos = end + 1;
    }
  }
}
