// Window functions: `f(…) OVER (PARTITION BY … ORDER BY … ROWS|RANGE …)`,
// after WHERE. The rows are read whole, each window's partitions sorted on its
// ORDER BY, and every call's value is appended to its row as a hidden column
// that the select items read in place of the call. Frames as ClickHouse's
// WindowTransform has them: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
// (the row's peers included; without ORDER BY all rows are peers), and in a
// ROWS frame every row is a peer group of its own.
// Each window sorts the rows as the one before left them; they come out in
// the last window's order.

import { EngineError } from '../errors.ts';
import { T, defaultValue } from '../types.ts';
import type { DataType } from '../types.ts';
import type { Expr, FrameBound, SelectCore, WindowSpec } from '../parser/ast.ts';
import { Compiler } from '../expr/compiler.ts';
import type { ScopeColumn } from '../expr/compiler.ts';
import type { Compiled, EvalState } from '../expr/compiled.ts';
import { lookupAggregate } from '../aggregates.ts';
import { convertValue } from '../values/convert.ts';
import { rowKey } from '../values/compare.ts';
import { Block } from '../columns/block.ts';
import type { Blocks, ExecEnv, Source } from './env.ts';
import type { CompileBase } from './expressions.ts';
import { rowComparator } from './order.ts';
import { checkInterrupted } from './interrupts.ts';

type WindowCall = Expr & { t: 'fn'; over: WindowSpec };

const RANKING = new Set(['row_number', 'rank', 'dense_rank']);
const NAVIGATION = new Set(['lagInFrame', 'leadInFrame', 'lag', 'lead', 'first_value', 'last_value']);

/** Window calls of the select items and ORDER BY keys, aliases followed. */
export function windowCalls(exprs: Expr[], aliases: Map<string, Expr>): WindowCall[] {
  const calls: WindowCall[] = [];
  const visit = (e: Expr, seen: Set<string>): void => {
    if (e.t === 'id' && e.parts.length === 1 && aliases.has(e.parts[0]!) && !seen.has(e.parts[0]!)) {
      visit(aliases.get(e.parts[0]!)!, new Set([...seen, e.parts[0]!]));
      return;
    }
    if (e.t !== 'fn') return;
    if (e.over) {
      if (!calls.includes(e as WindowCall)) calls.push(e as WindowCall);
      return;
    }
    e.args.forEach((a) => visit(a, seen));
  };
  for (const e of exprs) visit(e, new Set());
  return calls;
}

export function hasWindow(e: Expr): boolean {
  return e.t === 'fn' && (e.over !== undefined || e.args.some(hasWindow));
}

/** A window with its WINDOW clause base filled in. */
function resolveSpec(spec: WindowSpec, core: SelectCore, scope: string): WindowSpec {
  if (!spec.name) return spec;
  const named = core.windows?.find((w) => w.name === spec.name);
  if (!named) throw new EngineError('BAD_ARGUMENTS', `Window '${spec.name}' is not defined. In scope ${scope}`);
  const base = resolveSpec(named.spec, core, scope);
  return {
    partitionBy: spec.partitionBy.length ? spec.partitionBy : base.partitionBy,
    orderBy: spec.orderBy.length ? spec.orderBy : base.orderBy,
    ...(spec.frame ?? base.frame ? { frame: spec.frame ?? base.frame! } : {}),
  };
}

interface Planned {
  call: WindowCall;
  spec: WindowSpec;
  partition: Compiled[];
  order: Compiled[];
  args: Compiled[];
  type: DataType;
  /** The value over a frame [from, to] (inclusive, may be empty) of row j of a sorted partition. */
  value: (rows: unknown[][], part: number[], j: number, from: number, to: number, peers: Peers, st: EvalState) => unknown;
}

interface Peers {
  start: number[];
  end: number[];
  /** Peer groups before this row's, plus one: dense_rank. */
  group: number[];
}

function constInt(c: Compiled, what: string): number {
  const v = c.constValue;
  if (typeof v !== 'number' && typeof v !== 'bigint') throw new EngineError('BAD_ARGUMENTS', `The ${what} must be a constant integer`);
  return Number(v);
}

