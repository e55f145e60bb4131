// What lives as long as a ClickHouse session: temporary tables (CREATE
// TEMPORARY TABLE, external data) and the roles chosen by SET ROLE. A server
// makes one per HTTP session, or one per query when the request has none.

import { EngineError } from './errors.ts';
import { backQuoteIfNeed } from './catalog.ts';
import type { Table } from './catalog.ts';

export class SessionScope {
  /** session_id, or undefined for the one-query scope of a request without a session. */
  readonly id: string | undefined;
  readonly tables = new Map<string, Table>();
  /** Set by SET ROLE; undefined means the user's default roles. */
  currentRoles: string[] | undefined;
  /** Session variables a dialect keeps (StarRocks: SET name = value, name in lower case → value). */
  readonly variables = new Map<string, string | bigint>();

  constructor(id?: string) {
    this.id = id;
  }

  findTable(name: string): Table | undefined {
    return this.tables.get(name);
  }

  /** Add a temporary table; TABLE_ALREADY_EXISTS (57) when the name is taken, as Context::addExternalTable says it. */
  addTable(table: Table): void {
    if (this.tables.has(table.name)) {
      throw new EngineError('TABLE_ALREADY_EXISTS', `Temporary table ${backQuoteIfNeed(table.name)} already exists`);
    }
    this.tables.set(table.name, table);
  }

  dropTable(name: string): boolean {
    return this.tables.delete(name);
  }

  /** Drop everything: the session expired or was closed. */
  clear(): void {
    this.tables.clear();
    this.currentRoles = undefined;
    this.variables.clear();
  }
}
