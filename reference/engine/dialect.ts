// What a SQL dialect brings to the engine: its parser entry, the interpreter
// of each of its statement kinds (as ClickHouse's InterpreterFactory maps an
// AST to its interpreter), whether its statements run in the process list,
// how its errors read, and what it keeps per table. The core (this folder
// outside dialects/) never imports a dialect; a product builds its Engine
// with one (dialects/clickhouse, reference/starrocks/dialect).

import type { ExecResult, ParsedQuery, QueryContext } from './api.ts';
import type { ColumnDef } from './api.ts';
import type { Database, Table } from './catalog.ts';
import type { Engine } from './index.ts';

/** A statement of some dialect: every one names its kind. */
export interface DialectStatement {
  kind: string;
}

/** A parsed query with the dialect's statement. */
export interface ParsedStatement<S extends DialectStatement = DialectStatement> extends ParsedQuery {
  statement: S;
}

/** Runs one kind of statement. */
export type Interpreter<S> = (st: S, ctx: QueryContext, engine: Engine) => Promise<ExecResult> | ExecResult;

/** One interpreter per statement kind. */
export type InterpreterRegistry<S extends DialectStatement> = { [K in S['kind']]: Interpreter<Extract<S, { kind: K }>> };

/** Where an INSERT with data (rows sent after the statement) goes. */
export interface InsertDestination {
  table: Table;
  /** The columns the data provides, in order. */
  target: ColumnDef[];
}

export interface EngineDialect<S extends DialectStatement = DialectStatement> {
  readonly name: string;
  /** Databases a fresh catalog holds; DROP DATABASE refuses them. */
  readonly builtinDatabases: readonly string[];
  /**
   * Statements enter the process list, count against quotas and are refused
   * in readonly mode. A dialect whose front-end keeps its own query list
   * (StarRocks' FE) runs them straight.
   */
  readonly tracksQueries: boolean;
  parse(sql: string, opts: { maxQuerySize?: number }): ParsedStatement<S>;
  readonly interpreters: InterpreterRegistry<S>;
  /** The statement (or the rows after INSERT … VALUES) with the query's parameter values in place of its placeholders. */
  bindParameters?<N>(node: N, ctx: QueryContext, engine: Engine): N;
  /** Whether the statement runs outside the user's quota. */
  ignoresQuota?(st: S, database: string): boolean;
  /** The table and columns of an INSERT whose data follows the statement. */
  insertDestination?(st: S, ctx: QueryContext, engine: Engine): InsertDestination;
  /** The dialect's own form of an error raised while a statement ran. */
  translateError?(err: unknown, ctx: QueryContext): unknown;
  /** What a data directory keeps of the catalog (storage/); absent: every table, definition and rows. */
  readonly storage?: StoragePolicy;
}

/** A product's rules for what survives a restart, and how its table extension is stored. */
export interface StoragePolicy {
  /** Whether a table's definition is kept (ClickHouse: not when its database is a Memory database). */
  keepsTable(t: Table, db: Database): boolean;
  /** Whether its rows are kept too (ClickHouse: MergeTree and Log families; a Memory table comes back empty). */
  keepsData(t: Table): boolean;
  /** Table.extension as JSON-able data (default: the extension itself, which must then be plain data). */
  encodeExtension?(extension: unknown): unknown;
  /** The extension back from what encodeExtension gave, at startup. */
  decodeExtension?(data: unknown): unknown;
  /** At startup: the commit records (AppendOptions.commit) stored with a table's rows, oldest first. */
  restoreCommits?(t: Table, commits: readonly unknown[]): void;
  /** Which of a table's commit records are still needed when a part replaces the older ones (default: all). */
  keepCommits?(commits: readonly unknown[]): unknown[];
}
