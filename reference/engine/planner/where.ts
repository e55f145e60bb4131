// WHERE (PREWHERE joins it): a filter of integer, Bool or NULL type; rows
// where it is not true are dropped.

import { EngineError } from '../errors.ts';
import { unwrapNullable } from '../types.ts';
import type { SelectCore } from '../parser/ast.ts';
import { Compiler } from '../expr/compiler.ts';
import type { Compiled, EvalState } from '../expr/compiled.ts';
import type { Blocks, ExecEnv, Source } from './env.ts';
import { performSleep } from './interrupts.ts';
import type { CompileBase } from './expressions.ts';

export function compileWhere(core: SelectCore, source: Source, base: CompileBase): Compiled | undefined {
  if (!core.where) return undefined;
  const where = new Compiler({ ...base, columns: source.columns, aggregateContext: 'in WHERE' }).compile(core.where);
  const wt = unwrapNullable(where.type);
  if (!(wt.kind.includes('Int') || wt.kind === 'Bool' || wt.kind === 'Nothing')) {
    throw new EngineError('ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER', `Invalid type for filter in WHERE: ${where.type.name}`);
  }
  return where;
}

export function filterRows(source: Source, where: Compiled | undefined, env: ExecEnv): Blocks {
  return async function* () {
    for await (const b of source.blocks()) {
      if (!where) {
        yield b;
        continue;
      }
      const st: EvalState = { sleepSeconds: 0 };
      const out = b.filter((r) => {
        const v = where.ev(r, st);
        return v !== null && v !== 0 && v !== 0n && v !== false;
      });
      await performSleep(env, st.sleepSeconds);
      if (out.length) yield out;
    }
  };
}
