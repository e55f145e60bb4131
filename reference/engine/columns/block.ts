// A block: a set of equally long columns, the unit every stage passes on.
// It is built from columns (sources, input formats, storage) or from rows
// (stages that still compute row by row) and converts lazily, each way once,
// so a columnar path never materialises rows and a row path never builds
// columns it does not need.

import type { DataType } from '../types.ts';
import { columnOverheadBytes, lowCardinalityBytes, valueBytes } from '../types.ts';
import type { Column } from './column.ts';
import { columnFromValues, concatColumns } from './builders.ts';

export class Block {
  readonly types: readonly DataType[];
  readonly length: number;
  private cols: Column[] | undefined;
  private rowCache: unknown[][] | undefined;

  private constructor(types: readonly DataType[], length: number, cols: Column[] | undefined, rows: unknown[][] | undefined) {
    this.types = types;
    this.length = length;
    this.cols = cols;
    this.rowCache = rows;
  }

  /** `length` matters for a block of no columns (count() reads rows of no columns). */
  static ofColumns(columns: Column[], length = columns.length ? columns[0]!.length : 0): Block {
    return new Block(columns.map((c) => c.type), length, columns, undefined);
  }

  static ofRows(types: readonly DataType[], rows: unknown[][]): Block {
    return new Block(types, rows.length, undefined, rows);
  }

  static empty(types: readonly DataType[]): Block {
    return new Block(types, 0, undefined, []);
  }

  /** True when the block already holds columns, so reading them costs nothing. */
  get isColumnar(): boolean {
    return this.cols !== undefined;
  }

  get columns(): Column[] {
    if (!this.cols) {
      const rows = this.rowCache!;
      this.cols = this.types.map((t, j) => columnFromValues(t, rows.map((r) => r[j])));
    }
    return this.cols;
  }

  get rows(): unknown[][] {
    if (!this.rowCache) {
      const cols = this.cols!;
      const rows = new Array<unknown[]>(this.length);
      for (let i = 0; i < this.length; i++) {
        const r = new Array<unknown>(cols.length);
        for (let j = 0; j < cols.length; j++) r[j] = cols[j]!.get(i);
        rows[i] = r;
      }
      this.rowCache = rows;
    }
    return this.rowCache;
  }

  slice(start: number, end = this.length): Block {
    end = Math.min(end, this.length);
    if (start === 0 && end === this.length) return this;
    if (this.cols) return new Block(this.types, Math.max(0, end - start), this.cols.map((c) => c.slice(start, end)), this.rowCache?.slice(start, end));
    return new Block(this.types, Math.max(0, end - start), undefined, this.rowCache!.slice(start, end));
  }

  /** Rows at `indexes` (the first `count`), in order. */
  take(indexes: ArrayLike<number>, count: number): Block {
    if (this.cols) return new Block(this.types, count, this.cols.map((c) => c.take(indexes, count)), undefined);
    const rows = this.rowCache!;
    const out = new Array<unknown[]>(count);
    for (let i = 0; i < count; i++) out[i] = rows[indexes[i]!]!;
    return new Block(this.types, count, undefined, out);
  }

  /** The first `width` columns (dropping ORDER BY keys carried behind the select items). */
  narrow(width: number): Block {
    if (width >= this.types.length) return this;
    const types = this.types.slice(0, width);
    if (this.cols) return new Block(types, this.length, this.cols.slice(0, width), undefined);
    return new Block(types, this.length, undefined, this.rowCache!.map((r) => r.slice(0, width)));
  }

  /** Columns picked by index (a projection of plain column references). */
  pick(indexes: readonly number[]): Block {
    const cols = this.columns;
    return Block.ofColumns(indexes.map((i) => cols[i]!), this.length);
  }

  /** The blocks' rows in order, as one columnar block (the blocks share their types). */
  static concat(types: readonly DataType[], blocks: readonly Block[]): Block {
    const length = blocks.reduce((s, b) => s + b.length, 0);
    return Block.ofColumns(types.map((t, j) => concatColumns(t, blocks.map((b) => b.columns[j]!))), length);
  }

  /** read_bytes of the block. */
  byteSize(): number {
    let n = 0;
    if (this.cols) {
      for (const c of this.cols) n += c.byteSize();
      return n;
    }
    const rows = this.rowCache!;
    this.types.forEach((t, j) => {
      const lc = lowCardinalityBytes(t, rows.map((r) => r[j]));
      if (lc !== undefined) {
        n += lc;
        return;
      }
      n += columnOverheadBytes(t);
      for (const r of rows) n += valueBytes(t, r[j]);
    });
    return n;
  }
}

/**
 * Reads a block value by value through one reused row, for stages that
 * evaluate expressions per row; `used` limits which columns are read (the
 * others stay undefined). `fn` must not keep the row.
 */
export function forEachRow(block: Block, fn: (row: unknown[], i: number) => void, used?: readonly boolean[]): void {
  if (!block.isColumnar) {
    const rows = block.rows;
    for (let i = 0; i < rows.length; i++) fn(rows[i]!, i);
    return;
  }
  const all = block.columns;
  const picked = all.map((_, j) => j).filter((j) => !used || used[j]);
  const cols = picked.map((j) => all[j]!);
  const row = new Array<unknown>(all.length);
  for (let i = 0; i < block.length; i++) {
    for (let k = 0; k < cols.length; k++) row[picked[k]!] = cols[k]!.get(i);
    fn(row, i);
  }
}
