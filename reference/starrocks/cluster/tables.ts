// StarRocks table metadata the engine does not keep: key model, partitions,
// buckets, properties, and the tablets (buckets × partitions) with their
// versions and rowsets. Tables registered by the MySQL-protocol side carry
// their DDL; a table found only in the engine's catalog gets StarRocks'
// defaults (DUPLICATE KEY on the first column, one partition, one bucket).

import { crc32 } from 'node:zlib';
import type { Engine } from '../../engine/index.ts';
import type { Table } from '../../engine/catalog.ts';
import type { DataType } from '../../engine/types.ts';
import { unwrapNullable } from '../../engine/types.ts';
import type { IdGenerator } from './ids.ts';

export type KeysType = 'DUP_KEYS' | 'AGG_KEYS' | 'UNIQUE_KEYS' | 'PRIMARY_KEYS';
export type Aggregation = 'SUM' | 'MAX' | 'MIN' | 'REPLACE' | 'REPLACE_IF_NOT_NULL' | 'NONE';

export interface ColumnSpec {
  name: string;
  /** StarRocks type text, e.g. `INT`, `VARCHAR(20)`, `DECIMAL(10, 2)`. */
  type: string;
  nullable?: boolean;
  aggregation?: Aggregation;
  comment?: string;
}

export interface PartitionSpec {
  name: string;
  /** RANGE: lower bound inclusive (absent = MINVALUE), upper exclusive (absent = MAXVALUE). */
  lower?: string;
  upper?: string;
  /** LIST: the values of the partition. */
  values?: string[];
}

/** What CREATE TABLE says; every field but db/name is optional. */
export interface TableSpec {
  db: string;
  name: string;
  keysType?: KeysType;
  keyColumns?: string[];
  columns?: ColumnSpec[];
  partitionBy?: { kind: 'RANGE' | 'LIST'; column: string; partitions: PartitionSpec[] };
  distributedBy?: string[];
  buckets?: number;
  properties?: Record<string, string>;
  comment?: string;
}

export interface RowsetMeta {
  rowsetId: string;
  start: number;
  end: number;
  segments: number;
  rows: number;
  bytes: number;
  overlapping: boolean;
  delete: boolean;
}

export interface TabletMeta {
  id: number;
  tableId: number;
  partitionId: number;
  indexId: number;
  schemaHash: number;
  backendId: number;
  rowsets: RowsetMeta[];
  staleRowsets: RowsetMeta[];
  cumulativePoint: number;
  lastCumulativeSuccess: number;
  lastBaseSuccess: number;
  lastCumulativeFailure: number;
  lastBaseFailure: number;
  creationTime: number;
  /** In the BE's trash (restore_tablet) after a drop. */
  inTrash: boolean;
  checksumSeed: number;
}

export interface PartitionMeta extends PartitionSpec {
  id: number;
  visibleVersion: number;
  visibleVersionTime: number;
  tablets: TabletMeta[];
}

export interface TableMeta {
  id: number;
  dbId: number;
  db: string;
  name: string;
  keysType: KeysType;
  keyColumns: string[];
  columns: ColumnSpec[];
  partitionKind: 'UNPARTITIONED' | 'RANGE' | 'LIST';
  partitionColumn?: string;
  partitions: PartitionMeta[];
  distributedBy: string[];
  buckets: number;
  properties: Record<string, string>;
  indexId: number;
  schemaHash: number;
  createTime: number;
  comment: string;
  /** The engine table this metadata describes (a re-created table gets new metadata). */
  engineUuid?: string;
}

/** StarRocks' name for an engine type (DESC / _schema / error logs). */
export function starRocksTypeName(t: DataType): string {
  const b = unwrapNullable(t);
  switch (b.kind) {
    case 'Int8': case 'UInt8': return 'TINYINT';
    case 'Int16': case 'UInt16': return 'SMALLINT';
    case 'Int32': case 'UInt32': return 'INT';
    case 'Int64': case 'UInt64': return 'BIGINT';
    case 'Float32': return 'FLOAT';
    case 'Float64': return 'DOUBLE';
    case 'Bool': return 'BOOLEAN';
    case 'Date': return 'DATE';
    case 'DateTime': return 'DATETIME';
    case 'Array': return `ARRAY<${starRocksTypeName(b.inner!)}>`;
    default: return 'VARCHAR(65533)';
  }
}

