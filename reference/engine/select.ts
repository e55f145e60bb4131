// SELECT planning and lazy block execution: source → WHERE → (aggregate) →
// project → (DISTINCT/ORDER BY materialise) → LIMIT, pulling blocks on demand.

import { EngineError } from './errors.ts';
import { T, arrayOf, nullable, unwrapNullable, valueBytes } from './types.ts';
import type { DataType } from './types.ts';
import type { ColumnDef, Progress } from './api.ts';
import type { Expr, SelectCore, SelectQuery, TableExpr } from './parser/ast.ts';
import { columnName, formatSelect } from './parser/format.ts';
import { Compiler, isAggregateCall } from './expr/compiler.ts';
import type { ScopeColumn } from './expr/compiler.ts';
import { constant } from './expr/compiled.ts';
import type { Compiled, EvalState, FunctionEnv } from './expr/compiled.ts';
import { lookupAggregate } from './aggregates.ts';
import type { AggregateState } from './aggregates.ts';
import { compareValues, rowKey } from './values/compare.ts';
import { convertValue, leastSupertype, toNum } from './values/convert.ts';
import type { Catalog } from './catalog.ts';
import { unknownDatabase } from './catalog.ts';
import { SYSTEM_TABLES } from './system-tables.ts';
import type { SystemTableContext } from './system-tables.ts';
import type { Settings } from './settings.ts';
import type { SessionScope } from './session.ts';
import type { Table } from './catalog.ts';
import { formatReadableQuantity } from './functions/misc.ts';

/** Everything a running query needs besides its text. */
export interface ExecEnv {
  catalog: Catalog;
  fenv: FunctionEnv;
  settings: Settings;
  progress: Progress;
  signal?: AbortSignal;
  /** ms timestamp after which the query fails with TIMEOUT_EXCEEDED (0 = none). */
  deadline: number;
  startedAt: number;
  /** Temporary tables of the session; they shadow permanent tables for unqualified names. */
  scope?: SessionScope;
  /** What system tables need beyond the catalog and settings (process list, access control, ...). */
  system?: Omit<SystemTableContext, 'catalog' | 'settings'>;
  /** Privilege check for reading `used` columns of a table (all of `all` may be consulted). */
  checkSelect?: (table: Table, used: string[]) => void;
}

export interface Plan {
  columns: ColumnDef[];
  blocks: () => AsyncGenerator<unknown[][]>;
  rowsBeforeLimit?: () => number | undefined;
}

interface Source {
  columns: ScopeColumn[];
  blocks: () => AsyncGenerator<unknown[][]>;
  /** The stored table read, for the SELECT privilege check. */
  table?: Table;
}

// ------------------------------------------------------------ helpers

export function checkInterrupted(env: ExecEnv): void {
  if (env.signal?.aborted) throw new EngineError('QUERY_WAS_CANCELLED', 'Query was cancelled');
  if (env.deadline > 0 && Date.now() > env.deadline) throw timeoutError(env);
}

function timeoutError(env: ExecEnv): EngineError {
  const elapsed = (Date.now() - env.startedAt) / 1000;
  const max = Number(env.settings.get('max_execution_time'));
  return new EngineError('TIMEOUT_EXCEEDED', `Timeout exceeded: elapsed ${elapsed} seconds, maximum: ${max}`);
}

/** Await what sleep/sleepEachRow asked for, honouring cancellation and the deadline. */
export async function performSleep(env: ExecEnv, seconds: number): Promise<void> {
  if (seconds <= 0) return;
  let ms = seconds * 1000;
  let timedOut = false;
  if (env.deadline > 0 && Date.now() + ms > env.deadline) {
    ms = Math.max(0, env.deadline - Date.now());
    timedOut = true;
  }
  await new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new EngineError('QUERY_WAS_CANCELLED', 'Query was cancelled'));
    };
    const timer = setTimeout(() => {
      env.signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    env.signal?.addEventListener('abort', onAbort, { once: true });
  });
  if (timedOut) {
    await new Promise((r) => setTimeout(r, 2));
    throw timeoutError(env);
  }
}

