// CREATE TABLE in StarRocks syntax → an engine Table with its StarRocks
// metadata, checked the way the FE's CreateTableAnalyzer checks it; and the
// texts of SHOW CREATE TABLE and DESC.

import { randomUUID } from 'node:crypto';
import type { Table, TableColumn } from '../../engine/catalog.ts';
import type { SrCreateTable } from './ast.ts';
import type { StarRocksColumnMeta, StarRocksKeysType, StarRocksTableMeta, StarRocksType } from './meta.ts';
import { keysTypeSql, starRocksMeta } from './meta.ts';
import { engineType, starRocksTypeOf, typeCanonical, typeSql } from './types.ts';
import { analysisError, codedError } from './errors.ts';

let nextTableId = 10100;

/** A table loaded from a data directory holds `id`: later tables are numbered past it. */
export function reserveTableId(id: number): void {
  if (id >= nextTableId) nextTableId = id + 1;
}

/** Byte widths the default sort key counts (CreateTableAnalyzer keeps keys within 36 bytes). */
const KEY_BYTES: Partial<Record<StarRocksType['base'], number>> = {
  TINYINT: 1, SMALLINT: 2, INT: 4, BIGINT: 8, LARGEINT: 16, DATE: 3, DATETIME: 8, BOOLEAN: 1, DECIMAL: 8,
};

/** The sort key StarRocks picks when a DUPLICATE KEY table names none. */
function defaultKeys(cols: { name: string; type: StarRocksType }[]): string[] {
  const keys: string[] = [];
  let bytes = 0;
  for (const c of cols) {
    if (keys.length === 3) break;
    const b = c.type.base;
    if (b === 'FLOAT' || b === 'DOUBLE' || b === 'JSON') break;
    if (b === 'VARCHAR' || b === 'CHAR') {
      keys.push(c.name);
      break;
    }
    bytes += KEY_BYTES[b] ?? 8;
    if (bytes > 36) break;
    keys.push(c.name);
  }
  if (keys.length === 0 && cols.length > 0) keys.push(cols[0]!.name);
  return keys;
}

