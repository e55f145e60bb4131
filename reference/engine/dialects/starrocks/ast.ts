// Statements of the StarRocks dialect. SELECT and expressions reuse the
// engine's tree (parser/ast.ts).

import type { Expr, SelectQuery } from '../../parser/ast.ts';
import type { StarRocksAggregate, StarRocksKeysType, StarRocksPartition, StarRocksType } from './meta.ts';

export interface SrColumnDef {
  name: string;
  type: StarRocksType;
  aggregate?: StarRocksAggregate;
  /** NULL / NOT NULL as written; undefined when neither was. */
  nullable?: boolean;
  defaultValue?: string;
  defaultExpr?: Expr;
  comment?: string;
}

export interface SrCreateTable {
  kind: 'create_table';
  db?: string;
  name: string;
  ifNotExists: boolean;
  columns: SrColumnDef[];
  engine?: string;
  keys?: { type: StarRocksKeysType; columns: string[] };
  comment?: string;
  partition?: StarRocksPartition;
  distribution?: { kind: 'HASH'; columns: string[] } | { kind: 'RANDOM' };
  buckets?: number;
  orderBy?: string[];
  properties: [string, string][];
}

export type SrStatement =
  | { kind: 'select'; query: SelectQuery }
  | { kind: 'create_database'; name: string; ifNotExists: boolean }
  | { kind: 'drop_database'; name: string; ifExists: boolean; force: boolean }
  | SrCreateTable
  | { kind: 'drop_table'; db?: string; name: string; ifExists: boolean; force: boolean }
  | { kind: 'truncate'; db?: string; name: string }
  | { kind: 'show_databases'; like?: string }
  | { kind: 'show_tables'; db?: string; like?: string; full: boolean }
  | { kind: 'show_create_table'; db?: string; name: string }
  | { kind: 'describe'; db?: string; name: string }
  | { kind: 'use'; db: string }
  | { kind: 'insert'; db?: string; table: string; columns?: string[]; label?: string; rows?: Expr[][]; select?: SelectQuery; overwrite: boolean }
  | { kind: 'show_load'; db?: string; label?: string; labelLike?: string; state?: string }
  | { kind: 'set'; assignments: { name: string; global: boolean; value: Expr }[] }
  | { kind: 'show_variables'; like?: string; global: boolean }
  | { kind: 'show_warnings' };
