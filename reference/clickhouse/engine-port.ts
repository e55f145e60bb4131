// What the HTTP server needs from the SQL engine (reference/engine/index.ts).
// Declared structurally so the server depends on the contract in api.ts, not
// on the engine's internals, and tests can hand in a small fake.

import type { ColumnDef, ExecResult, ParsedQuery, QueryContext } from '../engine/api.ts';

export interface QueryEngine {
  parse(sql: string, opts?: { maxQuerySize?: number }): ParsedQuery;
  insertTarget(q: ParsedQuery, ctx: QueryContext): ColumnDef[];
  parseValues(text: string, columns: ColumnDef[], ctx?: QueryContext): unknown[][];
  insert(q: ParsedQuery, rows: unknown[][], ctx: QueryContext): Promise<void>;
  execute(q: ParsedQuery, ctx: QueryContext): Promise<ExecResult>;
  /** Throws UNKNOWN_DATABASE (81) for a missing database; the request's database is checked up front. */
  assertDatabase?(name: string): void;
  catalog?: { database(name: string): unknown };
}
