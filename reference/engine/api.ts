// The contract between the SQL engine and the servers that speak for it.
// The engine knows nothing about HTTP: a server parses a request into these
// shapes, the engine executes, and the server's formats write what comes back.

import type { DataType } from './types.ts';
import type { Settings } from './settings.ts';
import type { SessionScope } from './session.ts';
import type { RunningQuery } from './processes/process-list.ts';

/** A column of a result or a table. */
export interface ColumnDef {
  name: string;
  type: DataType;
}

/**
 * Results travel in blocks of columns (columns/block.ts); `block.rows` gives
 * them row by row. Values by type, as `Column.get` and rows give them:
 * (U)Int8..32, Float32/64 → number; (U)Int64 → bigint; String → string;
 * Bool → boolean; Date → days since 1970-01-01 (number);
 * DateTime → seconds since the epoch (number); Nullable(T) → null | T;
 * Array(T) → T[]; Nothing → null.
 */
export { Block } from './columns/block.ts';
import type { Block } from './columns/block.ts';

/** Live counters; the server reads them for X-ClickHouse-Summary and progress. */
export interface Progress {
  readRows: number;
  readBytes: number;
  writtenRows: number;
  writtenBytes: number;
  totalRowsToRead: number;
  resultRows: number;
  resultBytes: number;
}

/** What a query returns when it has a result set. */
export interface RowsResult {
  kind: 'rows';
  columns: ColumnDef[];
  /** Pulled lazily: nothing is computed before the consumer asks for the next block. */
  blocks: AsyncIterable<Block>;
  /** Set once the result is exhausted when the query had a LIMIT. */
  rowsBeforeLimit?: () => number | undefined;
}

/** DDL, INSERT, SET, USE and other statements without a result set. */
export interface NoResult {
  kind: 'none';
  /** Set by USE: the database the caller should use from now on. */
  database?: string;
  /** Rows a modifying statement wrote (MySQL OK packet's affected rows). */
  affectedRows?: number;
  /** Text for the MySQL OK packet's info (StarRocks: `{'label':'...', 'status':'VISIBLE', 'txnId':'...'}`). */
  info?: string;
}

export type ExecResult = RowsResult | NoResult;

/** Settings as the engine sees them: name → value already parsed to its type. */
export interface SettingsView {
  get(name: string): unknown;
}

export interface QueryContext {
  /** Database used for unqualified table names. */
  database: string;
  user: string;
  queryId: string;
  /** Query settings; SET writes into them, so a server passes its session's copy. */
  settings: Settings;
  /** 0, 1 or 2 (ClickHouse semantics); 1 and 2 refuse modifying queries. */
  readonly: number;
  /** Appended to the READONLY message, e.g. why the server made the query readonly. */
  readonlyHint?: string;
  progress: Progress;
  /** Aborted when the client goes away or the query is killed. */
  signal?: AbortSignal;
  /** Called by USE with the new database (also returned as NoResult.database). */
  onUseDatabase?: (database: string) => void;
  /** Raw `param_<name>` values for `{name:Type}` placeholders (parsed by the engine). */
  queryParameters?: ReadonlyMap<string, string>;
  /**
   * The session (temporary tables, SET ROLE). A server passes its HTTP
   * session's scope, or a fresh one per request; when absent the engine makes
   * a one-query scope on first use.
   */
  scope?: SessionScope;
  /** Roles from the `role` URL parameters: replace the current roles for this query. */
  roles?: readonly string[];
  /** quota_key, shown in system.processes. */
  quotaKey?: string;
  /** Client address and port, shown in system.processes. */
  address?: string;
  port?: number;
  /** Set by the engine while the query is registered in the process list. */
  running?: RunningQuery;
}

/** A parsed statement, ready for execute/insert. */
export interface ParsedQuery {
  /** 'select' | 'insert' | 'create' | 'drop' | 'truncate' | 'exists' | 'show' | 'describe' | 'set' | 'use' | 'rename'. */
  kind: string;
  /** Modifying statements are refused with READONLY (164) when ctx.readonly > 0. */
  modifies: boolean;
  /** FORMAT clause: output format of a SELECT-like query, input format of an INSERT. */
  format?: string;
  /** SETTINGS clause (name, value text); the server applies them before execute. */
  settings: [string, string][];
  /** INSERT ... VALUES | FORMAT X: the data starts at sql.slice(offset). */
  insertData?: { format: string; offset: number };
  /** The text that was parsed. */
  sql: string;
  /** Names of the `{name:Type}` placeholders the query uses, in order (predefined HTTP handlers need them). */
  parameters?: string[];
}
