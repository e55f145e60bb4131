// The FE's side of a Stream Load plan (streamLoadPut): which source fields
// feed which table columns (the `columns` header, with expressions), the
// `where` filter, the target partitions, and the checks that reject a load
// before any row is read.

import { hostname } from 'node:os';
import { Settings } from '../../engine/index.ts';
import type { Table } from '../../engine/catalog.ts';
import { Compiler } from '../../engine/expr/compiler.ts';
import type { ScopeColumn } from '../../engine/expr/compiler.ts';
import type { Compiled, FunctionEnv } from '../../engine/expr/compiled.ts';
import { NO_STATE } from '../../engine/expr/compiled.ts';
import type { Expr } from '../../engine/parser/ast.ts';
import { parseStatement } from '../../engine/parser/parser.ts';
import { T, nullable } from '../../engine/types.ts';
import type { DataType } from '../../engine/types.ts';
import { STARROCKS_VERSION } from '../version.ts';
import type { PartitionMeta, TableMeta } from '../cluster/tables.ts';
import type { LoadParams } from './params.ts';
import { LoadError } from './params.ts';

export type TargetSource =
  | { kind: 'source'; index: number }
  | { kind: 'expr'; compiled: Compiled; text: string }
  | { kind: 'default'; value: () => unknown }
  | { kind: 'keep' };

export interface LoadPlan {
  meta: TableMeta;
  table: Table;
  /** Source field names (CSV positions / JSON keys). */
  sources: string[];
  /** Per engine-table column: where its value comes from. */
  targets: TargetSource[];
  where?: Compiled;
  partitions?: Set<PartitionMeta>;
  partial: boolean;
  /**
   * `__op` of a PRIMARY KEY table (0 upsert, 1 delete): a source field or an
   * expression over them. Only a PRIMARY KEY table has the hidden `__op` slot
   * (StreamLoadPlanner), so elsewhere `__op` is read and then ignored.
   */
  op?: TargetSource;
}

/** The hidden load column that marks a PRIMARY KEY row as upsert (0) or delete (1). */
export const LOAD_OP_COLUMN = '__op';

/** Split a `columns` header at top-level commas. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      cur += c;
      if (c === '\\') cur += text[++i] ?? '';
      else if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function unquote(name: string): string {
  const n = name.trim();
  return n.startsWith('`') && n.endsWith('`') ? n.slice(1, -1) : n;
}

/** The first top-level `=` that is an assignment (not ==, <=, >=, !=). */
function assignmentAt(item: string): number {
  let quote = '';
  let depth = 0;
  for (let i = 0; i < item.length; i++) {
    const c = item[i]!;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '=' && depth === 0 && !'<>!='.includes(item[i - 1] ?? '') && item[i + 1] !== '=') return i;
  }
  return -1;
}

function parseExpr(text: string): Expr {
  try {
    const r = parseStatement(`SELECT ${text}`);
    const st = r.statement;
    if (st.kind !== 'select') throw new Error('not an expression');
    const part = st.query.parts[0] as { columns?: Expr[] } | undefined;
    const cols = part?.columns ?? [];
    if (cols.length !== 1) throw new Error('not one expression');
    return cols[0]!;
  } catch (e) {
    throw new LoadError('ANALYSIS_ERROR', `Getting syntax error. Detail message: ${(e as Error).message.split('\n')[0]}.`);
  }
}

const ARITH = new Set(['plus', 'minus', 'multiply', 'divide', 'intDiv', 'modulo', 'negate', 'abs']);
const COMPARE = new Set(['equals', 'notEquals', 'less', 'greater', 'lessOrEquals', 'greaterOrEquals']);

/** StarRocks casts VARCHAR source fields to numbers in arithmetic; the engine would refuse String * UInt8. */
function implicitCasts(e: Expr, stringCols: Set<string>): Expr {
  if (e.t !== 'fn') return e;
  const args = e.args.map((a) => implicitCasts(a, stringCols));
  const isStr = (a: Expr): boolean => a.t === 'id' && a.parts.length === 1 && stringCols.has(a.parts[0]!);
  const isNum = (a: Expr): boolean => a.t === 'lit' && (typeof a.value === 'number' || typeof a.value === 'bigint');
  const cast = (a: Expr): Expr => ({ t: 'fn', name: 'toFloat64OrNull', args: [a] });
  if (ARITH.has(e.name)) return { ...e, args: args.map((a) => (isStr(a) ? cast(a) : a)) };
  if (COMPARE.has(e.name) && args.length === 2 && args.some(isNum)) return { ...e, args: args.map((a) => (isStr(a) ? cast(a) : a)) };
  return { ...e, args };
}

export function functionEnv(db: string, timezone: string): FunctionEnv {
  return {
    database: db, user: 'root', queryId: '', version: STARROCKS_VERSION, timezone, settings: new Settings(),
    hostName: hostname(), startTime: Math.floor(Date.now() / 1000),
  };
}

function compile(expr: Expr, columns: ScopeColumn[], env: FunctionEnv, text: string, table: string): Compiled {
  try {
    return new Compiler({ env, columns, aliases: new Map(), scope: text, precomputed: new Map() }).compile(expr);
  } catch (e) {
    const m = /identifier '([^']+)'/.exec((e as Error).message);
    if (m) throw new LoadError('ANALYSIS_ERROR', `Unknown column '${m[1]}' in '${table}'`);
    throw new LoadError('ANALYSIS_ERROR', `Getting analyzing error. Detail message: ${(e as Error).message}.`);
  }
}

