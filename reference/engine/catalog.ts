// Databases and in-memory tables. A table's data is a list of immutable
// blocks (parts); INSERT and TRUNCATE replace the list, never a block in it,
// so a running SELECT keeps the snapshot it started with. Every change of a
// stored table goes through the Catalog's methods, which hand it to the
// catalog's storage (storage/, when the server keeps its data on disk)
// before it becomes visible.

import { randomUUID } from 'node:crypto';
import { EngineError } from './errors.ts';
import type { DataType } from './types.ts';
import type { Expr, SelectQuery } from './parser/ast.ts';
import { Block } from './columns/block.ts';

export interface TableColumn {
  name: string;
  type: DataType;
  defaultKind?: 'DEFAULT' | 'MATERIALIZED' | 'ALIAS' | 'EPHEMERAL';
  defaultExpr?: Expr;
  defaultText?: string;
  comment?: string;
}

export interface Table {
  database: string;
  name: string;
  uuid: string;
  columns: TableColumn[];
  engine: string;
  engineFull: string;
  orderBy?: string;
  partitionBy?: string;
  primaryKey?: string;
  comment: string;
  createdAt: number;
  /** The stored blocks, oldest first; replaced as a whole (Catalog.replaceParts), each block immutable. */
  readonly parts: readonly Block[];
  /** Approximate in-memory size, kept with the parts. */
  readonly bytes: number;
  /**
   * What the dialect that created the table keeps of it beyond the core's
   * fields (StarRocks: key model, partitions, buckets); the dialect alone
   * reads it.
   */
  extension?: unknown;
  /** A VIEW's or MATERIALIZED VIEW's query; a materialized one's rows go to `to`, else it keeps them itself. */
  view?: { query: SelectQuery; materialized: boolean; to?: { db: string; name: string } };
}

export interface Database {
  name: string;
  engine: string;
  uuid: string;
  comment: string;
  tables: Map<string, Table>;
}

export function tableParts(t: Table): readonly Block[] {
  return t.parts;
}

export function tableRowCount(t: Table): number {
  let n = 0;
  for (const p of t.parts) n += p.length;
  return n;
}

/** The stored rows, materialised (for code that still works row by row). */
export function tableRows(t: Table): unknown[][] {
  if (t.parts.length === 1) return t.parts[0]!.rows;
  const out: unknown[][] = [];
  for (const p of t.parts) for (const r of p.rows) out.push(r);
  return out;
}

/** The parts holding these rows: one block, or none. */
export function partsOfRows(t: Table, rows: unknown[][]): Block[] {
  return rows.length ? [Block.ofRows(t.columns.map((c) => c.type), rows)] : [];
}

/** Set a table's parts in memory only: a table no catalog holds yet (temporary, being built); stored tables use Catalog.replaceParts. */
export function setParts(t: Table, parts: readonly Block[], bytes: number): void {
  const w = t as { parts: readonly Block[]; bytes: number };
  w.parts = parts;
  w.bytes = bytes;
}

/**
 * Where a catalog keeps its changes beyond memory (storage/ implements it
 * on disk). Each method runs before the change is visible and throws to
 * refuse it; when it returns, the change is durable.
 */
export interface CatalogStorage {
  databaseCreated(db: Database): void;
  databaseDropped(db: Database): void;
  /** A new table, with whatever parts it already holds. */
  tableCreated(t: Table): void;
  tableDropped(t: Table): void;
  /** The table's definition changed (name, database, columns, extension). */
  tableChanged(t: Table): void;
  /**
   * `next` replaces the table's parts (`t.parts` still holds the previous
   * ones). `commit` is what the dialect records with the change (a load's
   * label), kept in the same write so that both survive a crash or neither.
   */
  partsReplaced(t: Table, next: readonly Block[], bytes: number, commit?: unknown): void;
}

export function backQuoteIfNeed(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : backQuote(name);
}

/** ClickHouse's backQuote: always quoted, as its error messages name identifiers. */
export function backQuote(name: string): string {
  return `\`${name.replace(/[\\`]/g, (c) => `\\${c}`)}\``;
}

export function nameForLogs(db: string, table: string): string {
  return `${backQuoteIfNeed(db)}.${backQuoteIfNeed(table)}`;
}

