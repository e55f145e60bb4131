// RowBinary bodies from columns (../row-binary.ts is the definition): fixed
// widths copied from the typed arrays' little-endian bytes, strings as a
// LEB128 length and their bytes.

import type { Block } from '../../../engine/columns/block.ts';
import { BigIntColumn, NullableColumn, NumberColumn, StringColumn } from '../../../engine/columns/column.ts';
import type { Column } from '../../../engine/columns/column.ts';
import { ByteWriter } from '../../../engine/columns/byte-writer.ts';
import type { CellWriter } from './cells.ts';

type Fallback = (c: Column) => CellWriter;

function fixedCells(c: Column): CellWriter | undefined {
  if (!(c instanceof NumberColumn || c instanceof BigIntColumn)) return undefined;
  const width = c.data.BYTES_PER_ELEMENT;
  const bytes = new Uint8Array(c.data.buffer, c.data.byteOffset, c.data.byteLength);
  return (w, i) => w.bytes(bytes, i * width, (i + 1) * width);
}

function stringCells(c: Column): CellWriter | undefined {
  if (!(c instanceof StringColumn)) return undefined;
  const { bytes, offsets } = c;
  return (w, i) => {
    w.varint(offsets[i + 1]! - offsets[i]!);
    w.bytes(bytes, offsets[i]!, offsets[i + 1]!);
  };
}

function cellsOf(c: Column, fallback: Fallback): CellWriter {
  const fast = (x: Column): CellWriter | undefined => fixedCells(x) ?? stringCells(x);
  const direct = fast(c);
  if (direct) return direct;
  if (c instanceof NullableColumn) {
    const inner = fast(c.inner);
    if (inner) {
      const nulls = c.nulls;
      return (w, i) => {
        w.byte(nulls[i] ? 1 : 0);
        if (!nulls[i]) inner(w, i);
      };
    }
  }
  return fallback(c);
}

/** `fallback` writes one value the row-by-row way (as latin1 bytes). */
export function rowBinaryBlockWriter(fallback: Fallback): (block: Block) => Buffer {
  const writer = new ByteWriter(1 << 16);
  return (block) => {
    const cols = block.columns;
    const w = writer;
    if (cols.length === 1 && (cols[0] instanceof NumberColumn || cols[0] instanceof BigIntColumn)) {
      // One fixed-width column: its memory is the body.
      const d = cols[0].data;
      return Buffer.from(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
    }
    const cells = cols.map((c) => cellsOf(c, fallback));
    const n = block.length;
    for (let i = 0; i < n; i++) for (let j = 0; j < cells.length; j++) cells[j]!(w, i);
    return w.take();
  };
}