function plan(call: WindowCall, core: SelectCore, compiler: Compiler, base: CompileBase): Planned {
  const spec = resolveSpec(call.over, core, base.scope);
  const partition = spec.partitionBy.map((e) => compiler.compile(e));
  const order = spec.orderBy.map((o) => compiler.compile(o.expr));
  const args = call.args.map((a) => compiler.compile(a));
  const planned = { call, spec, partition, order, args };
  const name = call.name;
  if (RANKING.has(name)) {
    const value = name === 'row_number' ? (_r: unknown[][], _p: number[], j: number) => BigInt(j + 1)
      : name === 'rank' ? (_r: unknown[][], _p: number[], j: number, _f: number, _t: number, peers: Peers) => BigInt(peers.start[j]! + 1)
      : (_r: unknown[][], _p: number[], j: number, _f: number, _t: number, peers: Peers) => BigInt(peers.group[j]!);
    return { ...planned, type: T.UInt64, value };
  }
  if (NAVIGATION.has(name)) {
    if (args.length < 1) throw new EngineError('NUMBER_OF_ARGUMENTS_DOESNT_MATCH', `Function ${name} takes at least one argument`);
    const type = args[0]!.type;
    const offset = args[1] ? constInt(args[1], `offset of ${name}`) : 1;
    const fallback = args[2];
    const inFrame = name.endsWith('InFrame');
    const step = name.startsWith('lag') ? -offset : offset;
    const value = (rows: unknown[][], part: number[], j: number, from: number, to: number, _peers: Peers, st: EvalState): unknown => {
      const x = (i: number): unknown => args[0]!.ev(rows[part[i]!]!, st);
      if (name === 'first_value') return from <= to ? x(from) : defaultValue(type);
      if (name === 'last_value') return from <= to ? x(to) : defaultValue(type);
      const target = j + step;
      const [lo, hi] = inFrame ? [from, to] : [0, part.length - 1];
      if (target >= lo && target <= hi) return x(target);
      return fallback ? convertValue(fallback.ev(rows[part[j]!]!, st), fallback.type, type) : defaultValue(type);
    };
    return { ...planned, type, value };
  }
  const def = lookupAggregate(name);
  if (!def) throw new EngineError('UNKNOWN_AGGREGATE_FUNCTION', `Aggregate function with name '${name}' does not exist. In scope ${base.scope}`);
  const params = (call.params ?? []).map((p) => new Compiler({ ...base, columns: [] }).compile(p).constValue);
  const types = args.map((a) => a.type);
  const value = (rows: unknown[][], part: number[], _j: number, from: number, to: number, _peers: Peers, st: EvalState): unknown => {
    const state = def.create(types, params);
    for (let i = from; i <= to; i++) {
      const vals = args.map((a) => a.ev(rows[part[i]!]!, st));
      if (!def.keepNulls && vals.some((v) => v === null)) continue;
      state.add(vals);
    }
    return state.result();
  };
  return { ...planned, type: def.type(types, params), value };
}

/** Where a frame bound falls in a sorted partition, for row j. */
function boundIndex(b: FrameBound, isStart: boolean, units: 'ROWS' | 'RANGE', j: number, m: number, peers: Peers,
  keys: unknown[][], desc: boolean, offset: number): number {
  if (b.kind === 'unbounded') return b.preceding ? 0 : m - 1;
  if (units === 'ROWS') return b.kind === 'current' ? j : b.preceding ? j - offset : j + offset;
  if (b.kind === 'current') return isStart ? peers.start[j]! : peers.end[j]!;
  // RANGE n PRECEDING/FOLLOWING: rows whose key is within n of this row's, in the sort's direction.
  const key = (i: number): number => Number(keys[i]![0]);
  const limit = key(j) + (b.preceding ? -offset : offset) * (desc ? -1 : 1);
  const inside = (i: number): boolean => (desc ? (isStart ? key(i) <= limit : key(i) >= limit) : (isStart ? key(i) >= limit : key(i) <= limit));
  if (isStart) {
    let i = 0;
    while (i < m && !inside(i)) i++;
    return i;
  }
  let i = m - 1;
  while (i >= 0 && !inside(i)) i--;
  return i;
}

/** The window stage over a query's rows: undefined when the query has no window function. */
export function windowStage(core: SelectCore, selectExprs: Expr[], source: Source, base: CompileBase, rows: Blocks, env: ExecEnv): { source: Source; rows: Blocks } | undefined {
  const compiler = new Compiler({ ...base, columns: source.columns, aggregateContext: 'inside a window function' });
  const w = planWindows(core, selectExprs, compiler, base, source.columns.map((c) => c.type), env);
  if (!w) return undefined;
  const columns: ScopeColumn[] = [...source.columns, ...w.types.slice(source.columns.length).map((type, i) => ({ name: `\u0002window${i}`, type, tables: [], hidden: true }))];
  return { source: { ...source, columns }, rows: w.run(rows) };
}

/**
 * Window functions over rows of `inputTypes` (a query's rows, or its groups with `compiler` the
 * one over them): each call is registered to read its value behind the row, and `run` appends them.
 */