export function planLoad(meta: TableMeta, table: Table, p: LoadParams): LoadPlan {
  const env = functionEnv(meta.db, p.timezone);
  const names = table.columns.map((c) => c.name);
  const findCol = (n: string): number => names.findIndex((x) => x.toLowerCase() === n.toLowerCase());
  if (p.partialUpdate && meta.keysType !== 'PRIMARY_KEYS') {
    throw new LoadError('ANALYSIS_ERROR', 'partial update only support primary key table');
  }
  const sources: string[] = [];
  const targets: (TargetSource | undefined)[] = names.map(() => undefined);
  let op: TargetSource | undefined;
  if (!p.columns) {
    if (p.format === 'json' && !p.jsonpaths) {
      names.forEach((n, i) => {
        sources.push(n);
        targets[i] = { kind: 'source', index: i };
      });
    } else {
      names.forEach((n, i) => {
        sources.push(n);
        targets[i] = { kind: 'source', index: i };
      });
    }
  } else {
    const items = splitTopLevel(p.columns);
    const exprs: { target: string; text: string }[] = [];
    // Load.initColumns keeps source names and mapping targets apart: `k1, k1 = k1 * 2` is allowed.
    const seenSources = new Set<string>();
    const seenTargets = new Set<string>();
    for (const item of items) {
      const at = assignmentAt(item);
      const name = unquote(at < 0 ? item : item.slice(0, at));
      const seen = at < 0 ? seenSources : seenTargets;
      if (seen.has(name.toLowerCase())) throw new LoadError('ANALYSIS_ERROR', at < 0 ? `Duplicate column: ${name}` : `Duplicate column mapping: ${name}`);
      seen.add(name.toLowerCase());
      if (at < 0) sources.push(name);
      else exprs.push({ target: name, text: item.slice(at + 1).trim() });
    }
    const sourceScope: ScopeColumn[] = sources.map((n) => ({ name: n, type: nullable(T.String), tables: [] }));
    const stringCols = new Set(sources);
    const primary = meta.keysType === 'PRIMARY_KEYS';
    const isOp = (n: string): boolean => primary && n.toLowerCase() === LOAD_OP_COLUMN;
    sources.forEach((n, si) => {
      const ci = findCol(n);
      if (exprs.some((x) => x.target.toLowerCase() === n.toLowerCase())) return;
      if (ci >= 0) targets[ci] = { kind: 'source', index: si };
      else if (isOp(n)) op = { kind: 'source', index: si };
    });
    for (const x of exprs) {
      if (isOp(x.target)) {
        const expr = implicitCasts(parseExpr(x.text), stringCols);
        op = { kind: 'expr', compiled: compile(expr, sourceScope, env, x.text, meta.name), text: x.text };
        continue;
      }
      // Load.initColumns lets an `__op` mapping through for every table, but only a PRIMARY KEY
      // table has the __op slot (StreamLoadPlanner.plan) that StreamLoadScanNode fills: elsewhere
      // the mapping is ignored.
      if (x.target.toLowerCase() === LOAD_OP_COLUMN) continue;
      const ci = findCol(x.target);
      if (ci < 0) throw new LoadError('ANALYSIS_ERROR', `Mapping column is not in table. column: ${x.target}`);
      const expr = implicitCasts(parseExpr(x.text), stringCols);
      targets[ci] = { kind: 'expr', compiled: compile(expr, sourceScope, env, x.text, meta.name), text: x.text };
    }
  }
  // Columns the load does not supply: their default, NULL, or (partial update) the stored value.
  const final: TargetSource[] = targets.map((t, i) => {
    if (t) return t;
    if (p.partialUpdate) return { kind: 'keep' };
    const col = table.columns[i]!;
    const metaCol = meta.columns.find((c) => c.name === col.name);
    if (col.defaultExpr && col.defaultKind !== 'ALIAS') {
      const c = compile(col.defaultExpr, [], env, col.defaultText ?? '', meta.name);
      return { kind: 'default', value: () => c.ev([], NO_STATE) };
    }
    if (col.type.kind === 'Nullable' || metaCol?.nullable) return { kind: 'default', value: () => null };
    throw new LoadError('ANALYSIS_ERROR', `Column has no default value. column: ${col.name}`);
  });
  let where: Compiled | undefined;
  if (p.where) {
    const scope: ScopeColumn[] = table.columns.map((c) => ({ name: c.name, type: c.type, tables: [meta.name] }));
    where = compile(parseExpr(p.where), scope, env, p.where, meta.name);
  }
  let partitions: Set<PartitionMeta> | undefined;
  if (p.partitions) {
    partitions = new Set();
    for (const name of p.partitions) {
      const part = meta.partitions.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!part || p.tempPartitions) throw new LoadError('ANALYSIS_ERROR', `Unknown partition '${name}' in table '${meta.name}'`);
      partitions.add(part);
    }
  }
  return { meta, table, sources, targets: final, ...(where ? { where } : {}), ...(partitions ? { partitions } : {}), partial: p.partialUpdate, ...(op ? { op } : {}) };
}

export function typeOfColumn(table: Table, i: number): DataType {
  return table.columns[i]!.type;
}
