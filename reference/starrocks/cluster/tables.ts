// The cluster's view of a table: what the engine's catalog says about it
// (Table.extension, dialect/meta.ts: key model, columns, partitions, distribution, buckets,
// properties, written by CREATE TABLE over the MySQL protocol) plus what
// only the cluster keeps: ids, and the tablets (partitions × buckets) with
// their versions and rowsets. A table without StarRocks metadata gets
// StarRocks' defaults (DUPLICATE KEY on the first column, one bucket).

import { crc32 } from 'node:zlib';
import type { StarRocksEngine } from '../dialect/index.ts';
import type { Table } from '../../engine/catalog.ts';
import type { DataType } from '../../engine/types.ts';
import { parseText, serializeText, unwrapNullable } from '../../engine/types.ts';
import { compareValues } from '../../engine/values/compare.ts';
import type { StarRocksTableMeta, StarRocksType } from '../dialect/meta.ts';
import { DEFAULT_BUCKETS, starRocksMeta } from '../dialect/meta.ts';
import { expressionPartition } from '../dialect/partition-names.ts';
import type { DateUnit } from '../dialect/partition-names.ts';
import { starRocksTypeOf, typeDebugString } from '../dialect/types.ts';
import type { IdGenerator } from './ids.ts';

export type KeysType = 'DUP_KEYS' | 'AGG_KEYS' | 'UNIQUE_KEYS' | 'PRIMARY_KEYS';
export type Aggregation = 'SUM' | 'MAX' | 'MIN' | 'REPLACE' | 'REPLACE_IF_NOT_NULL' | 'NONE';

export interface ColumnSpec {
  name: string;
  /** The type as the BE prints it (TypeDescriptor::debug_string): `INT`, `VARCHAR(20)`, `DECIMAL64(10, 2)`. */
  type: string;
  srType: StarRocksType;
  nullable: boolean;
  aggregation: Aggregation;
  comment: string;
}

export interface PartitionSpec {
  name: string;
  /** RANGE: lower bound inclusive (absent = MINVALUE), upper exclusive (absent = MAXVALUE). */
  lower?: string;
  upper?: string;
  /** LIST: the values of the partition. */
  values?: string[];
}

/** What the cluster derives a table's tablets from. */
interface TableSpec {
  db: string;
  name: string;
  keysType: KeysType;
  keyColumns: string[];
  columns: ColumnSpec[];
  partitionBy?: { kind: 'RANGE' | 'LIST'; column: string; partitions: PartitionSpec[]; auto?: { unit?: DateUnit } };
  distributedBy: string[];
  buckets: number;
  properties: Record<string, string>;
  comment: string;
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
  /** Expression partitioning: loads create the partitions they need (tables.autoPartition). */
  auto?: { unit?: DateUnit };
  distributedBy: string[];
  buckets: number;
  properties: Record<string, string>;
  indexId: number;
  schemaHash: number;
  createTime: number;
  comment: string;
  /** The engine table this metadata describes (a re-created table gets new metadata). */
  engineUuid: string;
}

export class TableRegistry {
  private readonly metas = new Map<string, TableMeta>();
  private readonly engine: StarRocksEngine;
  private readonly ids: IdGenerator;
  private readonly backendId: () => number;
  private readonly now: () => number;
  private readonly dbId: (db: string) => number;

  constructor(opts: { engine: StarRocksEngine; ids: IdGenerator; backendId: () => number; now: () => number; dbId: (db: string) => number }) {
    this.engine = opts.engine;
    this.ids = opts.ids;
    this.backendId = opts.backendId;
    this.now = opts.now;
    this.dbId = opts.dbId;
  }

