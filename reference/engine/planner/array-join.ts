// ARRAY JOIN and arrayJoin(): the source unfolded on the first array, one
// row per element, and every arrayJoin() call of the query reading that
// element column.

import { EngineError } from '../errors.ts';
import { unwrapNullable } from '../types.ts';
import type { Expr, SelectCore } from '../parser/ast.ts';
import { columnName } from '../parser/format.ts';
import { Compiler } from '../expr/compiler.ts';
import type { ScopeColumn } from '../expr/compiler.ts';
import type { EvalState } from '../expr/compiled.ts';
import type { ExecEnv, Source } from './env.ts';
import { performSleep } from './interrupts.ts';
import { Block } from '../columns/block.ts';
import { findArrayJoin } from './expressions.ts';
import type { CompileBase } from './expressions.ts';

/**
 * The source with the array's elements joined on, or the source itself
 * when the query joins no array. ARRAY JOIN items become aliases of their
 * arrayJoin() calls, and `base` learns to read the element column.
 */
export function arrayJoin(core: SelectCore, selectExprs: Expr[], source: Source, base: CompileBase, env: ExecEnv): Source {
  const aliases = base.aliases;
  const calls: (Expr & { t: 'fn' })[] = [];
  for (const e of [...selectExprs, ...(core.arrayJoin ?? [])]) {
    const f = e.t === 'fn' && e.name === 'arrayJoin' ? e : findArrayJoin(e);
    if (f && !calls.some((x) => columnName(x) === columnName(f))) calls.push(f);
  }
  if (core.arrayJoin) {
    for (const item of core.arrayJoin) {
      const call: Expr & { t: 'fn' } = { t: 'fn', name: 'arrayJoin', args: [{ ...item, alias: undefined } as Expr] };
      calls.push(call);
      const name = item.alias ?? (item.t === 'id' ? item.parts.join('.') : columnName(item));
      aliases.set(name, call);
    }
  }
  if (calls.length === 0) return source;
  const aj = calls[0]!;
  const argC = new Compiler({ ...base, columns: source.columns }).compile(aj.args[0]!);
  const at = unwrapNullable(argC.type);
  if (at.kind !== 'Array') throw new EngineError('TYPE_MISMATCH', `Argument for function arrayJoin must be Array. In scope ${base.scope}`);
  const key = columnName(aj);
  const elemCol: ScopeColumn = { name: `__arrayJoin_${key}`, type: at.inner!, tables: [] };
  const joined: Source = {
    columns: [...source.columns, elemCol],
    blocks: async function* () {
      for await (const b of source.blocks()) {
        const out: unknown[][] = [];
        const st: EvalState = { sleepSeconds: 0 };
        for (const r of b.rows) {
          const arr = (argC.ev(r, st) as unknown[] | null) ?? [];
          for (const v of arr) out.push([...r, v]);
        }
        await performSleep(env, st.sleepSeconds);
        if (out.length) yield Block.ofRows(joined.columns.map((c) => c.type), out);
      }
    },
  };
  const idx = joined.columns.length - 1;
  const joinedKeys = new Set(calls.map((x) => columnName(x)));
  base.override = (e, k) =>
    e.t === 'fn' && e.name === 'arrayJoin' && joinedKeys.has(k) ? { type: elemCol.type, ev: (row) => row[idx] } : undefined;
  return joined;
}
