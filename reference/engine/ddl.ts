// CREATE TABLE validation, SHOW CREATE text and DESCRIBE rows.

import { randomUUID } from 'node:crypto';
import { EngineError } from './errors.ts';
import { nullable, parseType, prettyTypeName, valueBytes } from './types.ts';
import type { DataType } from './types.ts';
import type { ColumnDef } from './api.ts';
import type { ColumnSpec, Statement } from './parser/ast.ts';
import { backQuoteIfNeed } from './catalog.ts';
import type { Table, TableColumn } from './catalog.ts';
import { Compiler } from './expr/compiler.ts';
import { viewQueryText } from './views.ts';
import type { ScopeColumn } from './expr/compiler.ts';
import type { FunctionEnv } from './expr/compiled.ts';

type CreateTable = Statement & { kind: 'create_table' };

const ENGINES = new Set(['Memory', 'MergeTree', 'ReplacingMergeTree', 'SummingMergeTree', 'AggregatingMergeTree', 'CollapsingMergeTree', 'Log', 'TinyLog', 'StripeLog', 'Null']);

/** A column of a definition; a default may read the table's other columns (`scope`). */
export function tableColumnOf(c: ColumnSpec, env: FunctionEnv, scope: ScopeColumn[] = []): TableColumn {
  let type: DataType | undefined = c.type !== undefined ? parseType(c.type) : undefined;
  if (c.defaultExpr) {
    const compiled = new Compiler({ env, columns: scope, aliases: new Map(), scope: c.defaultText ?? '', precomputed: new Map() }).compile(c.defaultExpr);
    type ??= compiled.type;
  }
  if (c.nullModifier === 'NULL' && type) type = nullable(type);
  return {
    name: c.name,
    type: type!,
    ...(c.defaultKind ? { defaultKind: c.defaultKind } : {}),
    ...(c.defaultExpr ? { defaultExpr: c.defaultExpr } : {}),
    ...(c.defaultText !== undefined ? { defaultText: c.defaultText } : {}),
    ...(c.comment !== undefined ? { comment: c.comment } : {}),
  };
}

/**
 * `n Nested(a T, b U)` is the columns `n.a Array(T)` and `n.b Array(U)`
 * (flatten_nested, on by default), whose arrays have equal sizes in each row.
 */
function flattenNested(c: ColumnSpec): ColumnSpec[] {
  const m = c.type !== undefined ? /^\s*Nested\s*\(([\s\S]*)\)\s*$/i.exec(c.type) : null;
  if (!m) return [c];
  const t = parseType(`Tuple(${m[1]})`);
  if (!t.names) throw new EngineError('BAD_ARGUMENTS', 'Data type Nested must have named elements');
  return t.elements!.map((e, i) => ({ ...c, name: `${c.name}.${t.names![i]}`, type: `Array(${e.name})` }));
}

/** Build the table definition of a CREATE TABLE (without AS SELECT rows). */
export function buildTable(st: CreateTable, database: string, env: FunctionEnv, fromColumns?: ColumnDef[]): Table {
  const columns: TableColumn[] = [];
  const seen = new Set<string>();
  // A DEFAULT may read the table's other columns (those with a declared type).
  const flat = st.columns.flatMap((spec) => flattenNested(spec));
  const scope = flat.filter((c) => c.type !== undefined).map((c) => ({ name: c.name, type: parseType(c.type!), tables: [] }));
  for (const c of flat) {
    if (seen.has(c.name)) throw new EngineError('DUPLICATE_COLUMN', `Column ${backQuoteIfNeed(c.name)} already exists`);
    seen.add(c.name);
    columns.push(tableColumnOf(c, env, scope));
  }
  if (columns.length === 0 && fromColumns) {
    for (const c of fromColumns) columns.push({ name: c.name, type: c.type });
  }
  if (columns.length === 0) {
    throw new EngineError('EMPTY_LIST_OF_COLUMNS_PASSED', 'Empty list of columns passed');
  }
  const engine = st.engine?.name ?? 'MergeTree';
  if (!st.engine && !st.orderBy) {
    // 24.8 defaults default_table_engine to MergeTree, which needs ORDER BY.
    throw new EngineError('BAD_ARGUMENTS', 'ORDER BY or PRIMARY KEY clause is missing. Consider using extended storage definition syntax with ORDER BY or PRIMARY KEY clause. With deprecated old syntax (highly not recommended) storage MergeTree requires 3 to 4 parameters: \nname of column with date,\n[sampling element of primary key],\nprimary key expression,\nindex granularity\n');
  }
  if (!ENGINES.has(engine)) {
    throw new EngineError('UNKNOWN_STORAGE', `Unknown table engine ${engine}`);
  }
  if (engine.endsWith('MergeTree') && st.orderBy === undefined && st.primaryKey === undefined) {
    throw new EngineError('BAD_ARGUMENTS', `${engine === 'MergeTree' ? '' : ''}ORDER BY or PRIMARY KEY clause is missing. Consider using extended storage definition syntax with ORDER BY or PRIMARY KEY clause. With deprecated old syntax (highly not recommended) storage ${engine} requires 3 to 4 parameters: \nname of column with date,\n[sampling element of primary key],\nprimary key expression,\nindex granularity\n`);
  }
  if (!engine.endsWith('MergeTree') && (st.orderBy !== undefined || st.partitionBy !== undefined || st.primaryKey !== undefined)) {
    throw new EngineError('BAD_ARGUMENTS', `Engine ${engine} doesn't support PARTITION_BY, PRIMARY_KEY, ORDER_BY or SAMPLE_BY clauses. Currently only the following engines have support for the feature: [MergeTree, ReplacingMergeTree, SummingMergeTree, AggregatingMergeTree, CollapsingMergeTree, VersionedCollapsingMergeTree, GraphiteMergeTree, CoalescingMergeTree, ReplicatedMergeTree, ReplicatedReplacingMergeTree, ReplicatedSummingMergeTree, ReplicatedAggregatingMergeTree, ReplicatedCollapsingMergeTree, ReplicatedVersionedCollapsingMergeTree, ReplicatedGraphiteMergeTree]`);
  }
  let engineFull = st.engine?.text ?? 'MergeTree';
  if (st.partitionBy) engineFull += ` PARTITION BY ${st.partitionBy}`;
  if (st.primaryKey) engineFull += ` PRIMARY KEY ${st.primaryKey}`;
  if (st.orderBy) engineFull += ` ORDER BY ${st.orderBy}`;
  if (engine.endsWith('MergeTree')) {
    const settings = st.tableSettings.length ? st.tableSettings : [['index_granularity', '8192'] as [string, string]];
    if (!settings.some(([k]) => k === 'index_granularity')) settings.push(['index_granularity', '8192']);
    engineFull += ` SETTINGS ${settings.map(([k, v]) => `${k} = ${v}`).join(', ')}`;
  }
  return {
    database,
    name: st.name,
    uuid: randomUUID(),
    columns,
    engine,
    engineFull,
    ...(st.orderBy !== undefined ? { orderBy: st.orderBy } : {}),
    ...(st.partitionBy !== undefined ? { partitionBy: st.partitionBy } : {}),
    ...(st.primaryKey !== undefined ? { primaryKey: st.primaryKey } : {}),
    comment: st.comment ?? '',
    createdAt: Math.floor(Date.now() / 1000),
    parts: [],
    bytes: 0,
  };
}