export function planWindows(core: SelectCore, selectExprs: Expr[], compiler: Compiler, base: CompileBase, inputTypes: readonly DataType[], env: ExecEnv):
  { types: DataType[]; run: (rows: Blocks) => Blocks } | undefined {
  const calls = windowCalls([...selectExprs, ...(core.orderBy ?? []).map((o) => o.expr)], base.aliases);
  if (calls.length === 0) return undefined;
  const planned = calls.map((c) => plan(c, core, compiler, base));
  const width = inputTypes.length;
  planned.forEach((p, i) => base.precomputed.set(p.call, { type: p.type, ev: (row) => row[width + i] }));
  const types = [...inputTypes, ...planned.map((p) => p.type)];

  const offsets = planned.map((p) => {
    const f = p.spec.frame;
    const off = (b: FrameBound): number => (b.kind === 'offset' ? constInt(compiler.compile(b.offset!), 'frame offset') : 0);
    if (f?.units === 'RANGE' && (f.start.kind === 'offset' || f.end.kind === 'offset')) {
      const t = p.order[0]?.type;
      if (p.order.length !== 1 || !t) throw new EngineError('BAD_ARGUMENTS', `The RANGE OFFSET window frame requires exactly one ORDER BY column, ${p.order.length} given`);
      if (t.kind === 'String') throw new EngineError('NOT_IMPLEMENTED', "The RANGE OFFSET frame for 'DB::ColumnString' ORDER BY column is not implemented");
    }
    return f ? [off(f.start), off(f.end)] as const : [0, 0] as const;
  });

  return {
    types,
    run: (rows) => async function* () {
      const all: unknown[][] = [];
      for await (const b of rows()) for (const r of b.rows) all.push(r);
      checkInterrupted(env);
      const st: EvalState = { sleepSeconds: 0 };
      const results = planned.map(() => new Array<unknown>(all.length));
      // Each window reads the rows in the order the one before it left them (the input's, first).
      let order = all.map((_, i) => i);
      planned.forEach((p, w) => {
        const partKeys = all.map((r) => p.partition.map((c) => c.ev(r, st)));
        const orderKeys = all.map((r) => p.order.map((c) => c.ev(r, st)));
        const byOrder = rowComparator(p.spec.orderBy, 0);
        const parts = new Map<string, number[]>();
        order.forEach((i) => {
          const k = rowKey(partKeys[i]!);
          const list = parts.get(k);
          if (list) list.push(i);
          else parts.set(k, [i]);
        });
        const byPartition = rowComparator(p.spec.partitionBy.map((expr) => ({ expr, desc: false })), 0);
        const sorted: number[][] = [...parts.values()].map((part) => part.sort((a, b) => byOrder(orderKeys[a]!, orderKeys[b]!)))
          .sort((a, b) => byPartition(partKeys[a[0]!]!, partKeys[b[0]!]!));
        order = sorted.flat();
        // The default frame: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (without ORDER BY every row is a peer: the whole partition).
        const frame = p.spec.frame ?? { units: 'RANGE' as const, start: { kind: 'unbounded' as const, preceding: true }, end: { kind: 'current' as const, preceding: false } };
        const desc = p.spec.orderBy[0]?.desc ?? false;
        for (const part of sorted) {
          const m = part.length;
          const keys = part.map((i) => orderKeys[i]!);
          const peers: Peers = { start: new Array(m), end: new Array(m), group: new Array(m) };
          for (let j = 0, group = 0; j < m; j++) {
            // In a ROWS frame every row is a peer group of its own (rank() is then row_number()).
            const same = frame.units !== 'ROWS' && j > 0 && byOrder(keys[j]!, keys[j - 1]!) === 0;
            if (!same) group++;
            peers.start[j] = same ? peers.start[j - 1]! : j;
            peers.group[j] = group;
          }
          for (let j = m - 1; j >= 0; j--) peers.end[j] = j < m - 1 && peers.start[j + 1] === peers.start[j] ? peers.end[j + 1]! : j;
          for (let j = 0; j < m; j++) {
            const from = Math.max(0, boundIndex(frame.start, true, frame.units, j, m, peers, keys, desc, offsets[w]![0]));
            const to = Math.min(m - 1, boundIndex(frame.end, false, frame.units, j, m, peers, keys, desc, offsets[w]![1]));
            results[w]![part[j]!] = p.value(all, part, j, from, to, peers, st);
          }
        }
      });
      const out = order.map((i) => [...all[i]!, ...results.map((r) => r[i])]);
      const blockSize = Math.max(1, Number(env.settings.get('max_block_size')) || 65409);
      for (let i = 0; i < out.length; i += blockSize) yield Block.ofRows(types, out.slice(i, i + blockSize));
    },
  };
}
