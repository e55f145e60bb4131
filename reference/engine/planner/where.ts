// WHERE (PREWHERE joins it): a filter of integer, Bool or NULL type; rows
// where it is not true are dropped.

import { EngineError } from '../errors.ts';
import { unwrapNullable } from '../types.ts';
import type { SelectCore } from '../parser/ast.ts';
import { Compiler } from '../expr/compiler.ts';
import type { Compiled, EvalState } from '../expr/compiled.ts';
import type { Blocks, ExecEnv, Source } from './env.ts';
import { performSleep } from './interrupts.ts';
import { forEachRow } from '../columns/block.ts';
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
  const used = source.columns.map((c) => c.used === true);
  return async function* () {
    for await (const b of source.blocks()) {
      if (!where) {
        yield b;
        continue;
      }
      const st: EvalState = { sleepSeconds: 0 };
      const selected = new Uint32Array(b.length);
      let n = 0;
      if (where.vec && b.isColumnar) {
        // A kernel's filter column: the rows where it is not 0.
        const mask = where.vec(b.columns, b.length);
        for (let i = 0; i < b.length; i++) {
          const v = mask.get(i);
          if (v !== null && v !== 0 && v !== 0n && v !== false) selected[n++] = i;
        }
        if (n) yield n === b.length ? b : b.take(selected, n);
        continue;
      }
      forEachRow(b, (r, i) => {
        const v = where.ev(r, st);
        if (v !== null && v !== 0 && v !== 0n && v !== false) selected[n++] = i;
      }, used);
      await performSleep(env, st.sleepSeconds);
      if (n) yield n === b.length ? b : b.take(selected, n);
    }
  };
}
