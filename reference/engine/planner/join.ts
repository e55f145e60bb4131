// JOIN: the right side read whole into a hash table on the equality keys of
// ON (or the USING columns), the left side streamed through it. Conditions
// that are not `left key = right key` filter the matched pairs; an ON without
// such keys (`ON 1`, `t1.a < t2.a`, an OR) pairs every row (a nested loop).
// Rows without a partner get their columns' defaults, or NULL under
// join_use_nulls (in types that can be inside Nullable). The joined columns
// keep what ClickHouse's analyzer needs for names: which table each comes
// from and what it can be qualified with.

import { EngineError } from '../errors.ts';
import { canBeInsideNullable, defaultValue, nullable, unwrapNullable } from '../types.ts';
import type { DataType } from '../types.ts';
import type { Expr, JoinExpr, TableExpr } from '../parser/ast.ts';
import { formatExpr, formatQuery, joinCondition, joinWords } from '../parser/format.ts';
import { Compiler } from '../expr/compiler.ts';
import type { ScopeColumn } from '../expr/compiler.ts';
import type { Compiled, EvalState } from '../expr/compiled.ts';
import { convertValue, leastSupertype } from '../values/convert.ts';
import { compareValues, rowKey } from '../values/compare.ts';
import { Block } from '../columns/block.ts';
import type { ExecEnv, Source } from './env.ts';
import type { CompileBase } from './expressions.ts';
import { checkInterrupted } from './interrupts.ts';

/** A table expression of a join, as names bind to it. */
export interface JoinTable {
  alias?: string;
  db?: string;
  table?: string;
  /** What `*` qualifies a clashing name with: [alias], or [database, table]. */
  qualification: string[];
  /** Its columns' names. */
  columns: Set<string>;
}

/** The tables of a join tree (left to right) and the joins between them. */
export interface JoinScope {
  tables: JoinTable[];
  /** Per join, its text in messages and its USING names. */
  joins: { text: string; using: string[]; kind: JoinExpr['kind'] }[];
}

export type ResolveTable = (te: TableExpr) => Promise<Source>;

export function tableOf(te: TableExpr, columns: ScopeColumn[], database: string): JoinTable {
  const names = new Set(columns.filter((c) => !c.hidden).map((c) => c.name));
  if (te.t === 'table') {
    const db = te.db ?? database;
    return { ...(te.alias ? { alias: te.alias } : {}), db, table: te.name, qualification: te.alias ? [te.alias] : [db, te.name], columns: names };
  }
  return { ...(te.alias ? { alias: te.alias } : {}), qualification: te.alias ? [te.alias] : [], columns: names };
}


/** ` INNER JOIN ... ON t1.a = t2.a`: how ClickHouse names a join node in its messages. */
function joinText(j: JoinExpr): string {
  const cond = joinCondition(j);
  return `${joinWords(j)} ...${cond ? ` ${cond}` : ''}`;
}

function requireAlias(j: JoinExpr, side: TableExpr, env: ExecEnv, scope: string): void {
  if (side.t !== 'sub' && side.t !== 'func') return;
  if (side.alias !== undefined || !env.settings.get('joined_subquery_requires_alias')) return;
  const text = side.t === 'sub' ? formatQuery(side.query) : `${side.name}(${side.args.map((a) => formatExpr(a)).join(', ')})`;
  throw new EngineError('ALIAS_REQUIRED', `JOIN  ${joinText(j)} no alias for subquery or table function ${text}. In scope ${scope} (set joined_subquery_requires_alias = 0 to disable restriction).`);
}

/** Which sides an expression reads: compiled against copies of the columns, whose `used` marks tell. */
function sidesOf(e: Expr, base: CompileBase, columns: ScopeColumn[], leftWidth: number): { left: boolean; right: boolean } {
  const copies = columns.map((c) => ({ ...c, used: false }));
  new Compiler({ ...base, columns: copies }).compile(e);
  return { left: copies.slice(0, leftWidth).some((c) => c.used), right: copies.slice(leftWidth).some((c) => c.used) };
}

