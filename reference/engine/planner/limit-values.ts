// LIMIT, OFFSET and table-function arguments: constant non-negative integers.

import { EngineError } from '../errors.ts';
import { toNum } from '../values/convert.ts';
import type { Expr } from '../parser/ast.ts';
import { columnName } from '../parser/format.ts';
import { Compiler } from '../expr/compiler.ts';
import type { ExecEnv } from './env.ts';

/** Positive integer from a LIMIT/OFFSET expression. */
export function constNumber(e: Expr, env: ExecEnv, what: string): number {
  const c = new Compiler({ env: env.fenv, columns: [], aliases: new Map(), scope: '', precomputed: new Map() }).compile(e);
  if (!c.isConst) throw new EngineError('INVALID_LIMIT_EXPRESSION', `The value ${columnName(e)} of ${what} expression is not constant`);
  const v = toNum(c.constValue);
  if (!Number.isInteger(v) || v < 0) {
    throw new EngineError('INVALID_LIMIT_EXPRESSION', `The value ${columnName(e)} of ${what} expression is not representable as UInt64`);
  }
  return v;
}