export class TableRegistry {
  private readonly metas = new Map<string, TableMeta>();
  private readonly engine: Engine;
  private readonly ids: IdGenerator;
  private readonly backendId: () => number;
  private readonly now: () => number;
  private readonly dbId: (db: string) => number;

  constructor(opts: { engine: Engine; ids: IdGenerator; backendId: () => number; now: () => number; dbId: (db: string) => number }) {
    this.engine = opts.engine;
    this.ids = opts.ids;
    this.backendId = opts.backendId;
    this.now = opts.now;
    this.dbId = opts.dbId;
  }

  /** Record a table's StarRocks DDL (the MySQL-protocol side calls this after CREATE TABLE). */
  register(spec: TableSpec): TableMeta {
    const engineTable = this.engine.catalog.findTable(spec.db, spec.name);
    const columns = spec.columns ?? (engineTable ? columnsOf(engineTable) : []);
    const keyColumns = spec.keyColumns ?? (columns.length > 0 ? [columns[0]!.name] : []);
    const tableId = this.ids.next();
    const indexId = this.ids.next();
    const schemaHash = (crc32(`${spec.db}.${spec.name}.${tableId}`) & 0x7fffffff) || 1;
    const buckets = Math.max(1, spec.buckets ?? 1);
    const partSpecs: PartitionSpec[] = spec.partitionBy?.partitions.length ? spec.partitionBy.partitions : [{ name: spec.name }];
    const meta: TableMeta = {
      id: tableId, dbId: this.dbId(spec.db), db: spec.db, name: spec.name,
      keysType: spec.keysType ?? 'DUP_KEYS', keyColumns,
      columns: columns.map((c) => ({ ...c, aggregation: c.aggregation ?? (keyColumns.includes(c.name) ? 'NONE' : defaultAggregation(spec.keysType)) })),
      partitionKind: spec.partitionBy?.kind ?? 'UNPARTITIONED',
      ...(spec.partitionBy ? { partitionColumn: spec.partitionBy.column } : {}),
      partitions: [],
      distributedBy: spec.distributedBy ?? keyColumns.slice(0, 1),
      buckets,
      properties: { replication_num: '1', ...(spec.properties ?? {}) },
      indexId, schemaHash, createTime: this.now(), comment: spec.comment ?? '',
      ...(engineTable ? { engineUuid: engineTable.uuid } : {}),
    };
    for (const p of partSpecs) meta.partitions.push(this.newPartition(meta, p));
    this.metas.set(key(spec.db, spec.name), meta);
    return meta;
  }

  addPartition(meta: TableMeta, spec: PartitionSpec): PartitionMeta {
    const p = this.newPartition(meta, spec);
    meta.partitions.push(p);
    return p;
  }

  private newPartition(meta: TableMeta, spec: PartitionSpec): PartitionMeta {
    const id = this.ids.next();
    const now = this.now();
    const partition: PartitionMeta = { ...spec, id, visibleVersion: 1, visibleVersionTime: now, tablets: [] };
    for (let b = 0; b < meta.buckets; b++) {
      const tabletId = this.ids.next();
      partition.tablets.push({
        id: tabletId, tableId: meta.id, partitionId: id, indexId: meta.indexId, schemaHash: meta.schemaHash,
        backendId: this.backendId(),
        // A new tablet holds the empty rowset of version [0-1].
        rowsets: [{ rowsetId: rowsetId(tabletId, 1), start: 0, end: 1, segments: 0, rows: 0, bytes: 0, overlapping: false, delete: false }],
        staleRowsets: [], cumulativePoint: 2,
        lastCumulativeSuccess: 0, lastBaseSuccess: 0, lastCumulativeFailure: 0, lastBaseFailure: 0,
        creationTime: now, inTrash: false, checksumSeed: crc32(String(tabletId)),
      });
    }
    return partition;
  }

  /** The table's metadata; derived on first use for a table the engine knows but nobody registered. */
  find(db: string, name: string): TableMeta | undefined {
    const engineTable = this.engine.catalog.findTable(db, name);
    const meta = this.metas.get(key(db, name));
    if (!engineTable) {
      // Dropped (or never created) in the engine: its tablets go to the BE's trash.
      if (meta) this.drop(db, name);
      return undefined;
    }
    if (meta && meta.engineUuid === undefined) meta.engineUuid = engineTable.uuid;
    if (meta && meta.engineUuid === engineTable.uuid) return meta;
    // The engine's table was dropped and created again behind our back: start over with its columns.
    if (meta) this.drop(db, name);
    return this.register({ db, name, ...(meta && sameColumns(meta, engineTable) ? carry(meta) : {}) });
  }

