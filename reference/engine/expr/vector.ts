// Column-at-a-time evaluation beside the row closures: a compiled expression
// may carry `vec`, which computes its whole result column from the block's
// columns. Column references and constants always have one; a function has
// one when a kernel below covers its argument types and every argument has
// one. Kernels never throw, so evaluating them column by column cannot change
// which error a query reports; everything else runs row by row.

import type { Column } from '../columns/column.ts';
import { BigIntColumn, NumberColumn, StringColumn } from '../columns/column.ts';
import { columnFromValues } from '../columns/builders.ts';
import { ByteWriter } from '../columns/byte-writer.ts';
import type { Compiled } from './compiled.ts';

export type VectorEval = (columns: readonly Column[], length: number) => Column;

const INTEGER_KINDS = new Set(['UInt8', 'UInt16', 'UInt32', 'Int8', 'Int16', 'Int32', 'UInt64', 'Int64']);

/** toString of an integer column: the digits written into one byte buffer. */
function integerToString(arg: Column, type: Compiled['type']): Column | undefined {
  const w = new ByteWriter(arg.length * 8);
  const offsets = new Uint32Array(arg.length + 1);
  if (arg instanceof NumberColumn) {
    const d = arg.data;
    for (let i = 0; i < arg.length; i++) {
      w.int(d[i]!);
      offsets[i + 1] = w.pos;
    }
  } else if (arg instanceof BigIntColumn) {
    const words = arg.words;
    const signed = arg.type.kind === 'Int64';
    for (let i = 0; i < arg.length; i++) {
      if (signed) w.int64(words[2 * i]!, words[2 * i + 1]!);
      else w.uint64(words[2 * i]!, words[2 * i + 1]!);
      offsets[i + 1] = w.pos;
    }
  } else return undefined;
  return new StringColumn(type, w.take(), offsets);
}

type Kernel = (args: Compiled[], result: Compiled) => VectorEval | undefined;

const NUMERIC_KINDS = new Set([...INTEGER_KINDS, 'Float32', 'Float64']);
const numeric = (c: Compiled): boolean => NUMERIC_KINDS.has(c.type.kind);

/** Values as JS numbers or bigints; `<`, `==` between them compare exactly, NaN unequal to all (as the row path). */
function values(c: Column): ArrayLike<number | bigint> {
  if (c instanceof NumberColumn || c instanceof BigIntColumn) return c.data;
  return Array.from({ length: c.length }, (_, i) => c.get(i) as number | bigint);
}

/** A comparison of two numeric columns as a UInt8 column. */
function comparisonKernel(test: (a: number | bigint, b: number | bigint) => boolean): Kernel {
  return (args, result) => {
    if (args.length !== 2 || !args.every(numeric) || result.type.kind !== 'UInt8') return undefined;
    const [x, y] = [args[0]!.vec!, args[1]!.vec!];
    return (cols, n) => {
      const a = values(x(cols, n));
      const b = values(y(cols, n));
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = test(a[i]!, b[i]!) ? 1 : 0;
      return new NumberColumn(result.type, out);
    };
  };
}

/** and/or of non-Nullable integer columns (their truth is != 0) as a UInt8 column. */
function logicalKernel(all: boolean): Kernel {
  return (args, result) => {
    if (!args.every((a) => INTEGER_KINDS.has(a.type.kind) || a.type.kind === 'Bool') || result.type.kind !== 'UInt8') return undefined;
    const vecs = args.map((a) => a.vec!);
    return (cols, n) => {
      const out = new Uint8Array(n).fill(all ? 1 : 0);
      for (const v of vecs) {
        const c = v(cols, n);
        const d = c instanceof NumberColumn || c instanceof BigIntColumn ? c.data : values(c);
        for (let i = 0; i < n; i++) {
          const t = d[i] != 0;
          out[i] = all ? (out[i]! && t ? 1 : 0) : (out[i]! || t ? 1 : 0);
        }
      }
      return new NumberColumn(result.type, out);
    };
  };
}

const KERNELS: Record<string, Kernel> = {
  equals: comparisonKernel((a, b) => a == b),
  notequals: comparisonKernel((a, b) => a != b),
  less: comparisonKernel((a, b) => a < b),
  greater: comparisonKernel((a, b) => a > b),
  lessorequals: comparisonKernel((a, b) => a <= b),
  greaterorequals: comparisonKernel((a, b) => a >= b),
  and: logicalKernel(true),
  or: logicalKernel(false),
  tostring: (args, result) => {
    if (args.length !== 1 || !INTEGER_KINDS.has(args[0]!.type.kind) || result.type.kind !== 'String') return undefined;
    const inner = args[0]!.vec!;
    return (cols, n) => integerToString(inner(cols, n), result.type) ?? columnFromValues(result.type, Array.from({ length: n }, (_, i) => String(inner(cols, n).get(i))));
  },
};

/** The column evaluator of a function call, when a kernel covers it. */
export function vectorCall(name: string, args: Compiled[], result: Compiled): VectorEval | undefined {
  if (result.isConst || !args.every((a) => a.vec)) return undefined;
  return KERNELS[name.toLowerCase()]?.(args, result);
}

export function vectorColumn(index: number): VectorEval {
  return (cols) => cols[index]!;
}