/** The properties SHOW CREATE TABLE lists: StarRocks' defaults under the given ones, sorted by name. */
function tableProperties(given: [string, string][], keysType: StarRocksKeysType): [string, string][] {
  const props = new Map<string, string>([
    ['compression', 'LZ4'],
    ['fast_schema_evolution', 'true'],
    ['replicated_storage', 'true'],
    // The reference cluster has one BE, as `default_replication_num = 1` deployments do.
    ['replication_num', '1'],
  ]);
  if (keysType === 'PRIMARY_KEYS') props.set('enable_persistent_index', 'true');
  for (const [k, v] of given) props.set(k, v);
  return [...props.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function buildStarRocksTable(st: SrCreateTable, database: string): Table {
  const seen = new Set<string>();
  for (const c of st.columns) {
    const lower = c.name.toLowerCase();
    if (seen.has(lower)) throw codedError('DUPLICATE_COLUMN', 1060, '42S21', `Duplicate column name '${c.name}'`);
    seen.add(lower);
  }
  if (st.columns.length === 0) throw codedError('EMPTY_LIST_OF_COLUMNS_PASSED', 1113, '42000', 'A table must have at least 1 column');
  const keysType = st.keys?.type ?? 'DUP_KEYS';
  const keyColumns = st.keys?.columns ?? defaultKeys(st.columns);
  keyColumns.forEach((k, i) => {
    const c = st.columns[i];
    if (!st.columns.some((x) => x.name === k)) throw analysisError(`Key column(${k}) doesn't exist.`);
    if (!c || c.name !== k) {
      throw analysisError(`Key columns should be a ordered prefix of the schema. KeyColumns[${i}] (starts from zero) is ${k}, but corresponding column is ${c?.name ?? ''} in the previous columns declaration.`);
    }
  });
  const keySet = new Set(keyColumns);
  const columns: TableColumn[] = [];
  const metas: StarRocksColumnMeta[] = [];
  for (const c of st.columns) {
    const isKey = keySet.has(c.name);
    if (isKey && c.aggregate) throw analysisError(`Key column ${c.name} should not specify aggregate type.`);
    if (!isKey && keysType === 'AGG_KEYS' && !c.aggregate) {
      throw analysisError(`Value column ${c.name} of aggregate key table must specify aggregate type`);
    }
    if (!isKey && keysType !== 'AGG_KEYS' && c.aggregate) {
      throw analysisError(`Column ${c.name} can not specify aggregate type in ${keysTypeSql(keysType)} table`);
    }
    if (isKey && (c.type.base === 'FLOAT' || c.type.base === 'DOUBLE')) {
      throw analysisError(`Invalid data type of key column '${c.name}': '${c.type.base}'`);
    }
    // Primary key columns are NOT NULL; saying NULL is an error.
    if (isKey && keysType === 'PRIMARY_KEYS' && c.nullable === true) throw analysisError(`primary key column[${c.name}] cannot be nullable`);
    const nullable = keysType === 'PRIMARY_KEYS' && isKey ? false : c.nullable ?? true;
    columns.push({
      name: c.name,
      type: engineType(c.type, nullable),
      // Every loader (INSERT, stream load) fills omitted columns from here.
      ...(c.defaultValue !== undefined ? {
        defaultKind: 'DEFAULT' as const,
        defaultExpr: c.defaultValue === 'CURRENT_TIMESTAMP' ? { t: 'fn' as const, name: 'now', args: [] } : { t: 'lit' as const, value: c.defaultValue, raw: quoteText(c.defaultValue) },
        defaultText: c.defaultValue === 'CURRENT_TIMESTAMP' ? 'now()' : quoteText(c.defaultValue),
      } : {}),
      ...(c.comment ? { comment: c.comment } : {}),
    });
    metas.push({
      name: c.name, type: c.type, nullable, isKey,
      ...(c.aggregate ? { aggregate: c.aggregate } : {}),
      ...(c.defaultValue !== undefined ? { defaultValue: c.defaultValue } : {}),
      comment: c.comment ?? '',
    });
  }
  const distribution = st.distribution ?? (keysType === 'DUP_KEYS' ? { kind: 'RANDOM' as const } : { kind: 'HASH' as const, columns: keyColumns });
  if (distribution.kind === 'HASH') {
    for (const d of distribution.columns) {
      if (!seen.has(d.toLowerCase())) throw analysisError(`Distribution column(${d}) doesn't exist.`);
      if (keysType !== 'DUP_KEYS' && keysType !== 'PRIMARY_KEYS' && !keySet.has(d)) throw analysisError(`Distribution column[${d}] is not key column`);
    }
  } else if (keysType !== 'DUP_KEYS') {
    throw analysisError('Random distribution table only support duplicate key table');
  }
  if (st.buckets !== undefined && st.buckets <= 0) throw analysisError('Number of hash distribution should be greater than zero.');
  for (const p of st.partition?.columns ?? []) {
    if (!seen.has(p.toLowerCase())) throw analysisError(`Partition column[${p}] does not exist in column list.`);
  }
  const meta: StarRocksTableMeta = {
    id: nextTableId++,
    keysType,
    keyColumns,
    columns: metas,
    ...(st.partition ? { partition: st.partition } : {}),
    distribution,
    ...(st.buckets !== undefined ? { buckets: st.buckets } : {}),
    properties: tableProperties(st.properties, keysType),
    ...(st.orderBy ? { orderBy: st.orderBy } : {}),
    comment: st.comment ?? '',
    engine: (st.engine ?? 'OLAP').toUpperCase(),
  };
  return {
    database, name: st.name, uuid: randomUUID(), columns, engine: 'StarRocks', engineFull: `OLAP ${keysTypeSql(keysType)}`,
    comment: meta.comment, createdAt: Math.floor(Date.now() / 1000), parts: [], bytes: 0, extension: meta,
  };
}

const quoteName = (n: string): string => `\`${n}\``;
const quoteText = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** SHOW CREATE TABLE's text (AstToStringBuilder.getDdlStmt for OLAP tables). */
export function showCreateStarRocks(t: Table, meta: StarRocksTableMeta): string {
  const cols = meta.columns.map((c) => {
    let s = `  ${quoteName(c.name)} ${typeSql(c.type)}`;
    if (c.aggregate) s += ` ${c.aggregate}`;
    s += c.nullable ? ' NULL' : ' NOT NULL';
    if (c.defaultValue !== undefined) s += c.defaultValue === 'CURRENT_TIMESTAMP' ? ' DEFAULT CURRENT_TIMESTAMP' : ` DEFAULT ${quoteText(c.defaultValue)}`;
    s += ` COMMENT ${quoteText(c.comment)}`;
    return s;
  });
  let s = `CREATE TABLE ${quoteName(t.name)} (\n${cols.join(',\n')}\n) ENGINE=${meta.engine} \n`;
  s += `${keysTypeSql(meta.keysType)}(${meta.keyColumns.map(quoteName).join(', ')})\n`;
  if (meta.comment) s += `COMMENT ${quoteText(meta.comment)}\n`;
  if (meta.partition) s += `PARTITION BY ${meta.partition.text}\n`;
  if (meta.distribution.kind === 'HASH') s += `DISTRIBUTED BY HASH(${meta.distribution.columns.map(quoteName).join(', ')})`;
  else s += 'DISTRIBUTED BY RANDOM';
  s += meta.buckets !== undefined ? ` BUCKETS ${meta.buckets} \n` : '\n';
  if (meta.orderBy) s += `ORDER BY(${meta.orderBy.map(quoteName).join(', ')})\n`;
  s += `PROPERTIES (\n${meta.properties.map(([k, v]) => `${quoteText(k)} = ${quoteText(v)}`).join(',\n')}\n);`;
  return s;
}

/** DESC rows: Field, Type, Null, Key, Default, Extra (IndexSchemaProcNode). */
export function describeStarRocks(meta: StarRocksTableMeta): unknown[][] {
  return meta.columns.map((c) => [
    c.name,
    typeCanonical(c.type),
    c.nullable ? 'YES' : 'NO',
    c.isKey ? 'true' : 'false',
    c.defaultValue ?? (c.nullable ? null : null),
    c.aggregate ?? '',
  ]);
}

/** A table's StarRocks metadata; derived from its engine columns when it was not created in this dialect. */
export function tableMetaOf(t: Table): StarRocksTableMeta {
  const meta = starRocksMeta(t);
  if (meta) return meta;
  const columns = t.columns.map((c, i) => ({
    name: c.name, type: starRocksTypeOf(c.type), nullable: c.type.kind === 'Nullable', isKey: i === 0, comment: c.comment ?? '',
  }));
  return {
    id: 0, keysType: 'DUP_KEYS', keyColumns: columns.slice(0, 1).map((c) => c.name), columns, distribution: { kind: 'RANDOM' },
    properties: [], comment: t.comment, engine: 'OLAP',
  };
}

/** SHOW CREATE TABLE of a view (the View / Create View row). */
export function showCreateView(view: Table): string {
  const cols = view.columns.map((c) => quoteName(c.name)).join(', ');
  return `CREATE VIEW ${quoteName(view.name)} (${cols})${view.comment ? ` COMMENT ${quoteText(view.comment)}` : ''} AS ${view.engineFull};`;
}
