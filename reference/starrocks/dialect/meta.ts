// StarRocks table metadata, kept in the engine catalog as the table's
// extension (Table.extension). The MySQL front-end writes it on CREATE
// TABLE; the StarRocks HTTP servers read it for tablets, _schema, _get_ddl
// and SHOW CREATE TABLE; loads read the key model to upsert or aggregate.

import type { Table } from '../../engine/catalog.ts';

/** KeysType names as StarRocks' catalog spells them (`DUP_KEYS`...). */
export type StarRocksKeysType = 'DUP_KEYS' | 'AGG_KEYS' | 'UNIQUE_KEYS' | 'PRIMARY_KEYS';

/** Aggregate function of a value column of an AGGREGATE KEY table. */
export type StarRocksAggregate = 'SUM' | 'MAX' | 'MIN' | 'REPLACE' | 'REPLACE_IF_NOT_NULL';

/** A StarRocks scalar type as declared: `base` upper-case, with its length or precision/scale. */
export interface StarRocksType {
  base: 'TINYINT' | 'SMALLINT' | 'INT' | 'BIGINT' | 'LARGEINT' | 'FLOAT' | 'DOUBLE' | 'DECIMAL' | 'CHAR' | 'VARCHAR'
    | 'DATE' | 'DATETIME' | 'BOOLEAN' | 'JSON';
  /** CHAR/VARCHAR length in bytes (STRING is VARCHAR(65533)). */
  length?: number;
  precision?: number;
  scale?: number;
}

export interface StarRocksColumnMeta {
  name: string;
  type: StarRocksType;
  nullable: boolean;
  isKey: boolean;
  /** Value columns of AGG_KEYS tables only. */
  aggregate?: StarRocksAggregate;
  /** DEFAULT as written: a constant's text, or `CURRENT_TIMESTAMP`. Undefined when none. */
  defaultValue?: string;
  comment: string;
}

export interface StarRocksPartition {
  /** RANGE / LIST partitioning, or EXPR for expression partitioning (`PARTITION BY date_trunc('day', dt)`). */
  kind: 'RANGE' | 'LIST' | 'EXPR';
  /** Partition columns (for EXPR, the columns the expressions read). */
  columns: string[];
  /** The definition as written after `PARTITION BY`, partitions included. */
  text: string;
  /**
   * The partitions, in order: the ones the definition lists, those a
   * `START … END … EVERY` batch makes, and (expression partitioning) those
   * loads created.
   */
  partitions?: StarRocksPartitionDef[];
  /**
   * Expression partitioning: partitions are created by loads, one per
   * date_trunc unit (`unit`) or per value of the column (no unit), and
   * appended to `partitions`.
   */
  auto?: { unit?: 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'YEAR' };
}

/** One partition of a RANGE or LIST table; values are texts of the first partition column. */
export interface StarRocksPartitionDef {
  name: string;
  /** RANGE: inclusive lower bound; absent = the column type's minimum. */
  lower?: string;
  /** RANGE: exclusive upper bound; absent = MAXVALUE. */
  upper?: string;
  /** LIST: the values the partition holds. */
  values?: string[];
}

export interface StarRocksTableMeta {
  /** Table id, unique in the engine; StarRocks numbers tables from 10000 on. */
  id: number;
  keysType: StarRocksKeysType;
  /** Key columns in key order (for DUP_KEYS the sort key; the first columns when no key was given). */
  keyColumns: string[];
  /** One per Table.columns entry, same order. */
  columns: StarRocksColumnMeta[];
  partition?: StarRocksPartition;
  distribution: { kind: 'HASH'; columns: string[] } | { kind: 'RANDOM' };
  /** BUCKETS n as given; undefined when StarRocks chooses (SHOW CREATE TABLE then omits it). */
  buckets?: number;
  /** Properties as SHOW CREATE TABLE lists them: the given ones plus StarRocks' defaults. */
  properties: [string, string][];
  /** ORDER BY (sort key) when given separately from the key. */
  orderBy?: string[];
  comment: string;
  /** Engine as written (`OLAP`). */
  engine: string;
}

/** The SQL words of a key model. */
export function keysTypeSql(k: StarRocksKeysType): string {
  return { DUP_KEYS: 'DUPLICATE KEY', AGG_KEYS: 'AGGREGATE KEY', UNIQUE_KEYS: 'UNIQUE KEY', PRIMARY_KEYS: 'PRIMARY KEY' }[k];
}

/** Bucket count the cluster model should use when BUCKETS was not given (StarRocks picks per partition; we fix one). */
export const DEFAULT_BUCKETS = 1;

/** The table's StarRocks metadata; undefined when it was not created in this dialect. */
export function starRocksMeta(t: Table): StarRocksTableMeta | undefined {
  const x = t.extension;
  return typeof x === 'object' && x !== null && 'keysType' in x && 'keyColumns' in x ? x as StarRocksTableMeta : undefined;
}