function conjuncts(e: Expr): Expr[] {
  return e.t === 'fn' && e.name === 'and' ? e.args.flatMap(conjuncts) : [e];
}

interface Keys {
  left: Compiled[];
  right: Compiled[];
  types: DataType[];
}

/** The key of a row, or undefined when a key is NULL (NULL matches nothing). */
function keyOf(row: unknown[], keys: Compiled[], from: DataType[], to: DataType[], st: EvalState): string | undefined {
  const values = new Array<unknown>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const v = keys[i]!.ev(row, st);
    if (v === null) return undefined;
    values[i] = from[i]!.name === to[i]!.name ? v : convertValue(v, from[i]!, to[i]!);
  }
  return rowKey(values);
}

/** `a op b` as `b op' a`, for the ASOF inequality written right side first. */
const ASOF_FLIP: Record<string, string> = { greaterOrEquals: 'lessOrEquals', greater: 'less', lessOrEquals: 'greaterOrEquals', less: 'greater' };

const truthy = (v: unknown): boolean => v !== null && v !== 0 && v !== 0n && v !== false;

export async function joinSource(j: JoinExpr, env: ExecEnv, scope: string, base: CompileBase, resolve: ResolveTable): Promise<Source> {
  if (j.left.t !== 'join') requireAlias(j, j.left, env, scope);
  requireAlias(j, j.right, env, scope);
  if (j.strictness === 'ASOF' && j.kind !== 'INNER' && j.kind !== 'LEFT') throw new EngineError('NOT_IMPLEMENTED', 'Wrong ASOF JOIN type. Only ASOF and LEFT ASOF joins are supported');
  if (j.strictness === 'ANY' && j.kind === 'FULL') throw new EngineError('NOT_IMPLEMENTED', 'ANY FULL JOINs are not implemented');
  if (j.kind === 'RIGHT' && j.right.t === 'join') throw new EngineError('NOT_IMPLEMENTED', 'Nested JOIN on the right is not supported by this engine');

  const database = env.fenv.database;
  const leftSource = j.left.t === 'join' ? await joinSource(j.left, env, scope, base, resolve) : await resolve(j.left);
  const rightSource = await resolve(j.right);
  const leftScope: JoinScope = leftSource.join ?? { tables: [tableOf(j.left, leftSource.columns, database)], joins: [] };
  const origin = leftScope.tables.length;
  const leftCols = leftSource.columns.map((c) => Object.assign(c, { origin: c.origin ?? 0 }));
  const rightCols = rightSource.columns.map((c) => Object.assign(c, { origin }));
  const joinScope: JoinScope = {
    tables: [...leftScope.tables, tableOf(j.right, rightCols, database)],
    joins: [...leftScope.joins, { text: joinText(j), using: j.using ?? [], kind: j.kind }],
  };
  const L = leftCols.length;
  const onColumns = [...leftCols, ...rightCols];
  const strictness = j.strictness ?? 'ALL';
  const kind = j.kind;
  const useNulls = Boolean(env.settings.get('join_use_nulls'));
  const leftMayMiss = kind === 'RIGHT' || kind === 'FULL';
  const rightMayMiss = kind === 'LEFT' || kind === 'FULL';
  const widen = (c: ScopeColumn, mayMiss: boolean): ScopeColumn =>
    (mayMiss && useNulls && canBeInsideNullable(c.type) ? { ...c, type: nullable(c.type), derivedFrom: c } : c);

  // Keys and the condition on matched pairs.
  const keys: Keys = { left: [], right: [], types: [] };
  let residual: Compiled | undefined;
  let asof: { left: Compiled; right: Compiled; op: string } | undefined;
  const usingPairs: { left: number; right: number; type: DataType }[] = [];
  if (j.using) {
    for (const name of j.using) {
      const li = leftCols.findIndex((c) => c.name === name && !c.hidden);
      if (li < 0) throw new EngineError('UNKNOWN_IDENTIFIER', `JOIN  ${joinText(j)} using identifier '${name}' cannot be resolved from left table expression. In scope ${scope}`);
      const ri = rightCols.findIndex((c) => c.name === name && !c.hidden);
      if (ri < 0) throw new EngineError('UNKNOWN_IDENTIFIER', `JOIN  ${joinText(j)} using identifier '${name}' cannot be resolved from right table expression. In scope ${scope}`);
      const type = leastSupertype([leftCols[li]!.type, rightCols[ri]!.type]);
      leftCols[li]!.used = rightCols[ri]!.used = true;
      const [l, r] = [li, ri];
      keys.left.push({ type: leftCols[li]!.type, ev: (row) => row[l] });
      keys.right.push({ type: rightCols[ri]!.type, ev: (row) => row[r] });
      keys.types.push(type);
      usingPairs.push({ left: li, right: ri, type });
    }
  } else if (j.on) {
    const rest: Expr[] = [];
    const onCompiler = new Compiler({ ...base, columns: onColumns, aggregateContext: 'in JOIN ON' });
    const rightCompiler = new Compiler({ ...base, columns: rightCols, aggregateContext: 'in JOIN ON' });
    for (const c of conjuncts(j.on)) {
      if (c.t === 'fn' && c.name === 'equals' && c.args.length === 2) {
        const [x, y] = c.args as [Expr, Expr];
        const sx = sidesOf(x, base, onColumns, L);
        const sy = sidesOf(y, base, onColumns, L);
        const leftKey = sx.left && !sx.right && sy.right && !sy.left ? x : sy.left && !sy.right && sx.right && !sx.left ? y : undefined;
        if (leftKey) {
          const lk = onCompiler.compile(leftKey);
          const rk = rightCompiler.compile(leftKey === x ? y : x);
          let type: DataType;
          try {
            type = leastSupertype([lk.type, rk.type]);
          } catch (err) {
            if (!(err instanceof EngineError)) throw err;
            throw new EngineError(err.codeName, `${err.message}: JOIN cannot infer common type in ON section for keys. Left key '${formatExpr(leftKey)}' type ${lk.type.name}. Right key '${formatExpr(leftKey === x ? y : x)}' type ${rk.type.name}`);
          }
          keys.left.push(lk);
          keys.right.push(rk);
          keys.types.push(type);
          continue;
        }
      }
      rest.push(c);
    }
    // ASOF: the last inequality between the sides picks, among a key's rows, the closest one.
    if (j.strictness === 'ASOF') {
      const at = rest.findLastIndex((c) => c.t === 'fn' && c.args.length === 2 && ASOF_FLIP[c.name] !== undefined);
      const c = rest[at] as (Expr & { t: 'fn' }) | undefined;
      if (c) {
        const [x, y] = c.args as [Expr, Expr];
        const sx = sidesOf(x, base, onColumns, L);
        const sy = sidesOf(y, base, onColumns, L);
        const leftFirst = sx.left && !sx.right && sy.right && !sy.left;
        if (leftFirst || (sy.left && !sy.right && sx.right && !sx.left)) {
          rest.splice(at, 1);
          asof = { left: onCompiler.compile(leftFirst ? x : y), right: rightCompiler.compile(leftFirst ? y : x), op: leftFirst ? c.name : ASOF_FLIP[c.name]! };
        }
      }
    }
    if (rest.length) residual = onCompiler.compile(rest.length === 1 ? rest[0]! : { t: 'fn', name: 'and', args: rest });
  }
  if (j.strictness === 'ASOF') {
    // USING (k, t): the last column is the ASOF one, the left's at least the right's.
    if (!asof && usingPairs.length) {
      keys.types.pop();
      asof = { left: keys.left.pop()!, right: keys.right.pop()!, op: 'greaterOrEquals' };
    }
    if (!asof || keys.left.length === 0) throw new EngineError('NOT_IMPLEMENTED', 'ASOF join with hash algorithm needs at least one equi-join column');
  }

  // The joined columns: left (a USING column replaced by its merged value), right, then the left's own USING columns.
  const columns: ScopeColumn[] = leftCols.map((c) => widen(c, leftMayMiss));
  for (const u of usingPairs) {
    const type = kind === 'FULL' && useNulls && canBeInsideNullable(u.type) ? nullable(u.type) : u.type;
    columns[u.left] = { name: leftCols[u.left]!.name, type, tables: [], origin: leftCols[u.left]!.origin!, derivedFrom: leftCols[u.left]! };
  }
  // Both sides' own USING columns (`t1.a`, `t2.a`) take the USING column's type too.
  columns.push(...rightCols.map((c, i) => {
    const u = usingPairs.find((p) => p.right === i);
    return u ? { ...widen({ ...c, type: u.type }, rightMayMiss), hidden: true, derivedFrom: c } : widen(c, rightMayMiss);
  }));
  for (const u of usingPairs) columns.push({ ...widen({ ...leftCols[u.left]!, type: u.type }, leftMayMiss), hidden: true, unlisted: true, derivedFrom: leftCols[u.left]! });
  markAmbiguous(columns, joinScope, scope);

  const types = columns.map((c) => c.type);
  const leftTypes = leftCols.map((c) => c.type);
  const rightTypes = rightCols.map((c) => c.type);
  const leftDefaults = columns.slice(0, L).map((c) => defaultValue(c.type));
  const rightDefaults = columns.slice(L, L + rightCols.length).map((c) => defaultValue(c.type));
  const joined = (l: unknown[] | undefined, r: unknown[] | undefined): unknown[] => {
    const row = [...(l ?? leftDefaults), ...(r ?? rightDefaults)];
    for (const u of usingPairs) {
      const own = l ? convertValue(l[u.left], leftTypes[u.left]!, u.type) : defaultValue(columns[L + rightCols.length + usingPairs.indexOf(u)]!.type);
      const theirs = r ? convertValue(r[u.right], rightTypes[u.right]!, u.type) : defaultValue(columns[L + u.right]!.type);
      row.push(own);
      row[u.left] = l ? own : theirs;
      row[L + u.right] = theirs;
    }
    return row;
  };

  // ALL joins and ANY/SEMI/ANTI LEFT and ANY INNER are swapped; the RIGHT ones of ANY, SEMI and ANTI keep their sides.
  const swappable = kind !== 'PASTE' && strictness !== 'ASOF' && (strictness === 'ALL' || kind === 'LEFT' || (kind === 'INNER' && strictness === 'ANY'));
  const swapped = swappable && leftSource.rowCount !== undefined && rightSource.rowCount !== undefined && leftSource.rowCount < rightSource.rowCount;
  // The rows of the hash side without a partner come in the table's order: by key for a one- or two-byte
  // integer key (a FixedHashMap), else (a hash order this engine does not reproduce) as they were read.
  const fixedKey = keys.types.length === 1 && ['UInt8', 'UInt16', 'Int8', 'Int16', 'Bool'].includes(unwrapNullable(keys.types[0]!).kind);
  const unjoinedOrder = (rows: unknown[][], indices: number[], side: Compiled[], from: DataType[]): number[] => {
    if (!fixedKey) return indices;
    const st: EvalState = { sleepSeconds: 0 };
    const byte = (i: number): number => {
      const v = side[0]!.ev(rows[i]!, st);
      if (v === null) return Infinity;
      const n = Number(from[0]!.name === keys.types[0]!.name ? v : convertValue(v, from[0]!, keys.types[0]!));
      return n < 0 ? n + (keys.types[0]!.kind.endsWith('8') ? 256 : 65536) : n;
    };
    return [...indices].sort((a, b) => byte(a) - byte(b));
  };
  const reads = [leftSource, rightSource].flatMap((s) => [...(s.reads ?? []), ...(s.table ? [{ table: s.table, columns: s.columns }] : [])]);
  // What the next join compares against: the smaller side (the choice that reproduces 26.7's order for chains).
  const rowCount = leftSource.rowCount !== undefined && rightSource.rowCount !== undefined ? Math.min(leftSource.rowCount, rightSource.rowCount) : undefined;
  return {
    columns,
    join: joinScope,
    reads,
    ...(rowCount !== undefined ? { rowCount } : {}),
    blocks: async function* () {
      const st: EvalState = { sleepSeconds: 0 };
      const leftRows: unknown[][] = [];
      const leftMatched: Uint8Array[] = [];
      if (swapped) {
        // ClickHouse builds its hash table on the smaller side (query_plan_join_swap_table = auto):
        // the left rows are the table, the right ones stream through it, and the rows come out in
        // the right side's order, each with its partners in the left side's order.
        for await (const b of leftSource.blocks()) for (const l of b.rows) leftRows.push(l);
        const byLeftKey = new Map<string, number[]>();
        if (keys.left.length) {
          const from = keys.left.map((k) => k.type);
          leftRows.forEach((l, i) => {
            const k = keyOf(l, keys.left, from, keys.types, st);
            if (k === undefined) return;
            const list = byLeftKey.get(k);
            if (list) list.push(i);
            else byLeftKey.set(k, [i]);
          });
        }
        const everyLeft = leftRows.map((_, i) => i);
        const rightFrom = keys.right.map((k) => k.type);
        leftMatched.push(new Uint8Array(leftRows.length));
        for await (const b of rightSource.blocks()) {
          checkInterrupted(env);
          const out: unknown[][] = [];
          for (const r of b.rows) {
            let candidates = everyLeft;
            if (keys.left.length) {
              const k = keyOf(r, keys.right, rightFrom, keys.types, st);
              candidates = k === undefined ? [] : byLeftKey.get(k) ?? [];
            }
            const matches = residual ? candidates.filter((i) => truthy(residual!.ev([...leftRows[i]!, ...r], st))) : candidates;
            const seen = leftMatched[0]!;
            if (strictness === 'ALL') {
              for (const i of matches) {
                seen[i] = 1;
                out.push(joined(leftRows[i]!, r));
              }
              if (matches.length === 0 && leftMayMiss) out.push(joined(undefined, r));
            } else if (strictness === 'ANY' && kind === 'INNER') {
              // Each key once: its first left row with the first right row that has it.
              if (matches.length && !matches.some((i) => seen[i])) out.push(joined(leftRows[matches[0]!]!, r));
              for (const i of matches) seen[i] = 1;
            } else {
              // ANY and SEMI LEFT: a left row at its first partner; ANTI LEFT: the partners only marked.
              for (const i of matches) {
                if (!seen[i] && strictness !== 'ANTI') out.push(joined(leftRows[i]!, r));
                seen[i] = 1;
              }
            }
          }
          if (out.length) yield Block.ofRows(types, out);
        }
      }
      const right: unknown[][] = [];
      if (!swapped) for await (const b of rightSource.blocks()) for (const r of b.rows) right.push(r);
      const byKey = new Map<string, number[]>();
      const all = right.map((_, i) => i);
      if (keys.left.length) {
        const from = keys.right.map((k) => k.type);
        right.forEach((r, i) => {
          const k = keyOf(r, keys.right, from, keys.types, st);
          if (k === undefined) return;
          const list = byKey.get(k);
          if (list) list.push(i);
          else byKey.set(k, [i]);
        });
      }
      const leftFrom = keys.left.map((k) => k.type);
      // The ASOF partner: of the rows the condition admits, the one nearest the left row's value.
      const closest = (l: unknown[], matches: number[]): number[] => {
        const lv = asof!.left.ev(l, st);
        if (lv === null) return [];
        let best: number | undefined;
        let bestValue: unknown;
        const upward = asof!.op === 'greaterOrEquals' || asof!.op === 'greater';
        for (const i of matches) {
          const rv = asof!.right.ev(right[i]!, st);
          if (rv === null) continue;
          const c = compareValues(lv, rv);
          const admitted = asof!.op === 'greaterOrEquals' ? c >= 0 : asof!.op === 'greater' ? c > 0 : asof!.op === 'lessOrEquals' ? c <= 0 : c < 0;
          if (!admitted) continue;
          if (best === undefined || (upward ? compareValues(rv, bestValue) > 0 : compareValues(rv, bestValue) < 0)) {
            best = i;
            bestValue = rv;
          }
        }
        return best === undefined ? [] : [best];
      };
      const matched = new Uint8Array(right.length);
      // For ANY/SEMI/ANTI RIGHT: each right row's first left partner.
      const firstLeft: (unknown[] | undefined)[] = [];
      const rightStrict = kind === 'RIGHT' && strictness !== 'ALL';
      let pasted = 0;
      for await (const b of swapped ? emptyBlocks() : leftSource.blocks()) {
        checkInterrupted(env);
        const out: unknown[][] = [];
        for (const l of b.rows) {
          if (kind === 'PASTE') {
            if (pasted < right.length) out.push(joined(l, right[pasted++]!));
            continue;
          }
          let candidates: number[];
          if (kind === 'CROSS' || kind === 'COMMA') candidates = all;
          else if (keys.left.length) {
            const k = keyOf(l, keys.left, leftFrom, keys.types, st);
            candidates = k === undefined ? [] : byKey.get(k) ?? [];
          } else candidates = all;
          const matches = residual ? candidates.filter((i) => truthy(residual!.ev([...l, ...right[i]!], st))) : candidates;
          if (rightStrict) {
            for (const i of matches) firstLeft[i] ??= l;
            continue;
          }
          if (strictness === 'ANTI') {
            if (matches.length === 0) out.push(joined(l, undefined));
            continue;
          }
          if (strictness === 'SEMI') {
            if (matches.length > 0) out.push(joined(l, right[matches[0]!]!));
            continue;
          }
          // ANY INNER pairs each key once: a right row already taken is not taken again.
          const taken = strictness === 'ASOF' ? closest(l, matches)
            : strictness === 'ANY' ? matches.slice(0, 1).filter((i) => kind !== 'INNER' || !matched[i]) : matches;
          for (const i of taken) {
            matched[i] = 1;
            out.push(joined(l, right[i]!));
          }
          if (taken.length === 0 && rightMayMiss) out.push(joined(l, undefined));
        }
        if (out.length) yield Block.ofRows(types, out);
      }
      const tail: unknown[][] = [];
      if (swapped) {
        // The left side was the hash table: its rows without a partner come last.
        if (rightMayMiss && strictness !== 'SEMI') {
          const unjoined = leftRows.map((_, i) => i).filter((i) => !leftMatched[0]![i]);
          for (const i of unjoinedOrder(leftRows, unjoined, keys.left, keys.left.map((k) => k.type))) tail.push(joined(leftRows[i]!, undefined));
        }
      } else if (rightStrict) {
        right.forEach((r, i) => {
          const l = firstLeft[i];
          if (strictness === 'ANTI' ? l === undefined : strictness === 'SEMI' ? l !== undefined : true) tail.push(joined(strictness === 'ANTI' ? undefined : l, r));
        });
      } else if (leftMayMiss && strictness === 'ALL') {
        const unjoined = right.map((_, i) => i).filter((i) => !matched[i]);
        for (const i of unjoinedOrder(right, unjoined, keys.right, keys.right.map((k) => k.type))) tail.push(joined(undefined, right[i]!));
      }
      if (tail.length) yield Block.ofRows(types, tail);
    },
  };
}

/**
 * With more than one join a bare name that several of the joined tables have
 * is ambiguous (with one join the left table wins: single_join_prefer_left_table);
 * ClickHouse names the innermost join where both sides have it.
 */
function markAmbiguous(columns: ScopeColumn[], scope: JoinScope, queryScope: string): void {
  if (scope.joins.length < 2) return;
  for (const c of columns) {
    if (c.hidden) continue;
    for (let k = 0; k < scope.joins.length; k++) {
      const join = scope.joins[k]!;
      if (join.using.includes(c.name)) continue;
      const onLeft = scope.tables.slice(0, k + 1).some((t) => t.columns.has(c.name));
      if (onLeft && scope.tables[k + 1]!.columns.has(c.name)) {
        c.ambiguity = `JOIN  ${join.text} ambiguous identifier '${c.name}'. In scope ${queryScope}.`;
        break;
      }
    }
  }
}

async function* emptyBlocks(): AsyncGenerator<Block> {
  // Nothing: the swapped join streamed its rows already.
}
