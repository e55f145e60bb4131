// What a planned query runs with, and what planning gives back.

import type { ColumnDef, Progress } from '../api.ts';
import type { Block } from '../columns/block.ts';
import type { Catalog, Table } from '../catalog.ts';
import type { FunctionEnv } from '../expr/compiled.ts';
import type { ScopeColumn } from '../expr/compiler.ts';
import type { Settings } from '../settings.ts';
import type { SessionScope } from '../session.ts';
import type { SystemTableContext } from '../system-tables.ts';
import type { JoinScope } from './join.ts';
import type { SelectQuery } from '../parser/ast.ts';

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
  /** Tables read as other contents (a materialized view reads only the inserted block of its source). */
  tableOverrides?: ReadonlyMap<Table, Table>;
  /** Named subqueries of WITH in scope (inner queries see the outer ones). */
  ctes?: ReadonlyMap<string, SelectQuery>;
  /** Privilege check for reading `used` columns of a table (all of `all` may be consulted). */
  checkSelect?: (table: Table, used: string[]) => void;
}

export interface Plan {
  columns: ColumnDef[];
  blocks: () => AsyncGenerator<Block>;
  rowsBeforeLimit?: () => number | undefined;
}

/** Blocks as they flow between stages. */
export type Blocks = () => AsyncGenerator<Block>;

/** What a stage reads: its columns (as expressions see them) and their blocks. */
export interface Source {
  columns: ScopeColumn[];
  blocks: Blocks;
  /** The stored table read, for the SELECT privilege check. */
  table?: Table;
  /** The stored tables a JOIN reads, each with its columns, for the same check. */
  reads?: { table: Table; columns: ScopeColumn[] }[];
  /** How many rows it holds, when known before reading (stored tables, numbers(N)): a JOIN builds on the smaller side. */
  rowCount?: number;
  /** Set on a JOIN: its tables, as names bind to them. */
  join?: JoinScope;
}
