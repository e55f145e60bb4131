// GROUP BY and aggregate functions: the group keys (positional or by alias)
// and every aggregate call the select items, HAVING and ORDER BY use, folded
// per group; after grouping, expressions read only keys and aggregates.

import { EngineError } from '../errors.ts';
import type { Expr, SelectCore } from '../parser/ast.ts';
import { columnName } from '../parser/format.ts';
import { Compiler, isAggregateCall } from '../expr/compiler.ts';
import type { Compiled, EvalState } from '../expr/compiled.ts';
import { lookupAggregate } from '../aggregates.ts';
import type { AggregateState } from '../aggregates.ts';
import { rowKey } from '../values/compare.ts';
import type { Blocks, ExecEnv, Source } from './env.ts';
import { checkInterrupted, performSleep } from './interrupts.ts';
import { orderTarget, positional } from './expressions.ts';
import type { CompileBase } from './expressions.ts';
import type { Projection } from './projection.ts';
import type { DataType } from '../types.ts';
import { Block, forEachRow } from '../columns/block.ts';

/** Aggregate calls used anywhere after grouping, aliases followed (each once per alias chain). */
function aggregateCalls(exprs: Expr[], aliases: Map<string, Expr>): (Expr & { t: 'fn' })[] {
  const calls: (Expr & { t: 'fn' })[] = [];
  const collect = (e: Expr, seen: Set<string>): void => {
    if (e.t === 'id' && e.parts.length === 1 && aliases.has(e.parts[0]!) && !seen.has(e.parts[0]!)) {
      const s2 = new Set(seen);
      s2.add(e.parts[0]!);
      collect(aliases.get(e.parts[0]!)!, s2);
      return;
    }
    if (e.t !== 'fn') return;
    if (isAggregateCall(e)) {
      if (!calls.some((a) => columnName(a) === columnName(e))) calls.push(e);
      return;
    }
    e.args.forEach((a) => collect(a, seen));
  };
  for (const e of exprs) collect(e, new Set());
  return calls;
}

/** The projection over the groups and the groups' rows: keys, then aggregate results. */
/**
 * `beforeProjection` sees the compiler over the grouped rows (keys, then aggregates, of `groupTypes`)
 * before the select items are compiled: window functions over the groups hook in there.
 */
export function aggregate(core: SelectCore, selectExprs: Expr[], source: Source, base: CompileBase, rows: Blocks, env: ExecEnv,
  beforeProjection?: (compiler: Compiler, groupTypes: DataType[]) => void): Projection & { rows: Blocks } {
  const aliases = base.aliases;
  const rowCompiler = new Compiler({ ...base, columns: source.columns });
  const keyExprs = (core.groupBy ?? []).map((g) => {
    const target = positional(g, selectExprs);
    if (target) return target;
    if (g.t === 'id' && g.parts.length === 1 && aliases.has(g.parts[0]!)) return aliases.get(g.parts[0]!)!;
    return g;
  });
  const keys = keyExprs.map((k) => rowCompiler.compile(k));
  const keyNames = keyExprs.map((k) => columnName(k));
  const calls = aggregateCalls([...selectExprs, ...(core.having ? [core.having] : []), ...(core.orderBy ?? []).map((o) => o.expr)], aliases);
  const argCompiler = new Compiler({ ...base, columns: source.columns, aggregateContext: 'inside another aggregate function' });
  const aggs = calls.map((call) => {
    let name = call.name;
    if (call.distinct) {
      if (name.toLowerCase() === 'count') name = 'uniqExact';
      else throw new EngineError('NOT_IMPLEMENTED', `DISTINCT is supported only for count in this engine`);
    }
    const def = lookupAggregate(name)!;
    const argsC = call.args.filter((a) => !(a.t === 'star')).map((a) => argCompiler.compile(a));
    if (argsC.length < def.minArgs || argsC.length > def.maxArgs) {
      throw new EngineError('NUMBER_OF_ARGUMENTS_DOESNT_MATCH', `Aggregate function ${call.name} requires ${def.minArgs === def.maxArgs ? def.minArgs : `${def.minArgs} to ${def.maxArgs}`} argument${def.maxArgs === 1 ? '' : 's'}`);
    }
    const params = (call.params ?? []).map((p) => new Compiler({ ...base, columns: [] }).compile(p).constValue);
    const types = argsC.map((a) => a.type);
    const type = def.type(types, params);
    return { def, args: argsC, params, types, type, key: columnName(call) };
  });
  const nKeys = keys.length;
  const override = (e: Expr, k: string): Compiled | undefined => {
    const ki = keyNames.indexOf(k);
    if (ki >= 0) return { type: keys[ki]!.type, ev: (row) => row[ki] };
    if (e.t === 'fn' && isAggregateCall(e)) {
      const ai = aggs.findIndex((a) => a.key === k);
      if (ai >= 0) return { type: aggs[ai]!.type, ev: (row) => row[nKeys + ai] };
    }
    return undefined;
  };
  const postCompiler = new Compiler({ ...base, columns: source.columns, override, onlyOverride: true });
  beforeProjection?.(postCompiler, [...keys.map((k) => k.type), ...aggs.map((a) => a.type)]);
  const projections = selectExprs.map((e) => postCompiler.compile(e));
  const having = core.having ? postCompiler.compile(core.having) : undefined;
  const orderKeys = (core.orderBy ?? []).map((o) => postCompiler.compile(orderTarget(o.expr, selectExprs)));
  const grouped = core.groupBy !== undefined && core.groupBy.length > 0;
  const outTypes = [...keys.map((k) => k.type), ...aggs.map((a) => a.type)];
  const used = source.columns.map((c) => c.used === true);
  const groupRows = async function* (): AsyncGenerator<Block> {
    const groups = new Map<string, { keys: unknown[]; states: AggregateState[] }>();
    const newStates = (): AggregateState[] => aggs.map((a) => a.def.create(a.types, a.params));
    if (!grouped) groups.set('', { keys: [], states: newStates() });
    for await (const b of rows()) {
      const st: EvalState = { sleepSeconds: 0 };
      forEachRow(b, (r) => {
        let g;
        if (grouped) {
          const kv = keys.map((k) => k.ev(r, st));
          const key = rowKey(kv);
          g = groups.get(key);
          if (!g) {
            g = { keys: kv, states: newStates() };
            groups.set(key, g);
          }
        } else {
          g = groups.get('')!;
        }
        for (let i = 0; i < aggs.length; i++) {
          const a = aggs[i]!;
          const vals = a.args.map((c) => c.ev(r, st));
          if (!a.def.keepNulls && vals.some((v) => v === null)) continue;
          g.states[i]!.add(vals);
        }
      }, used);
      await performSleep(env, st.sleepSeconds);
      checkInterrupted(env);
    }
    const out: unknown[][] = [];
    for (const g of groups.values()) out.push([...g.keys, ...g.states.map((s) => s.result())]);
    yield Block.ofRows(outTypes, out);
  };
  return { projections, orderKeys, ...(having ? { having } : {}), rows: groupRows };
}
