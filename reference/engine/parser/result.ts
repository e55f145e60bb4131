// What parsing one statement gives: the statement and what surrounds it.

import type { Statement } from './ast.ts';

export interface ParseResult {
  statement: Statement;
  format?: string;
  settings: [string, string][];
  /** Offset in the input where INSERT data begins, when the statement carries data. */
  dataOffset?: number;
  /** Offset where the statement text ends (for max_query_size accounting of INSERT). */
  end: number;
  /** Names of the `{name:Type}` placeholders, in order of first appearance. */
  parameters?: string[];
}