/** The approximate bytes of rows, for system.tables and written_bytes. */
export function rowsBytes(columns: { type: DataType }[], rows: readonly unknown[][]): number {
  let n = 0;
  for (const r of rows) for (let i = 0; i < columns.length; i++) n += valueBytes(columns[i]!.type, r[i]);
  return n;
}

/** SHOW CREATE TABLE text, formatted the way ClickHouse prints it. */
export function showCreateTable(t: Table): string {
  const cols = t.columns.map((c) => {
    let s = `    \`${c.name}\` ${createTypeText(c.type, 4)}`;
    if (c.defaultKind && c.defaultText !== undefined) s += ` ${c.defaultKind} ${c.defaultText}`;
    if (c.comment) s += ` COMMENT '${c.comment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    return s;
  });
  if (t.view) {
    const kind = t.view.materialized ? 'MATERIALIZED VIEW' : 'VIEW';
    const to = t.view.to ? ` TO ${backQuoteIfNeed(t.view.to.db)}.${backQuoteIfNeed(t.view.to.name)}` : '';
    const engine = t.view.materialized && !t.view.to && t.engineFull ? `\nENGINE = ${t.engineFull}` : '';
    return `CREATE ${kind} ${backQuoteIfNeed(t.database)}.${backQuoteIfNeed(t.name)}${to}\n(\n${cols.join(',\n')}\n)${engine}\nAS ${viewQueryText(t.view.query, t.database)}`;
  }
  // A temporary table has no database (its database field is empty).
  const name = t.database === '' ? `TEMPORARY TABLE ${backQuoteIfNeed(t.name)}` : `TABLE ${backQuoteIfNeed(t.database)}.${backQuoteIfNeed(t.name)}`;
  let s = `CREATE ${name}\n(\n${cols.join(',\n')}\n)\nENGINE = ${t.engine}`;
  if (t.partitionBy) s += `\nPARTITION BY ${t.partitionBy}`;
  if (t.primaryKey) s += `\nPRIMARY KEY ${t.primaryKey}`;
  if (t.orderBy) s += `\nORDER BY ${t.orderBy}`;
  const settingsAt = t.engineFull.indexOf(' SETTINGS ');
  if (settingsAt >= 0) s += `\nSETTINGS ${t.engineFull.slice(settingsAt + 10)}`;
  if (t.comment) s += `\nCOMMENT '${t.comment.replace(/'/g, "\\'")}'`;
  return s;
}

/** DESCRIBE rows (24.8 columns). */
/**
 * A column type as SHOW CREATE TABLE formats its AST: a Tuple of more than one
 * element puts each element on its own line, one level deeper.
 */
function createTypeText(t: DataType, indent: number): string {
  switch (t.kind) {
    case 'Tuple': {
      const multi = t.elements!.length > 1;
      const at = multi ? indent + 4 : indent;
      const items = t.elements!.map((e, i) => `${t.names ? `${t.names[i]} ` : ''}${createTypeText(e, at)}`);
      return multi ? `Tuple(\n${items.map((x) => `${' '.repeat(at)}${x}`).join(',\n')})` : `Tuple(${items.join(', ')})`;
    }
    case 'Array': case 'Nullable': case 'LowCardinality': return `${t.kind}(${createTypeText(t.inner!, indent)})`;
    case 'Map': return `Map(${createTypeText(t.key!, indent)}, ${createTypeText(t.inner!, indent)})`;
    default: return t.name;
  }
}

export function describeRows(columns: { name: string; type: DataType; defaultKind?: string; defaultText?: string; comment?: string }[]): unknown[][] {
  return columns.map((c) => [c.name, prettyTypeName(c.type), c.defaultKind ?? '', c.defaultText ?? '', c.comment ?? '', '', '']);
}