function rowBytes(types: DataType[], row: unknown[]): number {
  let n = 0;
  for (let i = 0; i < types.length; i++) n += valueBytes(types[i]!, row[i]);
  return n;
}

/** Positive integer from a LIMIT/OFFSET expression. */
function constNumber(e: Expr, env: ExecEnv, what: string): number {
  const c = new Compiler({ env: env.fenv, columns: [], aliases: new Map(), scope: '', precomputed: new Map() }).compile(e);
  if (!c.isConst) throw new EngineError('INVALID_LIMIT_EXPRESSION', `The value ${columnName(e)} of ${what} expression is not constant`);
  const v = toNum(c.constValue);
  if (!Number.isInteger(v) || v < 0) {
    throw new EngineError('INVALID_LIMIT_EXPRESSION', `The value ${columnName(e)} of ${what} expression is not representable as UInt64`);
  }
  return v;
}

// ------------------------------------------------------------ sources

function numbersSource(env: ExecEnv, start: bigint, count: number | undefined, name: string, limitHint?: number): Source {
  const columns: ScopeColumn[] = [{ name: name === 'zeros' ? 'zero' : 'number', type: name === 'zeros' ? T.UInt8 : T.UInt64, tables: ['numbers', name] }];
  if (count !== undefined) env.progress.totalRowsToRead += count;
  return {
    columns,
    blocks: async function* () {
      const blockSize = Math.max(1, Number(env.settings.get('max_block_size')) || 65409);
      const maxRead = Number(env.settings.get('max_rows_to_read'));
      let produced = 0;
      const total = count === undefined ? Infinity : count;
      const cap = limitHint !== undefined ? Math.min(total, limitHint) : total;
      while (produced < cap) {
        checkInterrupted(env);
        const n = Math.min(blockSize, cap - produced);
        if (maxRead > 0 && env.progress.readRows + n > maxRead && Number(env.settings.get('read_overflow_mode') === 'throw' ? 1 : 0)) {
          throw new EngineError('TOO_MANY_ROWS', `Limit for rows (controlled by 'max_rows_to_read' setting) exceeded, max rows: ${formatReadableQuantity(maxRead)}, current rows: ${formatReadableQuantity(env.progress.readRows + n)}`);
        }
        const rows = new Array<unknown[]>(n);
        if (name === 'zeros') for (let i = 0; i < n; i++) rows[i] = [0];
        else {
          let v = start + BigInt(produced);
          for (let i = 0; i < n; i++) rows[i] = [v++];
        }
        produced += n;
        env.progress.readRows += n;
        env.progress.readBytes += n * (name === 'zeros' ? 1 : 8);
        yield rows;
      }
    },
  };
}

function rowsSource(env: ExecEnv, columns: ScopeColumn[], rows: readonly unknown[][]): Source {
  const types = columns.map((c) => c.type);
  return {
    columns,
    blocks: async function* () {
      const blockSize = Math.max(1, Number(env.settings.get('max_block_size')) || 65409);
      const maxRead = Number(env.settings.get('max_rows_to_read'));
      env.progress.totalRowsToRead += rows.length;
      for (let i = 0; i < rows.length; i += blockSize) {
        checkInterrupted(env);
        const block = rows.slice(i, i + blockSize) as unknown[][];
        if (maxRead > 0 && env.progress.readRows + block.length > maxRead && env.settings.get('read_overflow_mode') === 'throw') {
          throw new EngineError('TOO_MANY_ROWS', `Limit for rows (controlled by 'max_rows_to_read' setting) exceeded, max rows: ${formatReadableQuantity(maxRead)}, current rows: ${formatReadableQuantity(env.progress.readRows + block.length)}`);
        }
        env.progress.readRows += block.length;
        for (const r of block) env.progress.readBytes += rowBytes(types, r);
        yield block;
      }
    },
  };
}