  /** The cluster's metadata of an engine table: ids and fresh tablets (version 1) for every partition. */
  private derive(t: Table): TableMeta {
    const spec = specOf(t);
    const tableId = this.ids.next();
    const indexId = this.ids.next();
    const schemaHash = (crc32(`${spec.db}.${spec.name}.${tableId}`) & 0x7fffffff) || 1;
    const partSpecs: PartitionSpec[] = spec.partitionBy ? spec.partitionBy.partitions : [{ name: spec.name }];
    const meta: TableMeta = {
      id: tableId, dbId: this.dbId(spec.db), db: spec.db, name: spec.name,
      keysType: spec.keysType, keyColumns: spec.keyColumns, columns: spec.columns,
      partitionKind: spec.partitionBy?.kind ?? 'UNPARTITIONED',
      ...(spec.partitionBy ? { partitionColumn: spec.partitionBy.column } : {}),
      ...(spec.partitionBy?.auto ? { auto: spec.partitionBy.auto } : {}),
      partitions: [],
      distributedBy: spec.distributedBy,
      buckets: spec.buckets,
      properties: spec.properties,
      indexId, schemaHash, createTime: this.now(), comment: spec.comment, engineUuid: t.uuid,
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

  /**
   * The partition an expression-partitioned table creates for a row whose value has none yet
   * (the FE's automatic partition creation during a load); undefined for other tables. The
   * engine's metadata learns it too, so SHOW PARTITIONS and `t PARTITION (p)` see it.
   */
  autoPartition(meta: TableMeta, value: unknown, type: DataType | undefined): PartitionMeta | undefined {
    if (!meta.auto || value === null || value === undefined || !type) return undefined;
    const inner = unwrapNullable(type);
    const text = serializeText(inner, value);
    const def = expressionPartition(text, meta.auto.unit, inner.kind === 'DateTime');
    if (!def) return undefined;
    const existing = meta.partitions.find((p) => p.name === def.name);
    if (existing) return existing;
    const stored = this.engineTable(meta.db, meta.name);
    if (stored) starRocksMeta(stored)?.partition?.partitions?.push({ ...def });
    return this.addPartition(meta, def);
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

  /** The engine's table (or view) `db.name`. */
  engineTable(db: string, name: string): Table | undefined {
    return this.engine.catalog.findTable(db, name);
  }

  /** A view, which the FE's OLAP-only actions refuse by name. */
  isView(db: string, name: string): boolean {
    return isView(this.engineTable(db, name));
  }

  /** The OLAP table's metadata, derived on first use; a table dropped and created again gets new tablets. */
  find(db: string, name: string): TableMeta | undefined {
    const engineTable = this.engineTable(db, name);
    const meta = this.metas.get(key(db, name));
    if (!engineTable || isView(engineTable)) {
      // Dropped (or never created) in the engine: its tablets go to the BE's trash.
      if (meta) this.drop(db, name);
      return undefined;
    }
    if (meta && meta.engineUuid === engineTable.uuid) return meta;
    if (meta) this.drop(db, name);
    return this.derive(engineTable);
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

/** Schemas every FE has (SHOW DATABASES lists them; the HTTP actions treat them as unknown). */
export function isSystemDb(name: string): boolean {
  return name === '_statistics_' || name.toLowerCase() === 'information_schema' || name === 'sys';
}

export function isView(t: Table | undefined): boolean {
  return t?.engine === 'VIEW';
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

/** The partition a row goes to by its partition column's value (of engine type `type`); undefined = none. */
export function routePartition(meta: TableMeta, value: unknown, type?: DataType): PartitionMeta | undefined {
  if (meta.partitionKind === 'UNPARTITIONED') return meta.partitions[0];
  const bound = (text: string): unknown => {
    if (!type) return text;
    try {
      return parseText(unwrapNullable(type), text);
    } catch {
      return text;
    }
  };
  if (meta.partitionKind === 'LIST') {
    if (value === null) return meta.partitions.find((p) => (p.values ?? []).includes('NULL'));
    return meta.partitions.find((p) => (p.values ?? []).some((v) => compareValues(value, bound(v)) === 0));
  }
  // NULL sorts below every bound: it belongs to the partition that starts at the minimum.
  return meta.partitions.find((p) => (p.lower === undefined || (value !== null && compareValues(value, bound(p.lower)) >= 0))
    && (p.upper === undefined || value === null || compareValues(value, bound(p.upper)) < 0));
}

/** The bucket (tablet index) of a row: CRC32 of the distribution columns' text. */
export function bucketOf(meta: TableMeta, values: unknown[]): number {
  if (meta.buckets <= 1) return 0;
  const text = values.map((v) => (v === null ? '\\N' : String(v))).join('\u0001');
  return crc32(text) % meta.buckets;
}

/** The table as the engine's catalog describes it. */
function specOf(t: Table): TableSpec {
  const sr: StarRocksTableMeta | undefined = starRocksMeta(t);
  if (!sr) {
    // Not created in the StarRocks dialect: DUPLICATE KEY on the first column, one bucket.
    const columns = t.columns.map((c): ColumnSpec => {
      const srType = starRocksTypeOf(c.type);
      return { name: c.name, type: typeDebugString(srType), srType, nullable: isNullable(c.type), aggregation: 'NONE', comment: c.comment ?? '' };
    });
    const keys = columns.slice(0, 1).map((c) => c.name);
    return { db: t.database, name: t.name, keysType: 'DUP_KEYS', keyColumns: keys, columns, distributedBy: keys, buckets: DEFAULT_BUCKETS, properties: { replication_num: '1' }, comment: t.comment };
  }
  const columns = sr.columns.map((c): ColumnSpec => ({
    name: c.name, type: typeDebugString(c.type), srType: c.type, nullable: c.nullable, aggregation: c.aggregate ?? 'NONE', comment: c.comment,
  }));
  const listed = sr.partition?.partitions;
  const auto = sr.partition?.auto;
  const partitioned = sr.partition && listed && (auto || listed.length > 0) && sr.partition.columns.length > 0;
  const kind: 'RANGE' | 'LIST' = auto ? (auto.unit ? 'RANGE' : 'LIST') : sr.partition?.kind === 'LIST' ? 'LIST' : 'RANGE';
  return {
    db: t.database, name: t.name, keysType: sr.keysType, keyColumns: sr.keyColumns, columns,
    ...(partitioned ? { partitionBy: { kind, column: sr.partition!.columns[0]!, partitions: listed.map((p) => ({ ...p })), ...(auto ? { auto } : {}) } } : {}),
    distributedBy: sr.distribution.kind === 'HASH' ? sr.distribution.columns : [],
    buckets: Math.max(1, sr.buckets ?? DEFAULT_BUCKETS),
    properties: Object.fromEntries(sr.properties),
    comment: sr.comment,
  };
}

function isNullable(t: DataType): boolean {
  return t.kind === 'Nullable';
}

function key(db: string, name: string): string {
  return `${db}\u0000${name}`;
}
