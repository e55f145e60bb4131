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

const KERNELS: Record<string, Kernel> = {
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
