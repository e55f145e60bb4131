// What the HTTP server needs from the SQL engine (reference/engine/index.ts).
// Declared structurally so the server depends on the contract in api.ts, not
// on the engine's internals, and tests can hand in a small fake.

import type { Block, ColumnDef, ExecResult, ParsedQuery, QueryContext } from '../engine/api.ts';
import type { Settings } from '../engine/settings.ts';
import type { SessionScope } from '../engine/session.ts';
import type { DataType } from '../engine/types.ts';

/** Who a request runs as, once authenticated. */
export interface EngineUser {
  name: string;
  /** '' when the user has none (the server's default database applies). */
  defaultDatabase: string;
}

export interface QueryEngine {
  parse(sql: string, opts?: { maxQuerySize?: number }): ParsedQuery;
  insertTarget(q: ParsedQuery, ctx: QueryContext): ColumnDef[];
  parseValues(text: string, columns: ColumnDef[], ctx?: QueryContext): unknown[][];
  insert(q: ParsedQuery, rows: unknown[][] | Block, ctx: QueryContext): Promise<void>;
  execute(q: ParsedQuery, ctx: QueryContext): Promise<ExecResult>;
  /** Throws UNKNOWN_DATABASE (81) for a missing database; the request's database is checked up front. */
  assertDatabase?(name: string): void;
  catalog?: { database(name: string): unknown };

  /**
   * AUTHENTICATION_FAILED (516) unless the password is right and the address
   * allowed; for `default`, REQUIRED_PASSWORD (194) when the browser may ask.
   */
  authenticate(user: string, password: string, address?: string, failure?: { browserMayAsk?: boolean; cloudHelp?: boolean }): EngineUser;
  /** The settings a session or query of `user` starts with (its profile and own settings). */
  applyUserSettings(user: string, settings: Settings): void;
  /** Settings at the server's defaults (the emulated version's), before any profile. */
  newSettings(): Settings;
  /** The `profile` URL parameter; THERE_IS_NO_PROFILE (180) when unknown. */
  applyProfile(settings: Settings, name: string): void;
  /** The `role` URL parameters: UNKNOWN_ROLE (511), SET_NON_GRANTED_ROLE (512); deduplicated. */
  checkRoles(user: string, roles: readonly string[]): string[];
  createSessionScope(id?: string): SessionScope;
  /** External data: a temporary table in the scope; TABLE_ALREADY_EXISTS (57) when taken. */
  createTemporaryTable(scope: SessionScope, name: string, columns: { name: string; type: DataType }[], rows: unknown[][]): void;
  /** Register the query in the process list before its body is read (query_id clashes: 216). */
  beginQuery?(q: ParsedQuery, ctx: QueryContext): Promise<unknown>;
  /** Leave the process list when beginQuery ran but execute/insert never did. */
  finishQuery?(ctx: QueryContext): void;
}