export class Catalog {
  readonly databases = new Map<string, Database>();
  /** The built-in databases, which DROP DATABASE refuses. */
  readonly builtin: readonly string[];
  /** Set once the stored state is loaded (storage/); absent, the catalog lives in memory only. */
  storage: CatalogStorage | undefined = undefined;

  /** A catalog holding the dialect's built-in databases (`default` is Atomic, the others Memory). */
  constructor(builtin: readonly string[]) {
    this.builtin = builtin;
    for (const name of this.builtin) this.createDatabase(name, name === 'default' ? 'Atomic' : 'Memory');
  }

  createDatabase(name: string, engine = 'Atomic', ifNotExists = false): void {
    if (this.databases.has(name)) {
      if (ifNotExists) return;
      throw new EngineError('DATABASE_ALREADY_EXISTS', `Database ${backQuoteIfNeed(name)} already exists`);
    }
    const db: Database = { name, engine, uuid: randomUUID(), comment: '', tables: new Map() };
    this.storage?.databaseCreated(db);
    this.databases.set(name, db);
  }

  dropDatabase(name: string, ifExists: boolean): void {
    if (!this.databases.has(name)) {
      if (ifExists) return;
      throw unknownDatabase(name);
    }
    if (this.builtin.includes(name)) {
      throw new EngineError('DATABASE_ACCESS_DENIED', `Cannot drop or detach database ${name}, because it is a system database`);
    }
    this.storage?.databaseDropped(this.databases.get(name)!);
    this.databases.delete(name);
  }

  database(name: string): Database {
    const db = this.databases.get(name);
    if (!db) throw unknownDatabase(name);
    return db;
  }

  findTable(db: string, name: string): Table | undefined {
    return this.databases.get(db)?.tables.get(name);
  }

  table(db: string, name: string): Table {
    const d = this.database(db);
    const t = d.tables.get(name);
    if (!t) throw new EngineError('UNKNOWN_TABLE', `Table ${nameForLogs(db, name)} does not exist`);
    return t;
  }

  addTable(t: Table, ifNotExists: boolean): boolean {
    const d = this.database(t.database);
    if (d.tables.has(t.name)) {
      if (ifNotExists) return false;
      throw new EngineError('TABLE_ALREADY_EXISTS', `Table ${nameForLogs(t.database, t.name)} already exists`);
    }
    this.storage?.tableCreated(t);
    d.tables.set(t.name, t);
    return true;
  }

  /** True when `t` is the table this catalog holds under its name (not a temporary or a dropped one). */
  holds(t: Table): boolean {
    return this.databases.get(t.database)?.tables.get(t.name) === t;
  }

  /** Replace a table's data; stored first when the catalog holds the table (with `commit`, the dialect's record of the change). */
  replaceParts(t: Table, parts: readonly Block[], bytes: number, commit?: unknown): void {
    if (this.holds(t)) this.storage?.partsReplaced(t, parts, bytes, commit);
    setParts(t, parts, bytes);
  }

  /** Move a table to another name or database (the target is checked by the caller). */
  renameTable(t: Table, toDb: string, toName: string): void {
    const to = this.database(toDb);
    const from = this.database(t.database);
    const moved: Table = { ...t, database: toDb, name: toName };
    this.storage?.tableChanged(moved);
    from.tables.delete(t.name);
    t.database = toDb;
    t.name = toName;
    to.tables.set(toName, t);
  }

  /** The definition of a stored table changed in place (columns, comment, extension): store it. */
  tableChanged(t: Table): void {
    if (this.holds(t)) this.storage?.tableChanged(t);
  }

  dropTable(db: string, name: string, ifExists: boolean): void {
    const d = ifExists ? this.databases.get(db) : this.database(db);
    if (!d) return;
    if (!d.tables.has(name)) {
      if (ifExists) return;
      throw new EngineError('UNKNOWN_TABLE', `Table ${nameForLogs(db, name)} does not exist`);
    }
    this.storage?.tableDropped(d.tables.get(name)!);
    d.tables.delete(name);
  }
}

export function unknownDatabase(name: string): EngineError {
  return new EngineError('UNKNOWN_DATABASE', `Database ${backQuoteIfNeed(name)} does not exist`);
}