  drop(db: string, name: string): void {
    const meta = this.metas.get(key(db, name));
    if (!meta) return;
    for (const t of allTablets(meta)) t.inTrash = true;
    this.trash.push(...allTablets(meta));
    this.metas.delete(key(db, name));
  }

  readonly trash: TabletMeta[] = [];

  /** Every known table (of the engine's catalog) of `db`, or of all user databases. */
  tablesOf(db?: string): TableMeta[] {
    const out: TableMeta[] = [];
    for (const [dbName, d] of this.engine.catalog.databases) {
      if (db !== undefined && dbName !== db) continue;
      if (isSystemDb(dbName)) continue;
      for (const t of d.tables.keys()) {
        const m = this.find(dbName, t);
        if (m) out.push(m);
      }
    }
    return out;
  }

  tablet(id: number): { table: TableMeta; partition: PartitionMeta; tablet: TabletMeta } | undefined {
    for (const table of this.tablesOf()) {
      for (const partition of table.partitions) {
        const tablet = partition.tablets.find((t) => t.id === id);
        if (tablet) return { table, partition, tablet };
      }
    }
    return undefined;
  }
}

export function isSystemDb(name: string): boolean {
  return name === 'system' || name === 'default' || name.toLowerCase() === 'information_schema' || name === '_statistics_';
}

export function allTablets(meta: TableMeta): TabletMeta[] {
  return meta.partitions.flatMap((p) => p.tablets);
}

/** Tablet version = max end version of its rowsets. */
export function tabletVersion(t: TabletMeta): number {
  return t.rowsets.reduce((m, r) => Math.max(m, r.end), 0);
}

export function tabletRows(t: TabletMeta): number {
  return t.rowsets.reduce((s, r) => s + r.rows, 0);
}

export function tabletBytes(t: TabletMeta): number {
  return t.rowsets.reduce((s, r) => s + r.bytes, 0);
}

/** A rowset id in the BE's text form (RowsetId::to_string: hi prefix `02` + 32 hex digits). */
export function rowsetId(tabletId: number, version: number): string {
  const n = BigInt(tabletId) * 100000n + BigInt(version);
  return `02${n.toString(16).padStart(30, '0')}`;
}

/** Which partition a distribution/partition value goes to; undefined = no partition. */
export function routePartition(meta: TableMeta, value: unknown): PartitionMeta | undefined {
  if (meta.partitionKind === 'UNPARTITIONED') return meta.partitions[0];
  if (meta.partitionKind === 'LIST') {
    const text = value === null ? 'NULL' : String(value);
    return meta.partitions.find((p) => (p.values ?? []).includes(text));
  }
  return meta.partitions.find((p) => (p.lower === undefined || compareBound(value, p.lower) >= 0) && (p.upper === undefined || p.upper === 'MAXVALUE' || compareBound(value, p.upper) < 0));
}

function compareBound(v: unknown, bound: string): number {
  if (v === null) return -1;
  if (typeof v === 'number' || typeof v === 'bigint') {
    const b = Number(bound);
    const n = Number(v);
    return n < b ? -1 : n > b ? 1 : 0;
  }
  const s = String(v);
  return s < bound ? -1 : s > bound ? 1 : 0;
}

/** The bucket (tablet index) of a row: CRC32 of the distribution columns' text. */
export function bucketOf(meta: TableMeta, values: unknown[]): number {
  if (meta.buckets <= 1) return 0;
  const text = values.map((v) => (v === null ? '\\N' : String(v))).join('\u0001');
  return crc32(text) % meta.buckets;
}

function defaultAggregation(keysType: KeysType | undefined): Aggregation {
  return keysType === 'AGG_KEYS' ? 'REPLACE' : 'NONE';
}

function columnsOf(t: Table): ColumnSpec[] {
  return t.columns.map((c) => ({ name: c.name, type: starRocksTypeName(c.type), nullable: c.type.kind === 'Nullable', ...(c.comment ? { comment: c.comment } : {}) }));
}

function sameColumns(meta: TableMeta, t: Table): boolean {
  return meta.columns.length === t.columns.length && meta.columns.every((c, i) => c.name === t.columns[i]!.name);
}

function carry(meta: TableMeta): Partial<TableSpec> {
  return { keysType: meta.keysType, buckets: meta.buckets, properties: meta.properties };
}

function key(db: string, name: string): string {
  return `${db}\u0000${name}`;
}