async function resolveSource(te: TableExpr | undefined, env: ExecEnv, scope: string, limitHint?: number): Promise<Source> {
  if (!te) {
    const src = rowsSource(env, [{ name: 'dummy', type: T.UInt8, tables: ['system.one', 'one'] }], [[0]]);
    return src;
  }
  const aliasTables = te.alias ? [te.alias] : [];
  if (te.t === 'sub') {
    const plan = await planSelect(te.query, env);
    return {
      columns: plan.columns.map((c) => ({ name: c.name, type: c.type, tables: aliasTables })),
      blocks: plan.blocks,
    };
  }
  if (te.t === 'func') {
    const name = te.name;
    if (name === 'numbers' || name === 'numbers_mt' || name === 'zeros' || name === 'zeros_mt') {
      const args = te.args.map((a) => constNumber(a, env, `argument of table function '${name}'`));
      if (args.length < 1 || args.length > (name.startsWith('zeros') ? 1 : 3)) {
        throw new EngineError('NUMBER_OF_ARGUMENTS_DOESNT_MATCH', `Table function '${name}' requires 'length' or 'offset, length'.`);
      }
      const [start, count] = args.length === 1 ? [0, args[0]!] : [args[0]!, args[1]!];
      const src = numbersSource(env, BigInt(start), count, name.startsWith('zeros') ? 'zeros' : name, limitHint);
      src.columns.forEach((c) => c.tables.push(...aliasTables));
      return src;
    }
    if (name === 'one') {
      return rowsSource(env, [{ name: 'dummy', type: T.UInt8, tables: ['one', ...aliasTables] }], [[0]]);
    }
    throw new EngineError('UNKNOWN_FUNCTION', `Unknown table function ${name}`);
  }
  const db = te.db ?? env.fenv.database;
  const qualified = [te.name, `${db}.${te.name}`, ...aliasTables];
  if (db === 'system') {
    const st = SYSTEM_TABLES[te.name];
    if (!st) throw unknownTableExpression(te, scope, env);
    const columns = st.columns.map((c) => ({ name: c.name, type: c.type, tables: qualified }));
    if (st.infinite) {
      const src = numbersSource(env, 0n, undefined, te.name === 'zeros' ? 'zeros' : 'numbers', limitHint);
      src.columns.forEach((c) => c.tables.push(...qualified));
      return src;
    }
    return rowsSource(env, columns, st.rows!({ ...env.system, catalog: env.catalog, settings: env.settings, ...(env.scope ? { scope: env.scope } : {}) }));
  }
  const temporary = te.db === undefined ? env.scope?.findTable(te.name) : undefined;
  const database = temporary ? undefined : env.catalog.databases.get(db);
  if (!database && !temporary) {
    if (te.db !== undefined) throw unknownDatabase(db);
    throw unknownTableExpression(te, scope, env);
  }
  const table = temporary ?? database!.tables.get(te.name);
  if (!table) throw unknownTableExpression(te, scope, env);
  const visible = table.columns.filter((c) => c.defaultKind !== 'ALIAS' && c.defaultKind !== 'EPHEMERAL');
  const columns = visible.map((c) => ({ name: c.name, type: c.type, tables: qualified }));
  const idx = visible.map((c) => table.columns.indexOf(c));
  const rows = idx.length === table.columns.length ? table.rows : table.rows.map((r) => idx.map((i) => r[i]));
  return { ...rowsSource(env, columns, rows), ...(temporary ? {} : { table }) };
}

function unknownTableExpression(te: TableExpr & { t: 'table' }, scope: string, env: ExecEnv): EngineError {
  void env;
  const name = te.db ? `${te.db}.${te.name}` : te.name;
  return new EngineError('UNKNOWN_TABLE', `Unknown table expression identifier '${name}' in scope ${scope}`);
}

// ------------------------------------------------------------ subqueries

