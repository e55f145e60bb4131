// The catalog's storage in a data directory (layout.ts). Every method runs
// synchronously before the catalog shows the change, so when an INSERT or a
// DDL statement returns, what it did is on disk: a server acknowledges
// nothing that a crash could take back. Files are written whole or not at
// all (files.ts); a part adds to the table's earlier parts or, after
// TRUNCATE or a merge, replaces them (the older files are then removed).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogStorage, Database, Table } from '../catalog.ts';
import type { Block } from '../columns/block.ts';
import type { StoragePolicy } from '../dialect.ts';
import { mkdirDurable, removeTree, unlinkDurable, writeDurable } from './files.ts';
import { databaseFile, partName, partSeq, TABLE_FILE, tableDir } from './layout.ts';
import { encodePart } from './part-file.ts';
import { encodeTableMeta } from './table-meta.ts';
import { encodeValue } from './values.ts';

/** What the storage knows of a table it keeps. */
export interface StoredTable {
  dir: string;
  /** Sequence number of the next part file. */
  nextSeq: number;
  /** table.json as last written, to rewrite it only when the definition changed. */
  meta: string;
  /** The commit records of the parts on disk, oldest first (a replacing part carries those still kept). */
  commits: unknown[];
}

/** Databases the catalog starts with are not stored; `default`'s tables are. */
export class DiskStorage implements CatalogStorage {
  readonly root: string;
  readonly policy: StoragePolicy;
  private readonly builtin: ReadonlySet<string>;
  /** By table uuid. */
  readonly tables = new Map<string, StoredTable>();
  /** The databases of the catalog, by name, for the policy. */
  private readonly databaseOf: (name: string) => Database | undefined;

  constructor(root: string, policy: StoragePolicy, builtin: readonly string[], databaseOf: (name: string) => Database | undefined) {
    this.root = root;
    this.policy = policy;
    this.builtin = new Set(builtin);
    this.databaseOf = databaseOf;
  }

  databaseCreated(db: Database): void {
    // Every field but the tables (name, engine, uuid, comment, and whatever a database gains later).
    const { tables: _tables, ...definition } = db;
    writeDurable(databaseFile(this.root, db.name), `${JSON.stringify(encodeValue(definition), null, 1)}\n`);
  }

  databaseDropped(db: Database): void {
    if (this.builtin.has(db.name)) return;
    // The database file goes first: tables left behind by a crash after it belong to no database, and the loader removes them.
    unlinkDurable(databaseFile(this.root, db.name));
    for (const t of db.tables.values()) this.tableDropped(t);
  }

  private keeps(t: Table, dbName = t.database): boolean {
    const db = this.databaseOf(dbName);
    return db !== undefined && this.policy.keepsTable(t, db);
  }

  tableCreated(t: Table): void {
    if (!this.keeps(t)) return;
    const dir = tableDir(this.root, t.uuid);
    mkdirDurable(dir);
    const stored: StoredTable = { dir, nextSeq: 1, meta: '', commits: [] };
    this.writeMeta(t, stored);
    this.tables.set(t.uuid, stored);
    if (t.parts.length) this.writePart(t, stored, t.parts, t.bytes, true, []);
  }

  tableDropped(t: Table): void {
    const stored = this.tables.get(t.uuid);
    if (!stored) return;
    // Without its table.json the directory is garbage, whatever a crash leaves of it.
    unlinkDurable(join(stored.dir, TABLE_FILE));
    this.tables.delete(t.uuid);
    removeTree(stored.dir);
  }

  tableChanged(t: Table): void {
    const stored = this.tables.get(t.uuid);
    const keeps = this.keeps(t);
    if (stored && keeps) this.writeMeta(t, stored);
    else if (stored) this.tableDropped(t);
    else if (keeps) this.tableCreated(t);
  }

  partsReplaced(t: Table, next: readonly Block[], bytes: number, commit?: unknown): void {
    const stored = this.tables.get(t.uuid);
    if (!stored) return;
    // A load may change the definition too (StarRocks creates expression partitions).
    this.writeMeta(t, stored);
    if (!this.policy.keepsData(t)) return;
    const prev = t.parts;
    const appends = next.length >= prev.length && prev.every((b, i) => next[i] === b);
    const added = commit === undefined ? [] : [commit];
    if (appends) {
      // A load of no rows still writes its commit record (a label is used all the same).
      if (next.length > prev.length || added.length) this.writePart(t, stored, next.slice(prev.length), bytes - t.bytes, false, added);
      return;
    }
    // The replacing part carries the records the dialect still needs, as the older parts go.
    const kept = this.policy.keepCommits ? this.policy.keepCommits(stored.commits) : stored.commits;
    this.writePart(t, stored, next, bytes, true, [...kept, ...added]);
  }

  /** Rewrite a table's parts as one replacing file (fewer files to read at the next start), blocks and commit records kept. */
  compact(t: Table): void {
    const stored = this.tables.get(t.uuid);
    if (!stored) return;
    const kept = this.policy.keepCommits ? this.policy.keepCommits(stored.commits) : stored.commits;
    this.writePart(t, stored, t.parts, t.bytes, true, kept);
  }

  private writeMeta(t: Table, stored: StoredTable): void {
    const meta = encodeTableMeta(t, this.policy);
    if (meta === stored.meta) return;
    writeDurable(join(stored.dir, TABLE_FILE), meta);
    stored.meta = meta;
  }

  private writePart(t: Table, stored: StoredTable, blocks: readonly Block[], bytes: number, reset: boolean, commits: unknown[]): void {
    if (!this.policy.keepsData(t)) return;
    const seq = stored.nextSeq++;
    writeDurable(join(stored.dir, partName(seq)), encodePart({ reset, bytes, commits, blocks: [...blocks] }));
    stored.commits = reset ? commits : [...stored.commits, ...commits];
    // The new part replaces the older ones: they are garbage now (the loader ignores them too).
    if (reset) removeOlderParts(stored.dir, seq);
  }
}

export function removeOlderParts(dir: string, seq: number): void {
  for (const name of readdirSync(dir)) {
    const s = partSeq(name);
    if (s !== undefined && s < seq) removeTree(join(dir, name));
  }
}
