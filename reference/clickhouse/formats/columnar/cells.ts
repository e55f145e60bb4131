// Writers of one column's cells into a ByteWriter. Integers and strings
// that need no escaping are written from the typed arrays and byte buffers;
// every other value goes through the format's own per-value function, so
// the bytes are the same as the row-by-row path's.

import { BigIntColumn, NullableColumn, NumberColumn, StringColumn } from '../../../engine/columns/column.ts';
import type { Column } from '../../../engine/columns/column.ts';
import type { ByteWriter } from '../../../engine/columns/byte-writer.ts';

export type CellWriter = (w: ByteWriter, i: number) => void;

const INTEGER_KINDS = new Set(['UInt8', 'UInt16', 'UInt32', 'Int8', 'Int16', 'Int32']);

/** Integers of every width as decimal digits; undefined for other columns. */
export function integerCells(c: Column, quote64 = false): CellWriter | undefined {
  if (c instanceof NumberColumn && INTEGER_KINDS.has(c.type.kind)) {
    const data = c.data;
    return (w, i) => w.int(data[i]!);
  }
  if (c instanceof BigIntColumn) {
    const words = c.words;
    const signed = c.type.kind === 'Int64';
    const put = signed ? (w: ByteWriter, i: number) => w.int64(words[2 * i]!, words[2 * i + 1]!) : (w: ByteWriter, i: number) => w.uint64(words[2 * i]!, words[2 * i + 1]!);
    if (!quote64) return put;
    return (w, i) => {
      w.byte(34);
      put(w, i);
      w.byte(34);
    };
  }
  return undefined;
}

/**
 * String cells copied as bytes when none of `special` occurs in them (a
 * 256-entry table of bytes needing escapes), else through `slow`.
 */
export function stringCells(c: Column, special: Uint8Array, slow: (w: ByteWriter, value: string) => void, quote?: number): CellWriter | undefined {
  if (!(c instanceof StringColumn)) return undefined;
  const { bytes, offsets } = c;
  return (w, i) => {
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    // Copy while checking; on a byte that needs escaping nothing was written yet (pos is unchanged).
    w.ensure(e - s + 2);
    const buf = w.buf;
    let at = w.pos;
    if (quote !== undefined) buf[at++] = quote;
    for (let k = s; k < e; k++) {
      const b = bytes[k]!;
      if (special[b]) {
        slow(w, c.get(i) as string);
        return;
      }
      buf[at++] = b;
    }
    if (quote !== undefined) buf[at++] = quote;
    w.pos = at;
  };
}

/** Nullable over a fast inner writer: the NULL text where the null map says so. */
export function nullableCells(c: Column, inner: (c: Column) => CellWriter | undefined, nullText: string): CellWriter | undefined {
  if (!(c instanceof NullableColumn)) return undefined;
  const put = inner(c.inner);
  if (!put) return undefined;
  const nulls = c.nulls;
  return (w, i) => (nulls[i] ? w.latin1(nullText) : put(w, i));
}

/**
 * A text format's cells: its fast writers where they apply (also under a
 * null map, where the format's NULL text fills in), else its per-value text.
 */
export function textCells(fast: (c: Column) => CellWriter | undefined, nullText: string,
  text: (c: Column, value: unknown) => string): (c: Column) => CellWriter {
  return (c) => fast(c) ?? nullableCells(c, fast, nullText) ?? genericCells(c, (v) => text(c, v));
}

/** Any column, value by value through the format's text function. */
export function genericCells(c: Column, text: (value: unknown) => string): CellWriter {
  return (w, i) => w.utf8(text(c.get(i)));
}

/** A table of the bytes in `chars` (and, with `controls`, every byte below 0x20). */
export function byteSet(chars: string, controls = false): Uint8Array {
  const t = new Uint8Array(256);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  if (controls) for (let b = 0; b < 0x20; b++) t[b] = 1;
  return t;
}