async function precompute(exprs: Expr[], env: ExecEnv, out: Map<Expr, Compiled>): Promise<void> {
  const visit = async (e: Expr, inSet: boolean): Promise<void> => {
    if (e.t === 'sub') {
      const plan = await planSelect(e.query, env);
      const rows: unknown[][] = [];
      for await (const b of plan.blocks()) rows.push(...b);
      if (inSet) {
        const type = plan.columns[0]?.type ?? T.Nothing;
        const values = rows.map((r) => r[0]);
        out.set(e, Object.assign(constant(type, values), { inSet: { type, values } }));
      } else {
        if (plan.columns.length !== 1) {
          // A scalar subquery with several columns would be a tuple; not supported here.
          throw new EngineError('INCORRECT_RESULT_OF_SCALAR_SUBQUERY', 'Scalar subquery returned more than one column');
        }
        if (rows.length > 1) throw new EngineError('INCORRECT_RESULT_OF_SCALAR_SUBQUERY', 'Scalar subquery returned more than one row');
        const t = plan.columns[0]!.type;
        if (rows.length === 0) out.set(e, constant(t.kind === 'Array' || t.kind === 'Nullable' ? t : nullable(t), t.kind === 'Array' ? [] : null));
        else out.set(e, constant(t, rows[0]![0]));
      }
      return;
    }
    if (e.t === 'fn') {
      for (let i = 0; i < e.args.length; i++) await visit(e.args[i]!, (e.name === 'in' || e.name === 'notIn') && i === 1);
    }
    if (e.t === 'lambda') await visit(e.body, false);
  };
  for (const e of exprs) await visit(e, false);
}

// ------------------------------------------------------------ planning

export async function planSelect(q: SelectQuery, env: ExecEnv): Promise<Plan> {
  if (q.parts.length === 1) return planCore(q.parts[0]!, env);
  const plans: Plan[] = [];
  for (const p of q.parts) plans.push(await planCore(p, env));
  const n = plans[0]!.columns.length;
  for (const p of plans) {
    if (p.columns.length !== n) {
      throw new EngineError('NUMBER_OF_COLUMNS_DOESNT_MATCH', `Different number of columns in UNION ALL elements: ${plans.map((x) => x.columns.length).join(', ')}`);
    }
  }
  const columns = plans[0]!.columns.map((c, i) => ({ name: c.name, type: leastSupertype(plans.map((p) => p.columns[i]!.type)) }));
  return {
    columns,
    blocks: async function* () {
      for (const p of plans) {
        for await (const b of p.blocks()) {
          yield b.map((r) => r.map((v, i) => convertValue(v, p.columns[i]!.type, columns[i]!.type)));
        }
      }
    },
  };
}

function containsAggregate(e: Expr): boolean {
  if (e.t === 'fn') return isAggregateCall(e) || e.args.some(containsAggregate);
  return false;
}

function findArrayJoin(e: Expr): (Expr & { t: 'fn' }) | undefined {
  if (e.t !== 'fn') return undefined;
  if (e.name === 'arrayJoin') return e;
  for (const a of e.args) {
    const f = findArrayJoin(a);
    if (f) return f;
  }
  return undefined;
}

