// Statements of the StarRocks dialect. SELECT and expressions reuse the
// engine's tree (parser/ast.ts).

import type { Expr, SelectQuery } from '../../engine/parser/ast.ts';
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

/** `'user'@'host'` (host `%` when not given). */
export interface SrUserIdentity {
  user: string;
  host: string;
}

/**
 * Statements about the cluster rather than the catalog (users and roles,
 * nodes, FE configuration, PROC): the FE front-end that owns that state
 * runs them; the engine alone refuses them.
 */
export type SrFrontendStatement =
  | { kind: 'create_user'; identity: SrUserIdentity; password?: string; ifNotExists: boolean; roles: string[] }
  | { kind: 'drop_user'; identity: SrUserIdentity; ifExists: boolean }
  | { kind: 'grant_roles'; roles: string[]; identity: SrUserIdentity }
  | { kind: 'revoke_roles'; roles: string[]; identity: SrUserIdentity }
  /** `db`/`table` `*` for every one. */
  | { kind: 'grant_privileges'; revoke: boolean; privileges: string[]; db: string; table: string; identity: SrUserIdentity }
  | { kind: 'set_default_role'; roles: 'ALL' | 'NONE' | string[]; identity: SrUserIdentity }
  | { kind: 'show_proc'; path: string }
  | { kind: 'show_nodes'; nodes: 'FRONTENDS' | 'BACKENDS' | 'COMPUTE NODES' }
  | { kind: 'show_frontend_config'; like?: string }
  | { kind: 'set_frontend_config'; settings: [string, string][] };

const FRONTEND_KINDS = new Set<string>(['create_user', 'drop_user', 'grant_roles', 'revoke_roles', 'grant_privileges', 'set_default_role',
  'show_proc', 'show_nodes', 'show_frontend_config', 'set_frontend_config']);

export function isFrontendStatement(st: SrStatement): st is SrFrontendStatement {
  return FRONTEND_KINDS.has(st.kind);
}

export type SrStatement =
  | SrFrontendStatement
  | { kind: 'create_view'; db?: string; name: string; ifNotExists: boolean; columns?: string[]; query: SelectQuery; text: string; comment?: string }
  | { kind: 'drop_view'; db?: string; name: string; ifExists: boolean }
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
