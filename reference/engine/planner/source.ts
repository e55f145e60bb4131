// Where a SELECT's rows come from: nothing (system.one's one row), a
// subquery, numbers()/zeros()/one(), a system table or a stored or
// temporary table, read in max_block_size blocks under max_rows_to_read.

import { EngineError } from '../errors.ts';
import { T } from '../types.ts';
import type { DataType } from '../types.ts';
import type { TableExpr } from '../parser/ast.ts';
import type { ScopeColumn } from '../expr/compiler.ts';
import { unknownDatabase } from '../catalog.ts';
import { SYSTEM_TABLES } from '../system-tables.ts';
import { formatReadableQuantity } from '../functions/misc.ts';
import type { ExecEnv, Source } from './env.ts';
import { checkInterrupted } from './interrupts.ts';
import { constNumber } from './limit-values.ts';
import { planSelect } from './plan.ts';
import { Block } from '../columns/block.ts';
import { BigIntColumn, NumberColumn } from '../columns/column.ts';
import { tableParts } from '../catalog.ts';
import { joinSource } from './join.ts';
import type { CompileBase } from './expressions.ts';

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
        let column;
        if (name === 'zeros') column = new NumberColumn(T.UInt8, new Uint8Array(n));
        else column = new BigIntColumn(T.UInt64, countingFrom(start + BigInt(produced), n));
        produced += n;
        env.progress.readRows += n;
        env.progress.readBytes += n * (name === 'zeros' ? 1 : 8);
        yield Block.ofColumns([column]);
      }
    },
  };
}

/** n consecutive UInt64 values from `first`, written as 32-bit halves while they stay below 2^53. */
function countingFrom(first: bigint, n: number): BigUint64Array {
  const data = new BigUint64Array(n);
  if (first + BigInt(n) < 2n ** 53n) {
    const words = new Uint32Array(data.buffer);
    let v = Number(first);
    for (let i = 0; i < n; i++, v++) {
      words[2 * i] = v >>> 0;
      words[2 * i + 1] = (v / 4294967296) >>> 0;
    }
  } else {
    let v = first;
    for (let i = 0; i < n; i++) data[i] = v++;
  }
  return data;
}

/** Stored blocks read in max_block_size pieces, each a slice of its part (no copy). */
function partsSource(env: ExecEnv, columns: ScopeColumn[], parts: readonly Block[]): Source {
  return {
    columns,
    rowCount: parts.reduce((n, p) => n + p.length, 0),
    blocks: async function* () {
      const blockSize = Math.max(1, Number(env.settings.get('max_block_size')) || 65409);
      const maxRead = Number(env.settings.get('max_rows_to_read'));
      for (const p of parts) env.progress.totalRowsToRead += p.length;
      for (const part of parts) {
        for (let i = 0; i < part.length; i += blockSize) {
          checkInterrupted(env);
          const block = part.slice(i, i + blockSize);
          if (maxRead > 0 && env.progress.readRows + block.length > maxRead && env.settings.get('read_overflow_mode') === 'throw') {
            throw new EngineError('TOO_MANY_ROWS', `Limit for rows (controlled by 'max_rows_to_read' setting) exceeded, max rows: ${formatReadableQuantity(maxRead)}, current rows: ${formatReadableQuantity(env.progress.readRows + block.length)}`);
          }
          env.progress.readRows += block.length;
          env.progress.readBytes += block.byteSize();
          yield block;
        }
      }
    },
  };
}

function rowsSource(env: ExecEnv, columns: ScopeColumn[], rows: unknown[][]): Source {
  return partsSource(env, columns, rows.length ? [Block.ofRows(columns.map((c) => c.type), rows)] : []);
}

export async function resolveSource(te: TableExpr | undefined, env: ExecEnv, scope: string, base: CompileBase, limitHint?: number): Promise<Source> {
  if (!te) {
    const src = rowsSource(env, [{ name: 'dummy', type: T.UInt8, tables: ['system.one', 'one'] }], [[0]]);
    return src;
  }
  if (te.t === 'join') return joinSource(te, env, scope, base, (side) => resolveSource(side, env, scope, base));
  const cte = te.t === 'table' && te.db === undefined ? env.ctes?.get(te.name) : undefined;
  if (cte && te.t === 'table') return resolveSource({ t: 'sub', query: cte, alias: te.alias ?? te.name }, env, scope, base, limitHint);
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
  const found = temporary ?? database!.tables.get(te.name);
  if (!found) throw unknownTableExpression(te, scope, env);
  // A view reads its query, a materialized view the table its rows go to.
  if (found.view && !env.tableOverrides?.has(found)) {
    const alias = te.alias ?? te.name;
    if (!found.view.materialized) return resolveSource({ t: 'sub', query: found.view.query, alias }, env, scope, base, limitHint);
    if (found.view.to) return resolveSource({ t: 'table', db: found.view.to.db, name: found.view.to.name, alias }, env, scope, base, limitHint);
  }
  const table = env.tableOverrides?.get(found) ?? found;
  const visible = table.columns.filter((c) => c.defaultKind !== 'ALIAS' && c.defaultKind !== 'EPHEMERAL');
  const columns = visible.map((c) => ({ name: c.name, type: c.type, tables: qualified }));
  const idx = visible.map((c) => table.columns.indexOf(c));
  const all = tableParts(table);
  const parts = idx.length === table.columns.length ? all : all.map((p) => p.pick(idx));
  return { ...partsSource(env, columns, parts), ...(temporary ? {} : { table }) };
}

function unknownTableExpression(te: TableExpr & { t: 'table' }, scope: string, env: ExecEnv): EngineError {
  void env;
  const name = te.db ? `${te.db}.${te.name}` : te.name;
  return new EngineError('UNKNOWN_TABLE', `Unknown table expression identifier '${name}' in scope ${scope}`);
}