async function planCore(core: SelectCore, env: ExecEnv): Promise<Plan> {
  const scope = formatSelect(core);
  const aliases = new Map<string, Expr>();
  for (const w of core.with) if (w.alias) aliases.set(w.alias, w);
  for (const c of core.columns) if (c.alias) aliases.set(c.alias, c);

  const aggregating = (core.groupBy?.length ?? 0) > 0 || core.columns.some(containsAggregate) || (core.having !== undefined) || (core.orderBy ?? []).some((o) => containsAggregate(o.expr));
  const streamingLimit = !aggregating && !core.distinct && !core.orderBy && core.where === undefined && core.limit !== undefined && !core.columns.some((c) => findArrayJoin(c) !== undefined);
  let limitHint: number | undefined;
  if (streamingLimit) limitHint = constNumber(core.limit!.count, env, 'LIMIT') + (core.limit!.offset ? constNumber(core.limit!.offset, env, 'OFFSET') : 0);

  let source = await resolveSource(core.from, env, scope, limitHint);

  const precomputed = new Map<Expr, Compiled>();
  const allExprs: Expr[] = [...core.with, ...core.columns, ...(core.where ? [core.where] : []), ...(core.groupBy ?? []), ...(core.having ? [core.having] : []), ...(core.orderBy ?? []).map((o) => o.expr)];
  await precompute(allExprs, env, precomputed);

  const baseOpts = { env: env.fenv, aliases, scope, precomputed };

  // Expand * into the source columns.
  const selectExprs: Expr[] = [];
  for (const c of core.columns) {
    if (c.t === 'star') {
      for (const sc of source.columns) {
        if (c.table && !sc.tables.includes(c.table)) continue;
        selectExprs.push({ t: 'id', parts: [sc.name] });
      }
      if (selectExprs.length === 0) throw new EngineError('EMPTY_LIST_OF_COLUMNS_QUERIED', `Empty list of columns in SELECT query. In scope ${scope}`);
    } else {
      selectExprs.push(c);
    }
  }

  // arrayJoin(): unfold the source on the array, then refer to the element column.
  const arrayJoins: (Expr & { t: 'fn' })[] = [];
  for (const e of [...selectExprs, ...(core.arrayJoin ?? [])]) {
    const f = e.t === 'fn' && e.name === 'arrayJoin' ? e : findArrayJoin(e);
    if (f && !arrayJoins.some((x) => columnName(x) === columnName(f))) arrayJoins.push(f);
  }
  if (core.arrayJoin) {
    for (const item of core.arrayJoin) {
      const call: Expr & { t: 'fn' } = { t: 'fn', name: 'arrayJoin', args: [{ ...item, alias: undefined } as Expr] };
      arrayJoins.push(call);
      const name = item.alias ?? (item.t === 'id' ? item.parts.join('.') : columnName(item));
      aliases.set(name, call);
    }
  }
  if (arrayJoins.length > 0) {
    const aj = arrayJoins[0]!;
    const argC = new Compiler({ ...baseOpts, columns: source.columns }).compile(aj.args[0]!);
    const at = unwrapNullable(argC.type);
    if (at.kind !== 'Array') throw new EngineError('TYPE_MISMATCH', `Argument for function arrayJoin must be Array. In scope ${scope}`);
    const prev = source;
    const key = columnName(aj);
    const elemCol: ScopeColumn = { name: `__arrayJoin_${key}`, type: at.inner!, tables: [] };
    source = {
      columns: [...prev.columns, elemCol],
      blocks: async function* () {
        for await (const b of prev.blocks()) {
          const out: unknown[][] = [];
          const st: EvalState = { sleepSeconds: 0 };
          for (const r of b) {
            const arr = (argC.ev(r, st) as unknown[] | null) ?? [];
            for (const v of arr) out.push([...r, v]);
          }
          await performSleep(env, st.sleepSeconds);
          if (out.length) yield out;
        }
      },
    };
    const idx = source.columns.length - 1;
    const joinedKeys = new Set(arrayJoins.map((x) => columnName(x)));
    const prevOverride = undefined;
    void prevOverride;
    (baseOpts as { override?: (e: Expr, k: string) => Compiled | undefined }).override = (e, k) =>
      e.t === 'fn' && e.name === 'arrayJoin' && joinedKeys.has(k) ? { type: elemCol.type, ev: (row) => row[idx] } : undefined;
  }

  const rowCompiler = new Compiler({ ...baseOpts, columns: source.columns });
  const where = core.where ? new Compiler({ ...baseOpts, columns: source.columns, aggregateContext: 'in WHERE' }).compile(core.where) : undefined;
  if (where) {
    const wt = unwrapNullable(where.type);
    if (!(wt.kind.includes('Int') || wt.kind === 'Bool' || wt.kind === 'Nothing')) {
      throw new EngineError('ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER', `Invalid type for filter in WHERE: ${where.type.name}`);
    }
  }

  const outputNames = selectExprs.map((e) => e.alias ?? columnName(e));
  let projections: Compiled[];
  let orderKeys: Compiled[] = [];
  let having: Compiled | undefined;
  let pipeline: () => AsyncGenerator<unknown[][]>;

  const filtered = async function* (): AsyncGenerator<unknown[][]> {
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

  if (aggregating) {
    // Group keys, positional or by alias.
    const keyExprs = (core.groupBy ?? []).map((g) => {
      if (g.t === 'lit' && typeof g.value === 'bigint' && g.value >= 1n && g.value <= BigInt(selectExprs.length)) return selectExprs[Number(g.value) - 1]!;
      if (g.t === 'id' && g.parts.length === 1 && aliases.has(g.parts[0]!)) return aliases.get(g.parts[0]!)!;
      return g;
    });
    const keys = keyExprs.map((k) => rowCompiler.compile(k));
    const keyNames = keyExprs.map((k) => columnName(k));
    // Aggregate calls used anywhere after grouping.
    const aggCalls: (Expr & { t: 'fn' })[] = [];
    const collect = (e: Expr, seen: Set<string>): void => {
      if (e.t === 'id' && e.parts.length === 1 && aliases.has(e.parts[0]!) && !seen.has(e.parts[0]!)) {
        const s2 = new Set(seen);
        s2.add(e.parts[0]!);
        collect(aliases.get(e.parts[0]!)!, s2);
        return;
      }
      if (e.t !== 'fn') return;
      if (isAggregateCall(e)) {
        if (!aggCalls.some((a) => columnName(a) === columnName(e))) aggCalls.push(e);
        return;
      }
      e.args.forEach((a) => collect(a, seen));
    };
    for (const e of [...selectExprs, ...(core.having ? [core.having] : []), ...(core.orderBy ?? []).map((o) => o.expr)]) collect(e, new Set());
    const argCompiler = new Compiler({ ...baseOpts, columns: source.columns, aggregateContext: 'inside another aggregate function' });
    const aggs = aggCalls.map((call) => {
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
      const params = (call.params ?? []).map((p) => new Compiler({ ...baseOpts, columns: [] }).compile(p).constValue);
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
      if (e.t === 'lit') return undefined;
      return undefined;
    };
    const postCompiler = new Compiler({ ...baseOpts, columns: source.columns, override, onlyOverride: true });
    projections = selectExprs.map((e) => postCompiler.compile(e));
    having = core.having ? postCompiler.compile(core.having) : undefined;
    orderKeys = (core.orderBy ?? []).map((o) => postCompiler.compile(orderTarget(o.expr, selectExprs)));
    const grouped = core.groupBy !== undefined && core.groupBy.length > 0;
    pipeline = async function* () {
      const groups = new Map<string, { keys: unknown[]; states: AggregateState[] }>();
      const newStates = (): AggregateState[] => aggs.map((a) => a.def.create(a.types, a.params));
      if (!grouped) groups.set('', { keys: [], states: newStates() });
      for await (const b of filtered()) {
        const st: EvalState = { sleepSeconds: 0 };
        for (const r of b) {
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
        }
        await performSleep(env, st.sleepSeconds);
        checkInterrupted(env);
      }
      const out: unknown[][] = [];
      for (const g of groups.values()) out.push([...g.keys, ...g.states.map((s) => s.result())]);
      yield out;
    };
  } else {
    projections = selectExprs.map((e) => rowCompiler.compile(e));
    orderKeys = (core.orderBy ?? []).map((o) => rowCompiler.compile(orderTarget(o.expr, selectExprs)));
    pipeline = filtered;
  }

  const columns: ColumnDef[] = projections.map((p, i) => ({ name: outputNames[i]!, type: p.type }));
  if (source.table && env.checkSelect) {
    env.checkSelect(source.table, source.columns.filter((c) => c.used && c.tables.length > 0).map((c) => c.name));
  }
  const orderBy = core.orderBy ?? [];
  const limit = core.limit ? constNumber(core.limit.count, env, 'LIMIT') : undefined;
  const offset = core.limit?.offset ? constNumber(core.limit.offset, env, 'OFFSET') : 0;
  const settingLimit = Number(env.settings.get('limit'));
  const settingOffset = Number(env.settings.get('offset'));
  let beforeLimit = 0;
  const materialise = orderBy.length > 0 || core.distinct || aggregating;

  // `SELECT a, b FROM t` with the source's own layout passes blocks through untouched.
  const identity = !aggregating && !having && orderKeys.length === 0 && projections.length === source.columns.length
    && projections.every((p, i) => p.columnIndex === i);
  const projected = async function* (): AsyncGenerator<unknown[][]> {
    if (identity) {
      yield* pipeline();
      return;
    }
    for await (const b of pipeline()) {
      const st: EvalState = { sleepSeconds: 0 };
      const out: unknown[][] = [];
      for (const r of b) {
        if (having) {
          const h = having.ev(r, st);
          if (h === null || h === 0 || h === 0n || h === false) continue;
        }
        const row = projections.map((p) => p.ev(r, st));
        if (orderKeys.length) for (const k of orderKeys) row.push(k.ev(r, st));
        out.push(row);
      }
      await performSleep(env, st.sleepSeconds);
      checkInterrupted(env);
      if (out.length) yield out;
    }
  };

  const width = projections.length;
  const ordered = async function* (): AsyncGenerator<unknown[][]> {
    if (!materialise) {
      yield* projected();
      return;
    }
    let rows: unknown[][] = [];
    for await (const b of projected()) for (const r of b) rows.push(r);
    if (core.distinct) {
      const seen = new Set<string>();
      rows = rows.filter((r) => {
        const k = rowKey(r.slice(0, width));
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    if (orderBy.length) {
      const dirs = orderBy.map((o) => ({ sign: o.desc ? -1 : 1, nullsFirst: o.nulls === 'first' }));
      rows.sort((a, b) => {
        for (let i = 0; i < dirs.length; i++) {
          const x = a[width + i];
          const y = b[width + i];
          const d = dirs[i]!;
          const xn = x === null || (typeof x === 'number' && Number.isNaN(x));
          const yn = y === null || (typeof y === 'number' && Number.isNaN(y));
          if (xn || yn) {
            if (xn && yn) {
              if (x === null && y !== null) return d.nullsFirst ? -1 : 1;
              if (y === null && x !== null) return d.nullsFirst ? 1 : -1;
              continue;
            }
            return (xn ? 1 : -1) * (d.nullsFirst ? -1 : 1);
          }
          const c = compareValues(x, y) * d.sign;
          if (c !== 0) return c;
        }
        return 0;
      });
    }
    const blockSize = Math.max(1, Number(env.settings.get('max_block_size')) || 65409);
    for (let i = 0; i < rows.length; i += blockSize) yield rows.slice(i, i + blockSize);
  };

  const limited = async function* (): AsyncGenerator<unknown[][]> {
    let skip = offset + settingOffset;
    let remaining = limit ?? Infinity;
    if (settingLimit > 0) remaining = Math.min(remaining, settingLimit);
    if (remaining === 0) return;
    for await (const b of ordered()) {
      beforeLimit += b.length;
      let rows = b;
      if (skip > 0) {
        const s = Math.min(skip, rows.length);
        rows = rows.slice(s);
        skip -= s;
      }
      if (rows.length > remaining) rows = rows.slice(0, remaining);
      remaining -= rows.length;
      if (orderKeys.length) rows = rows.map((r) => r.slice(0, width));
      if (rows.length) yield rows;
      if (remaining <= 0) return;
    }
  };

  return {
    columns,
    blocks: limited,
    rowsBeforeLimit: core.limit || settingLimit > 0 ? () => beforeLimit : undefined,
  };
}

/** ORDER BY 1 refers to the first select column. */
function orderTarget(e: Expr, selectExprs: Expr[]): Expr {
  if (e.t === 'lit' && typeof e.value === 'bigint' && e.value >= 1n && e.value <= BigInt(selectExprs.length)) {
    const target = selectExprs[Number(e.value) - 1]!;
    return { ...target, alias: undefined } as Expr;
  }
  return e;
}

export { arrayOf };
