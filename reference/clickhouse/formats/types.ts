// The shapes every format implements. An output format turns blocks into
// text pieces; the response writer decides when those pieces reach the wire,
// so formats never touch sockets and stay testable as pure functions.

import type { Block, ColumnDef, SettingsView } from '../../engine/api.ts';

/** What a format needs to know about the query besides its columns. */
export interface FormatContext {
  settings: SettingsView;
  /** Session timezone (session_timezone) or the server's; DateTime text uses it. */
  timezone: string;
  /** The server's <format_schema_path>: where Template's format files are found. */
  formatSchemaPath?: string;
}

/** Totals the block-JSON formats print in `statistics`. */
export interface OutputStatistics {
  elapsedSeconds: number;
  rowsRead: number;
  bytesRead: number;
  /** Present only when the query had a LIMIT. */
  rowsBeforeLimit?: number;
  /** The rows the query expects to read, as progress reports it (0 when unknown). */
  totalRowsToRead?: number;
}

/** One query's writer for one format. Every method returns text to append. */
export interface RowOutput {
  /** Written once, just before the first block (or before the suffix when there are no rows). */
  prefix(): string;
  block(rows: readonly unknown[][]): string;
  suffix(stats: OutputStatistics): string;
  /**
   * Written before each block, ahead of the prefix with the first one: the
   * format's own report of the progress so far, for the formats that carry
   * it in the body (the WithProgress ones); empty when nothing moved.
   */
  progress?(stats: OutputStatistics): string;
  /**
   * The document's ending when the query fails mid-stream and the format can
   * state the error itself (ClickHouse's supportsWritingException).
   */
  exceptionSuffix?(message: string): string;
}

export interface OutputFormat {
  /** Case-sensitive, as ClickHouse registers it. */
  name: string;
  /** The pieces are byte strings (one char per byte) to send as 'latin1', not UTF-8 text. */
  binary?: boolean;
  contentType(settings: SettingsView): string;
  create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput;
  /**
   * The body of a block of columns as bytes, identical to RowOutput.block's
   * (formats/columnar/); undefined where the settings ask for something only
   * the row writer does.
   */
  blockWriter?(columns: readonly ColumnDef[], ctx: FormatContext): ((block: Block) => Buffer) | undefined;
}

/** What an input format needs beyond the text. */
export interface InputContext extends FormatContext {
  /** The engine's Values parser: SQL literals need the SQL engine. */
  parseValues(text: string, columns: ColumnDef[]): unknown[][];
}

export interface InputFormat {
  name: string;
  /** read() gets the bytes as a byte string ('latin1'), not decoded UTF-8. */
  binary?: boolean;
  /** Whole-body parse; throws EngineError with ClickHouse's CANNOT_PARSE_* codes. */
  read(text: string, columns: readonly ColumnDef[], ctx: InputContext): unknown[][];
  /**
   * The body's bytes parsed into columns (formats/columnar/), or undefined
   * when `read` must parse it (and report the error, if any).
   */
  readBlock?(data: Buffer, columns: readonly ColumnDef[], ctx: InputContext): Block | undefined;
}
